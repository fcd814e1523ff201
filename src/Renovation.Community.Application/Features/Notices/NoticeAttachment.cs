using Renovation.Community.Application.Common;

namespace Renovation.Community.Application.Features.Notices;

public sealed class NoticeAttachment
{
    private NoticeAttachment() { }

    public NoticeAttachment(Guid noticeId, string fileName, string contentType, Common.Files.StoredContent stored, Guid uploadedBy,
        DateTimeOffset now)
    {
        Id = Ids.New();
        NoticeId = noticeId;
        FileName = fileName;
        ContentType = contentType;
        StorageKey = stored.Key;
        Sha256 = stored.Sha256;
        SizeBytes = stored.SizeBytes;
        UploadedBy = uploadedBy;
        UploadedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid NoticeId { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public string StorageKey { get; private set; } = "";
    public string Sha256 { get; private set; } = "";
    public long SizeBytes { get; private set; }
    public Guid UploadedBy { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }
}
