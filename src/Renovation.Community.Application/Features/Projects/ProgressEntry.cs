using Renovation.Community.Application.Common;

namespace Renovation.Community.Application.Features.Projects;

/// <summary>One report of implementation progress: per cent complete, notes and photos. Entries are never edited.</summary>
public sealed class ProgressEntry : IAudited
{
    private ProgressEntry() { }

    public ProgressEntry(Guid projectId, int percent, string? notes, IReadOnlyList<Guid> photoFileIds, Guid recordedBy,
        DateTimeOffset now)
    {
        Id = Ids.New();
        ProjectId = projectId;
        Percent = percent;
        Notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
        PhotoFileIdList = string.Join(',', photoFileIds);
        RecordedBy = recordedBy;
        RecordedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }
    public int Percent { get; private set; }
    public string? Notes { get; private set; }
    /// <summary>Comma-separated file ids; a handful of photos does not deserve its own table.</summary>
    public string PhotoFileIdList { get; private set; } = "";
    public Guid RecordedBy { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    public IReadOnlyList<Guid> PhotoFileIds =>
        PhotoFileIdList.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList();
}
