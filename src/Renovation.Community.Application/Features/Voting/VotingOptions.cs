namespace Renovation.Community.Application.Features.Voting;

/// <summary>Section <c>Voting</c>.</summary>
public sealed class VotingOptions
{
    public const string Section = "Voting";

    /// <summary>Days between convening a vote and its opening (物业管理条例: owners are notified 15 days ahead).</summary>
    public int MinimumNoticeDays { get; set; } = 15;
    /// <summary>Ballots are refused from the closing time; the result is counted this much later, so a ballot
    /// accepted just before the close has committed.</summary>
    public int CloseGraceSeconds { get; set; } = 10;
    public int ChainIntervalMilliseconds { get; set; } = 1000;
    public int ChainBatchSize { get; set; } = 500;
    /// <summary>Concurrent writers recording ballots (<see cref="BallotBox"/>), at least 1.</summary>
    public int BallotWriters { get; set; } = 4;
    /// <summary>Most ballots one of those transactions records.</summary>
    public int BallotBatchSize { get; set; } = 100;
    /// <summary>Largest written proxy authorisation accepted.</summary>
    public int MaxProxyDocumentBytes { get; set; } = 10 * 1024 * 1024;
}
