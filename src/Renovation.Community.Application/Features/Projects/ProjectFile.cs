using Renovation.Community.Application.Common;
using Renovation.Community.Application.Common.Files;

namespace Renovation.Community.Application.Features.Projects;

/// <summary>
/// An uploaded document or photo of a project (plan PDFs, drawings, progress photos). The bytes are in the
/// <see cref="IFileStore"/>; the type was read from the content, not the name.
/// </summary>
public sealed class ProjectFile : IAudited
{
    private ProjectFile() { }

    public ProjectFile(Guid projectId, Guid communityId, string fileName, DetectedType type, StoredContent content,
        Guid uploadedBy, DateTimeOffset now)
    {
        Id = Ids.New();
        ProjectId = projectId;
        CommunityId = communityId;
        FileName = fileName;
        Kind = type.Kind;
        ContentType = type.ContentType;
        StorageKey = content.Key;
        Sha256 = content.Sha256;
        SizeBytes = content.SizeBytes;
        UploadedBy = uploadedBy;
        UploadedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }
    public Guid CommunityId { get; private set; }
    public string FileName { get; private set; } = "";
    public FileKind Kind { get; private set; }
    public string ContentType { get; private set; } = "";
    public string StorageKey { get; private set; } = "";
    public string Sha256 { get; private set; } = "";
    public long SizeBytes { get; private set; }
    public Guid UploadedBy { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }
}
