using Renovation.Community.Api.Common.Errors;

namespace Renovation.Community.Api.Features.Voting;

/// <summary>Per-community voting practice (local rules, not national law), with the rule book's defaults.</summary>
public sealed class VotingSettings : Common.IAudited
{
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

    public void Change(bool lastBallotWins, int resultPublicityDays, bool silenceCountsAsConsent)
    {
        if (silenceCountsAsConsent)
            throw new DomainRuleViolation("silence_consent_unsupported",
                "“未表态视为同意”须有每张选票已送达的证明，本系统尚不支持，不能开启");
        if (resultPublicityDays is < 1 or > 90)
            throw new DomainRuleViolation("publicity_days_invalid", "结果公示期应为 1 到 90 天");
        LastBallotWins = lastBallotWins;
        ResultPublicityDays = resultPublicityDays;
    }
}
