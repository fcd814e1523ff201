using Renovation.Community.Application.Common;
using Renovation.Community.Application.Common.Errors;

namespace Renovation.Community.Application.Features.Voting;

public enum VoteKind
{
    /// <summary>Agree, oppose or abstain on one proposal.</summary>
    Motion = 0,
    /// <summary>Each voter agrees with up to <see cref="Vote.Seats"/> candidates.</summary>
    Election = 1,
}

public enum Secrecy
{
    /// <summary>The published record shows each party's choice.</summary>
    Named = 0,
    /// <summary>The record shows choices and weights, and separately who took part; nothing links the two.</summary>
    Secret = 1,
}

public enum VoteState
{
    Scheduled = 0,
    Open = 1,
    Closed = 2,
    Cancelled = 3,
}

/// <summary>An Article 278 vote of one community's owners (业主共同决定).</summary>
public sealed class Vote : IAudited
{
    private readonly List<Candidate> _candidates = [];

    private Vote() { }

    public Vote(Guid communityId, string title, string description, Matter matter, VoteKind kind, Secrecy secrecy,
        bool showCountsBeforeClose, int seats, DateTimeOffset opensAt, DateTimeOffset closesAt, Guid convenedBy,
        Guid? planId, IEnumerable<CandidatePerson> candidates, DateTimeOffset now)
    {
        Id = Ids.New();
        CommunityId = communityId;
        Title = title.Trim();
        Description = description.Trim();
        Matter = matter;
        Kind = kind;
        Secrecy = secrecy;
        ShowCountsBeforeClose = showCountsBeforeClose;
        OpensAt = opensAt;
        ClosesAt = closesAt;
        ConvenedBy = convenedBy;
        PlanId = planId;
        CreatedAt = now;
        var order = 0;
        var persons = new HashSet<string>(StringComparer.Ordinal);
        foreach (var person in candidates)
        {
            // One person is one candidate, however often or however differently they were named.
            if (!persons.Add(person.Key))
                throw new DomainRuleViolation("candidate_repeated",
                    $"候选人重复：{CandidatePerson.Label(person.Name, person.Flat, person.IdLast4)} 已在候选人名单中").With("candidate", order);
            _candidates.Add(new Candidate(Id, person, ++order));
        }
        Seats = kind == VoteKind.Election ? seats : 0;
        if (closesAt <= opensAt)
            throw new DomainRuleViolation("vote_period_invalid", "投票截止时间必须晚于开始时间");
        // Owners elect only their committee (Civil Code Art. 278(3)); every other matter is decided by a motion.
        if (kind == VoteKind.Election && matter != Matter.ElectCommittee)
            throw new DomainRuleViolation("election_matter_invalid", "只有选举或更换业主委员会委员的事项才能以选举方式表决，其他事项请以议案表决");
        if (kind == VoteKind.Election && (_candidates.Count == 0 || seats < 1 || seats > _candidates.Count))
            throw new DomainRuleViolation("election_seats_invalid", "选举须有候选人，且应选名额在 1 到候选人数之间");
        // Live per-option counts would show how each new secret ballot moved them.
        if (secrecy == Secrecy.Secret && showCountsBeforeClose)
            throw new DomainRuleViolation("secret_vote_counts_hidden", "无记名投票在截止前不能公开分项票数");
        if (kind == VoteKind.Motion && _candidates.Count > 0)
            throw new DomainRuleViolation("motion_has_candidates", "表决事项不设候选人");
    }

    public Guid Id { get; private set; }
    public Guid CommunityId { get; private set; }
    public string Title { get; private set; } = "";
    public string Description { get; private set; } = "";
    public Matter Matter { get; private set; }
    public VoteKind Kind { get; private set; }
    public Secrecy Secrecy { get; private set; }
    public bool ShowCountsBeforeClose { get; private set; }
    public int Seats { get; private set; }
    public DateTimeOffset OpensAt { get; private set; }
    public DateTimeOffset ClosesAt { get; private set; }
    public VoteState State { get; private set; }
    public Guid ConvenedBy { get; private set; }
    /// <summary>The renovation plan this vote decides, when it decides one.</summary>
    public Guid? PlanId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    /// <summary>The community's "last ballot wins before close" setting, fixed when the vote opens.</summary>
    public bool LastBallotWins { get; private set; }
    /// <summary>The frozen electorate: total exclusive area and number of owner parties (heads).</summary>
    public long ElectorateArea { get; private set; }
    public long ElectorateHeads { get; private set; }
    public int ElectorateUnits { get; private set; }
    public DateTimeOffset? OpenedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public DateTimeOffset? ResultPublicUntil { get; private set; }
    public IReadOnlyList<Candidate> Candidates => _candidates;
    public VoteResult? Result { get; private set; }
    public int Version { get; private set; }

    public Totals Electorate => new(ElectorateArea, ElectorateHeads);

    public void Open(long area, long heads, int units, bool lastBallotWins, DateTimeOffset now)
    {
        if (State != VoteState.Scheduled)
            throw new DomainRuleViolation("vote_not_scheduled", "只有待开始的投票可以开始", StatusCodes.Status409Conflict);
        ElectorateArea = area;
        ElectorateHeads = heads;
        ElectorateUnits = units;
        LastBallotWins = lastBallotWins;
        OpenedAt = now;
        State = VoteState.Open;
        Version++;
    }

    public void Close(VoteResult result, DateTimeOffset now, int publicityDays)
    {
        if (State != VoteState.Open)
            throw new DomainRuleViolation("vote_not_open", "投票未在进行中", StatusCodes.Status409Conflict);
        Result = result;
        ClosedAt = now;
        ResultPublicUntil = now.AddDays(publicityDays);
        State = VoteState.Closed;
        Version++;
    }

    public void Cancel()
    {
        if (State != VoteState.Scheduled)
            throw new DomainRuleViolation("vote_cannot_cancel", "投票已开始，不能取消", StatusCodes.Status409Conflict);
        State = VoteState.Cancelled;
        Version++;
    }

    /// <summary>Moves a vote that has not opened (an owners' assembly moved with a fresh notice); the caller checked the notice.</summary>
    public void Reschedule(DateTimeOffset opensAt, DateTimeOffset closesAt)
    {
        if (State != VoteState.Scheduled)
            throw new DomainRuleViolation("vote_cannot_reschedule", "投票已开始，不能改期", StatusCodes.Status409Conflict);
        if (closesAt <= opensAt)
            throw new DomainRuleViolation("vote_period_invalid", "投票截止时间必须晚于开始时间");
        OpensAt = opensAt;
        ClosesAt = closesAt;
        Version++;
    }

    /// <summary>Ballots are taken from opening until the closing time, by the clock rather than the stored state,
    /// so a ballot can never slip in after the close even before the closing job has run.</summary>
    public void EnsureAcceptingBallots(DateTimeOffset now)
    {
        if (State != VoteState.Open || now >= ClosesAt)
            throw new DomainRuleViolation("vote_not_open", "投票未开始或已截止", StatusCodes.Status409Conflict);
    }
}
