namespace Renovation.Community.Application.Features.Services;

/// <summary>How much of a service order's payment Payments is giving or gave back (shown on the order).</summary>
public enum RefundStatus
{
    None = 0,
    /// <summary>部分退款: part of the amount.</summary>
    Partial = 1,
    /// <summary>全额退款: all of it.</summary>
    Full = 2,
}
