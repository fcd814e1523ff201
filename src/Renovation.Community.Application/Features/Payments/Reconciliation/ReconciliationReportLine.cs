using Renovation.Community.Application.Common;
using Renovation.Community.Application.Common.Payments;

namespace Renovation.Community.Application.Features.Payments.Reconciliation;

/// <summary>
/// The daily report (日报) of one community's money of one purpose: what the bill says was paid and refunded,
/// WeChat's fee, and how many differences were found. Unique per day, community, owner and purpose.
/// </summary>
public sealed class ReconciliationReportLine
{
    private ReconciliationReportLine() { }

    public ReconciliationReportLine(DateOnly billDate, ReportKey key)
    {
        Id = Ids.New();
        BillDate = billDate;
        CommunityId = key.CommunityId;
        Owner = key.Owner;
        Purpose = key.Purpose;
    }

    public Guid Id { get; private set; }
    public DateOnly BillDate { get; private set; }
    public Guid CommunityId { get; private set; }
    public MoneyOwner Owner { get; private set; }
    public string Purpose { get; private set; } = "";
    public long PaidCount { get; private set; }
    public long PaidFen { get; private set; }
    public long RefundCount { get; private set; }
    public long RefundFen { get; private set; }
    /// <summary>WeChat's fee (net of fees returned with refunds) in 0.00001 yuan, as the bill prints it.</summary>
    public long FeeMilliFen { get; private set; }
    public int DiscrepancyCount { get; private set; }

    /// <summary>Sets the figures; the same figures leave the row unchanged (EF writes nothing).</summary>
    public void Set(ReportTotals totals, int discrepancies)
    {
        PaidCount = totals.PaidCount;
        PaidFen = totals.PaidFen;
        RefundCount = totals.RefundCount;
        RefundFen = totals.RefundFen;
        FeeMilliFen = totals.FeeMilliFen;
        DiscrepancyCount = discrepancies;
    }
}
