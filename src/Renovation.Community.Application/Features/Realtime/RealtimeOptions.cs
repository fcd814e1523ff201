namespace Renovation.Community.Application.Features.Realtime;

/// <summary>Section <c>Realtime</c>.</summary>
public sealed class RealtimeOptions
{
    public const string Section = "Realtime";

    /// <summary>How often the dispatcher looks for events written by other nodes (local writes wake it at once).</summary>
    public int PollMilliseconds { get; set; } = 500;
    /// <summary>How long a node keeps the dispatcher lease without renewing it.</summary>
    public int LeaseSeconds { get; set; } = 15;
    public int BatchSize { get; set; } = 200;
    /// <summary>Published events older than this are deleted; a client away longer reloads instead of catching up.</summary>
    public int RetentionDays { get; set; } = 30;
}
