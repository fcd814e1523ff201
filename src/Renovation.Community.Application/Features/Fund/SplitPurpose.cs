namespace Renovation.Community.Application.Features.Fund;

/// <summary>What a fund split is for; each purpose has its own area in <see cref="FundSettings"/>.</summary>
public enum SplitPurpose
{
    /// <summary>Initial deposits per m², per-m² top-ups and works charges.</summary>
    Charges = 0,
    CommonIncome = 1,
}
