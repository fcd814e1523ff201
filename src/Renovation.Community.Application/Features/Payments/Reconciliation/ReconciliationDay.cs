namespace Renovation.Community.Application.Features.Payments.Reconciliation;

/// <summary>
/// One bill day, reconciled (one row per day, unique). Written once, when the bill was matched for the first time;
/// later runs of the same day find the same differences and leave it alone.
/// </summary>
public sealed class ReconciliationDay
{
    private ReconciliationDay() { }

    public ReconciliationDay(DateOnly billDate, BillMatchResult result, string sha1, DateTimeOffset now)
    {
        BillDate = billDate;
        BillArrived(result, sha1, now);
    }

    /// <summary>The day's figures from its bill (zeros and an empty SHA1 when WeChat had no bill for the day).</summary>
    public void BillArrived(BillMatchResult result, string sha1, DateTimeOffset now)
    {
        Sha1 = sha1;
        BillRows = result.Rows;
        SettlementTotalFen = result.Summary.SettlementTotalFen;
        RefundTotalFen = result.Summary.RefundTotalFen;
        FeeTotalMilliFen = result.Summary.FeeTotalMilliFen;
        ReconciledAt = now;
    }

    public DateOnly BillDate { get; private set; }
    /// <summary>The SHA1 WeChat Pay announced and the downloaded file matched; empty when there was no bill (no transactions).</summary>
    public string Sha1 { get; private set; } = "";
    public long BillRows { get; private set; }
    public long SettlementTotalFen { get; private set; }
    public long RefundTotalFen { get; private set; }
    /// <summary>手续费总金额 in 0.00001 yuan.</summary>
    public long FeeTotalMilliFen { get; private set; }
    public DateTimeOffset ReconciledAt { get; private set; }
}
