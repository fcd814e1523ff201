using Renovation.Community.Application.Common;
using Renovation.Community.Application.Common.Errors;

namespace Renovation.Community.Application.Features.Voting;

public enum ProxyStatus
{
    Pending = 0,
    Approved = 1,
    Rejected = 2,
    /// <summary>Taken back by the owner; the owner may vote again (or appoint someone else).</summary>
    Withdrawn = 3,
}

/// <summary>An owner's written authorisation for a proxy to cast the party's ballot in one vote (委托投票).</summary>
public sealed class ProxyAuthorization : IAudited
{
    private ProxyAuthorization() { }

    public ProxyAuthorization(Guid voteId, Guid ownerPartyId, Guid grantorUserId, Guid proxyUserId, string documentKey,
        string documentContentType, DateTimeOffset now)
    {
        EnsureNotSelf(grantorUserId, proxyUserId);
        Id = Ids.New();
        VoteId = voteId;
        OwnerPartyId = ownerPartyId;
        GrantorUserId = grantorUserId;
        ProxyUserId = proxyUserId;
        DocumentKey = documentKey;
        DocumentContentType = documentContentType;
        RequestedAt = now;
        Live = true;
    }

    public static void EnsureNotSelf(Guid grantorUserId, Guid proxyUserId)
    {
        if (grantorUserId == proxyUserId)
            throw new DomainRuleViolation("proxy_is_self", "不能委托自己");
    }

    public Guid Id { get; private set; }
    public Guid VoteId { get; private set; }
    public Guid OwnerPartyId { get; private set; }
    public Guid GrantorUserId { get; private set; }
    public Guid ProxyUserId { get; private set; }
    /// <summary>Where the uploaded authorisation is kept in the file store.</summary>
    public string DocumentKey { get; private set; } = "";
    public string DocumentContentType { get; private set; } = "";
    public ProxyStatus Status { get; private set; }
    public DateTimeOffset RequestedAt { get; private set; }
    public Guid? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? RejectionReason { get; private set; }
    /// <summary>
    /// True while pending or approved, null once rejected or withdrawn: the unique index (vote, party, live) allows one standing
    /// proxy per party and vote however many requests race (NULLs never collide; MariaDB has no filtered indexes).
    /// </summary>
    public bool? Live { get; private set; }

    public void Approve(Guid by, DateTimeOffset now)
    {
        EnsurePending();
        Status = ProxyStatus.Approved;
        DecidedBy = by;
        DecidedAt = now;
    }

    public void Reject(Guid by, string reason, DateTimeOffset now)
    {
        EnsurePending();
        Status = ProxyStatus.Rejected;
        DecidedBy = by;
        DecidedAt = now;
        RejectionReason = reason.Trim();
        Live = null;
    }

    /// <summary>
    /// The owner takes the authorisation back, before or after approval, so they may vote themselves. The audit log
    /// keeps who did it and when.
    /// </summary>
    public void Withdraw()
    {
        if (Status is not (ProxyStatus.Pending or ProxyStatus.Approved))
            throw new DomainRuleViolation("proxy_not_standing", "该委托已被驳回或撤回", StatusCodes.Status409Conflict);
        Status = ProxyStatus.Withdrawn;
        Live = null;
    }

    private void EnsurePending()
    {
        if (Status != ProxyStatus.Pending)
            throw AlreadyDecided();
    }

    public static AppProblem AlreadyDecided() =>
        new DomainRuleViolation("proxy_already_decided", "该委托已处理", StatusCodes.Status409Conflict);

    public static AppProblem Exists() => AppProblem.Conflict("proxy_exists", "该户业主在本次投票已有委托");
}
