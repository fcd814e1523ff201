using Renovation.Community.Application.Common;
using Renovation.Community.Application.Common.Files;

namespace Renovation.Community.Application.Features.Fund;

/// <summary>
/// An invoice (发票) or receipt behind a works plan's actual cost, as a PDF or a photo. The bytes are in the
/// <see cref="IFileStore"/>; the type was read from the content, not the name. Never changed once uploaded.
/// </summary>
public sealed class WorksInvoice : IAudited
{
    public const int MaxNote = 200;

    private WorksInvoice() { }

    public WorksInvoice(WorksPlan plan, CheckedUpload upload, long? amountFen, string? note, Guid uploadedBy, DateTimeOffset now)
    {
        Id = Ids.New();
        PlanId = plan.Id;
        CommunityId = plan.CommunityId;
        FileName = upload.DisplayName;
        ContentType = upload.Type.ContentType;
        StorageKey = upload.Stored.Key;
        Sha256 = upload.Stored.Sha256;
        SizeBytes = upload.Stored.SizeBytes;
        AmountFen = amountFen;
        Note = note;
        UploadedBy = uploadedBy;
        UploadedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid PlanId { get; private set; }
    public Guid CommunityId { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public string StorageKey { get; private set; } = "";
    public string Sha256 { get; private set; } = "";
    public long SizeBytes { get; private set; }
    public long? AmountFen { get; private set; }
    public string? Note { get; private set; }
    public Guid UploadedBy { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }
}
