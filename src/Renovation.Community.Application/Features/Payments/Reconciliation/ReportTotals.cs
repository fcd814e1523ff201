namespace Renovation.Community.Application.Features.Payments.Reconciliation;

public sealed class ReportTotals
{
    public long PaidCount { get; set; }
    public long PaidFen { get; set; }
    public long RefundCount { get; set; }
    public long RefundFen { get; set; }
    public long FeeMilliFen { get; set; }
}
