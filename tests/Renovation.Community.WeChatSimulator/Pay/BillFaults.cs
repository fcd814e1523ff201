namespace Renovation.Community.WeChatSimulator.Pay;

/// <summary>
/// Differences planted in the trade bills the simulator serves, so that reconciliation has something to find:
/// a row left out, a row WeChat has and we do not, a changed amount or state, a row written twice. Keyed by
/// out_trade_no (payment rows) or out_refund_no (refund rows); they last until <see cref="Clear"/>.
/// </summary>
public sealed class BillFaults
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _omitted = new(StringComparer.Ordinal);
    private readonly HashSet<string> _duplicated = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _amounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _states = new(StringComparer.Ordinal);
    private readonly List<ExtraBillRow> _extra = [];

    /// <summary>Leave the row of this order or refund out of the bill ("paid with us, missing from the bill").</summary>
    public void Omit(string outTradeOrRefundNo) { lock (_gate) _omitted.Add(outTradeOrRefundNo); }

    /// <summary>Write the row of this order or refund twice.</summary>
    public void Duplicate(string outTradeOrRefundNo) { lock (_gate) _duplicated.Add(outTradeOrRefundNo); }

    /// <summary>Print another amount (fen) on this order's SUCCESS row or this refund's REFUND row.</summary>
    public void ChangeAmount(string outTradeOrRefundNo, long fen) { lock (_gate) _amounts[outTradeOrRefundNo] = fen; }

    /// <summary>Print another 交易状态 (e.g. REVOKED) on this order's row.</summary>
    public void ChangeState(string outTradeNo, string tradeState) { lock (_gate) _states[outTradeNo] = tradeState; }

    /// <summary>A SUCCESS row on <paramref name="billDate"/> for an order the order book may not know or has not seen paid.</summary>
    public void AddSuccessRow(DateOnly billDate, string outTradeNo, long totalFen, string openId = "oSimulatorExtraPayer")
    {
        lock (_gate) _extra.Add(new ExtraBillRow(billDate, outTradeNo, totalFen, openId));
    }

    public void Clear()
    {
        lock (_gate)
        {
            _omitted.Clear();
            _duplicated.Clear();
            _amounts.Clear();
            _states.Clear();
            _extra.Clear();
        }
    }

    internal Snapshot Take()
    {
        lock (_gate)
        {
            return new Snapshot([.. _omitted], [.. _duplicated], new(_amounts), new(_states), [.. _extra]);
        }
    }

    internal sealed record ExtraBillRow(DateOnly BillDate, string OutTradeNo, long TotalFen, string OpenId);

    internal sealed record Snapshot(
        HashSet<string> Omitted, HashSet<string> Duplicated, Dictionary<string, long> Amounts, Dictionary<string, string> States, List<ExtraBillRow> Extra)
    {
        public int Copies(string key) => Omitted.Contains(key) ? 0 : Duplicated.Contains(key) ? 2 : 1;

        public long Amount(string key, long fen) => Amounts.GetValueOrDefault(key, fen);

        public string State(string key, string state) => States.GetValueOrDefault(key, state);
    }
}
