using Renovation.Community.Application.Common;

namespace Renovation.Community.Application.Features.Fund;

/// <summary>
/// A period statement as it was published (公示): the figures are frozen as JSON when published, so the file a notice
/// links to never changes afterwards. A wrong statement is not edited but superseded (更正): a new revision of the same
/// period with the reason, published as its own notice; the earlier one is kept and marked superseded. One row per
/// community, period and revision (a unique index), so racing publications or supersessions of one statement leave one
/// winner, whether the committee published it or the yearly job did. Not audited: the figures never change, and the
/// notices record who published and who corrected.
/// </summary>
public sealed class PublishedStatement
{
    private PublishedStatement() { }

    public const int MaxReasonLength = 500;

    public PublishedStatement(Guid communityId, DateOnly from, DateOnly to, string snapshot, long closingFen, bool yearly,
        Guid publishedBy, DateTimeOffset now)
    {
        Revision = 1;
        Id = Ids.New();
        CommunityId = communityId;
        From = from;
        To = to;
        Snapshot = snapshot;
        ClosingFen = closingFen;
        Yearly = yearly;
        PublishedBy = publishedBy;
        PublishedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid CommunityId { get; private set; }
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    /// <summary>The <see cref="Statement"/> as JSON, exactly as published.</summary>
    public string Snapshot { get; private set; } = "";
    public long ClosingFen { get; private set; }
    /// <summary>Published by the yearly job rather than by a committee member.</summary>
    public bool Yearly { get; private set; }
    /// <summary>The committee member, or <see cref="Common.Authorization.SystemActor.Id"/> for the yearly job (null on rows
    /// published before the system had an id).</summary>
    public Guid? PublishedBy { get; private set; }
    public DateTimeOffset PublishedAt { get; private set; }
    public Guid NoticeId { get; private set; }

    /// <summary>1 for the first publication of a period; each correction is the next revision of the same period.</summary>
    public int Revision { get; private set; }
    /// <summary>The statement this one corrects (null on a first publication).</summary>
    public Guid? SupersedesId { get; private set; }
    /// <summary>Why the committee corrected the earlier statement (null on a first publication).</summary>
    public string? CorrectionReason { get; private set; }
    /// <summary>The correction that replaced this statement, if any: a superseded statement stays readable.</summary>
    public Guid? SupersededById { get; private set; }
    public DateTimeOffset? SupersededAt { get; private set; }

    public void Noticed(Guid noticeId) => NoticeId = noticeId;

    /// <summary>
    /// The correction of this statement, for the same period with the figures rebuilt now. Only the current revision can
    /// be corrected; two racing corrections both claim revision + 1, and the unique index keeps one.
    /// </summary>
    public PublishedStatement SupersedeWith(string snapshot, long closingFen, string reason, Guid correctedBy, DateTimeOffset now)
    {
        if (SupersededById is not null)
            throw new Common.Errors.DomainRuleViolation("fund_statement_superseded", "该对账单已被更正，请更正最新的一份",
                Microsoft.AspNetCore.Http.StatusCodes.Status409Conflict);
        var correction = new PublishedStatement(CommunityId, From, To, snapshot, closingFen, Yearly, correctedBy, now)
        {
            Revision = Revision + 1,
            SupersedesId = Id,
            CorrectionReason = reason,
        };
        SupersededById = correction.Id;
        SupersededAt = now;
        return correction;
    }
}
