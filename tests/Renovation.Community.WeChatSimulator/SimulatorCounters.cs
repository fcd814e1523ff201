namespace Renovation.Community.WeChatSimulator;

/// <summary>What the simulator has seen; tests assert on these (e.g. one token refresh for 100 callers).</summary>
public sealed class SimulatorCounters
{
    private long _stableTokenRequests;
    private long _accessTokensIssued;
    private long _rejectedPaySignatures;
    private long _payRequests;
    private long _code2SessionRequests;
    private long _faultsServed;

    public long StableTokenRequests => Interlocked.Read(ref _stableTokenRequests);

    public long AccessTokensIssued => Interlocked.Read(ref _accessTokensIssued);

    public long RejectedPaySignatures => Interlocked.Read(ref _rejectedPaySignatures);

    /// <summary>WeChat Pay requests whose signature verified.</summary>
    public long PayRequests => Interlocked.Read(ref _payRequests);

    public long Code2SessionRequests => Interlocked.Read(ref _code2SessionRequests);

    public long FaultsServed => Interlocked.Read(ref _faultsServed);

    internal void StableTokenRequested() => Interlocked.Increment(ref _stableTokenRequests);

    internal void AccessTokenIssued() => Interlocked.Increment(ref _accessTokensIssued);

    internal void PaySignatureRejected() => Interlocked.Increment(ref _rejectedPaySignatures);

    internal void PayRequestAccepted() => Interlocked.Increment(ref _payRequests);

    internal void Code2SessionRequested() => Interlocked.Increment(ref _code2SessionRequests);

    internal void FaultServed() => Interlocked.Increment(ref _faultsServed);
}
