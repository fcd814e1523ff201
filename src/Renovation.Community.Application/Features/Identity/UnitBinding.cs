using Renovation.Community.Application.Common;
using Renovation.Community.Application.Common.Errors;

namespace Renovation.Community.Application.Features.Identity;

public enum BindingStatus
{
    Pending = 0,
    Approved = 1,
    Rejected = 2,
    Revoked = 3,
}

/// <summary>
/// A resident's claim to act for a unit's owner party (房屋绑定). Staff of the community decide; an approved
/// binding is what makes a user a resident of that unit.
/// </summary>
public sealed class UnitBinding : IAudited
{
    private UnitBinding() { }

    public UnitBinding(Guid userId, Guid unitId, Guid communityId, string claimedName, string idLast4,
        string certificateNumber, bool matchesRegister, DateTimeOffset now)
    {
        Id = Ids.New();
        UserId = userId;
        UnitId = unitId;
        CommunityId = communityId;
        ClaimedName = claimedName.Trim();
        IdLast4 = idLast4.Trim().ToUpperInvariant();
        CertificateNumber = certificateNumber.Trim();
        MatchesRegister = matchesRegister;
        RequestedAt = now;
        Live = true;
    }

    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public Guid UnitId { get; private set; }
    public Guid CommunityId { get; private set; }
    public string ClaimedName { get; private set; } = "";
    public string IdLast4 { get; private set; } = "";
    public string CertificateNumber { get; private set; } = "";
    /// <summary>Whether the claim agreed with the register when made; a hint for the approver, not a decision.</summary>
    public bool MatchesRegister { get; private set; }
    public BindingStatus Status { get; private set; }
    public DateTimeOffset RequestedAt { get; private set; }
    public Guid? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? RejectionReason { get; private set; }
    /// <summary>Why an approver accepted a claim that did not match the register (required for such an approval).</summary>
    public string? MismatchReason { get; private set; }
    /// <summary>
    /// True while the binding is pending or approved, null once it ended. The unique index (user, unit, live) lets a
    /// user hold one live binding per unit however many requests race, and any number of ended ones: NULLs never
    /// collide, on SQLite and MariaDB alike (MariaDB has no filtered indexes).
    /// </summary>
    public bool? Live { get; private set; }

    /// <summary>
    /// A claim that did not match the register is approved only with the approver's explicit confirmation and reason
    /// (<paramref name="mismatchReason"/>): the register is the evidence of ownership, so departing from it is a
    /// decision someone answers for, kept in the audit log with the binding.
    /// </summary>
    public void Approve(Guid approver, DateTimeOffset now, string? mismatchReason = null)
    {
        EnsurePending();
        if (!MatchesRegister && string.IsNullOrWhiteSpace(mismatchReason))
            throw new DomainRuleViolation("mismatch_confirmation_required",
                "该申请与业主名册不一致（姓名、身份证号后四位或不动产权证号）：确认批准须同时提交 confirmMismatch=true 和理由 reason");
        MismatchReason = MatchesRegister ? null : mismatchReason!.Trim();
        Status = BindingStatus.Approved;
        DecidedBy = approver;
        DecidedAt = now;
    }

    public void Reject(Guid approver, string reason, DateTimeOffset now)
    {
        EnsurePending();
        Status = BindingStatus.Rejected;
        DecidedBy = approver;
        DecidedAt = now;
        RejectionReason = reason.Trim();
        Live = null;
    }

    public void Revoke(Guid by, DateTimeOffset now)
    {
        if (Status != BindingStatus.Approved)
            throw NotApproved();
        Status = BindingStatus.Revoked;
        DecidedBy = by;
        DecidedAt = now;
        Live = null;
    }

    private void EnsurePending()
    {
        if (Status != BindingStatus.Pending)
            throw AlreadyDecided();
    }

    public static AppProblem AlreadyDecided() =>
        new DomainRuleViolation("binding_already_decided", "该绑定申请已处理", StatusCodes.Status409Conflict);

    public static AppProblem NotApproved() =>
        new DomainRuleViolation("binding_not_approved", "只能解除已通过的绑定", StatusCodes.Status409Conflict);
}
