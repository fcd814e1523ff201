namespace Renovation.Community.Application.Features.Proposals;

/// <summary>One line of the cost estimate (造价估算), in fen.</summary>
public sealed record CostLine(string Name, long AmountFen);

/// <summary>
/// Who pays (资金筹措): government subsidy, utility companies (water, power, gas, telecom pipelines), residents'
/// contributions and the housing maintenance fund. The four parts must add up to the cost estimate exactly.
/// </summary>
public sealed record Funding(long GovernmentFen, long UtilitiesFen, long ResidentsFen, long MaintenanceFundFen)
{
    public long TotalFen => checked(GovernmentFen + UtilitiesFen + ResidentsFen + MaintenanceFundFen);
}

/// <summary>An uploaded project file attached to a plan under a title (e.g. "设计图纸").</summary>
public sealed record AttachmentLine(Guid FileId, string Title);

/// <summary>Everything a plan version says (一小区一方案): design, cost estimate, fund-raising and after-care.</summary>
public sealed record PlanContent(string Title, string Design, string AfterCare, IReadOnlyList<CostLine> CostItems,
    Funding Funding, IReadOnlyList<AttachmentLine> Attachments);
