using Renovation.Community.Application.Common.Errors;

namespace Renovation.Community.Application.Features.Voting;

/// <summary>Per-community voting practice (local rules, not national law), with the rule book's defaults.</summary>
public sealed class VotingSettings : Common.IAudited
{
    public const int MaxNoticeDays = 90;

    private VotingSettings() { }

    public VotingSettings(Guid communityId)
    {
        CommunityId = communityId;
        Id = communityId;
    }

    /// <summary>Same as <see cref="CommunityId"/>; the audit log keys entries by it.</summary>
    public Guid Id { get; private set; }
    public Guid CommunityId { get; private set; }
    /// <summary>Whether a later ballot before the close replaces the earlier one (off: the later one is refused).</summary>
    public bool LastBallotWins { get; private set; }
    /// <summary>How long a result stays published.</summary>
    public int ResultPublicityDays { get; private set; } = 7;
    /// <summary>"Silence counts as consent" is legally contested; it stays off until delivery proof exists.</summary>
    public bool SilenceCountsAsConsent { get; private set; }
    /// <summary>A longer notice than the legal minimum this community chose (its rules of procedure may ask for it); null: the minimum.</summary>
    public int? MinimumNoticeDays { get; private set; }

    /// <summary>The notice a vote of this community needs: the community's own, never less than the legal minimum.</summary>
    public int NoticeDays(int legalMinimum) => Math.Max(legalMinimum, MinimumNoticeDays ?? 0);

    public void Change(bool lastBallotWins, int resultPublicityDays, bool silenceCountsAsConsent, int? minimumNoticeDays,
        int legalMinimumNoticeDays)
    {
        // A setting the server would not apply is refused, never dropped: the caller must learn the law's floor.
        if (minimumNoticeDays < legalMinimumNoticeDays)
            throw new DomainRuleViolation("below_legal_minimum",
                    $"minimumNoticeDays：投票通知期不得少于 {legalMinimumNoticeDays} 天（《物业管理条例》：召开业主大会会议应当于会议召开 15 日以前通知全体业主）")
                .With("field", "minimumNoticeDays").With("minimum", legalMinimumNoticeDays);
        if (minimumNoticeDays > MaxNoticeDays)
            throw new DomainRuleViolation("above_maximum", $"minimumNoticeDays：投票通知期不超过 {MaxNoticeDays} 天")
                .With("field", "minimumNoticeDays").With("maximum", MaxNoticeDays);
        if (silenceCountsAsConsent)
            throw new DomainRuleViolation("silence_consent_unsupported",
                "“未表态视为同意”须有每张选票已送达的证明，本系统尚不支持，不能开启");
        if (resultPublicityDays is < 1 or > 90)
            throw new DomainRuleViolation("publicity_days_invalid", "结果公示期应为 1 到 90 天");
        LastBallotWins = lastBallotWins;
        ResultPublicityDays = resultPublicityDays;
        MinimumNoticeDays = minimumNoticeDays;
    }
}
