using Renovation.Community.Application.Common;

namespace Renovation.Community.Application.Features.Services;

/// <summary>A photo of an item, an image checked by its first bytes like every upload.</summary>
public sealed class ServiceItemPhoto : IAudited
{
    private ServiceItemPhoto() { }

    public ServiceItemPhoto(Guid itemId, string contentType, string storageKey, long sizeBytes, Guid uploadedBy, DateTimeOffset now)
    {
        Id = Ids.New();
        ItemId = itemId;
        ContentType = contentType;
        StorageKey = storageKey;
        SizeBytes = sizeBytes;
        UploadedBy = uploadedBy;
        UploadedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid ItemId { get; private set; }
    public string ContentType { get; private set; } = "";
    public string StorageKey { get; private set; } = "";
    public long SizeBytes { get; private set; }
    public Guid UploadedBy { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }
}
