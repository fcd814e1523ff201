namespace Renovation.Community.Application.Features.Fund;

/// <summary>A refund of an accepted WeChat Pay top-up, as the fund sees it.</summary>
/// <param name="OverrideReason">The committee chair's reason for refunding money the household's balance no longer holds.</param>
public sealed record TopUpRefund(Guid ShareId, Guid PaymentId, Guid RefundId, long RefundFen, string? OverrideReason, Guid? By)
{
    /// <summary>The top-up entry the payment posted (<see cref="TopUpPurpose.OnPaidAsync"/>).</summary>
    public string TopUpSourceKey => $"payment:{PaymentId}";

    public string SourceKey => $"refund:{RefundId}";

    /// <summary>The correction that puts the money back when WeChat did not refund it after all.</summary>
    public string ReleasedSourceKey => $"refund:{RefundId}:released";
}
