namespace Renovation.Community.Application.Features.Voting;

public enum BallotChannel
{
    Online = 0,
    Proxy = 1,
    Paper = 2,
}

/// <summary>
/// One cast ballot, append-only. A later ballot that replaces it names it in <see cref="SupersedesBallotId"/>
/// (unique, so two replacements cannot both win). The receipt is SHA-256 over the vote, the choice, the weight and
/// the voter's secret ballot key: the voter can recompute it and find it in the published chain.
/// </summary>
public sealed class Ballot
{
    private Ballot() { }

    /// <summary>
    /// A new ballot for a party. In a secret vote it keeps nothing that links it to whoever cast it: no party, user,
    /// channel or time.
    /// </summary>
    public static Ballot Cast(Vote vote, Guid partyId, long areaHundredths, BallotChoice choice, string receiptHash,
        string keyHash, int shard, Guid? supersedesBallotId, Guid? castByUserId, BallotChannel channel, DateTimeOffset now)
    {
        var named = vote.Secrecy == Secrecy.Named;
        return new Ballot(Guid.NewGuid(), vote.Id, choice.Code, areaHundredths, receiptHash, keyHash, shard, supersedesBallotId,
            named ? partyId : null, named ? castByUserId : null, named ? channel : null, named ? now : null);
    }

    private Ballot(Guid id, Guid voteId, string choiceCode, long areaHundredths, string receiptHash, string keyHash, int shard,
        Guid? supersedesBallotId, Guid? ownerPartyId, Guid? castByUserId, BallotChannel? channel, DateTimeOffset? castAt)
    {
        Id = id;
        VoteId = voteId;
        ChoiceCode = choiceCode;
        AreaHundredths = areaHundredths;
        ReceiptHash = receiptHash;
        KeyHash = keyHash;
        Shard = shard;
        SupersedesBallotId = supersedesBallotId;
        OwnerPartyId = ownerPartyId;
        CastByUserId = castByUserId;
        Channel = channel;
        CastAt = castAt;
    }

    /// <summary>Random (not time-ordered) so ids reveal nothing about when a secret ballot was cast.</summary>
    public Guid Id { get; private set; }
    public Guid VoteId { get; private set; }
    public string ChoiceCode { get; private set; } = "";
    public long AreaHundredths { get; private set; }
    public string ReceiptHash { get; private set; } = "";
    /// <summary>SHA-256 of the vote and the ballot key alone: finds this ballot when its owner replaces it.</summary>
    public string KeyHash { get; private set; } = "";
    /// <summary>Which tally shard it was counted in (chosen at random).</summary>
    public int Shard { get; private set; }
    public Guid? SupersedesBallotId { get; private set; }
    /// <summary>Named votes only; always null in a secret vote.</summary>
    public Guid? OwnerPartyId { get; private set; }
    public Guid? CastByUserId { get; private set; }
    public BallotChannel? Channel { get; private set; }
    public DateTimeOffset? CastAt { get; private set; }
    /// <summary>Position in the vote's hash chain, assigned by the chainer after commit.</summary>
    public long? ChainIndex { get; private set; }
    public string? LinkHash { get; private set; }

    public void Chain(long index, string linkHash)
    {
        ChainIndex = index;
        LinkHash = linkHash;
    }
}
