namespace Renovation.Community.Application.Features.Payments;

/// <summary>Section <c>Payments</c>.</summary>
public sealed class PaymentsOptions
{
    public const string Section = "Payments";

    /// <summary>The payer's status poll asks WeChat about an order at most this often (across all nodes).</summary>
    public int QueryMinIntervalSeconds { get; set; } = 5;

    /// <summary>The sweep queries an awaiting order that has been silent (no notification, no query) this long.</summary>
    public int SilentAfterSeconds { get; set; } = 60;

    /// <summary>A refund WeChat did not answer is sent again after this long (same out_refund_no).</summary>
    public int RefundRetrySeconds { get; set; } = 60;

    /// <summary>An accepted (PROCESSING) refund is queried after this long if no notification settled it.</summary>
    public int RefundQueryAfterSeconds { get; set; } = 120;

    /// <summary>Payments and refunds the sweep handles per run and kind.</summary>
    public int SweepBatchSize { get; set; } = 200;

    /// <summary>
    /// Development only: registers the <c>dev-try-out</c> purpose (1 fen, credits nothing) so the quick-start can
    /// pay through the simulator before any real purpose exists. Refused outside Development.
    /// </summary>
    public bool EnableTryOutPurpose { get; set; }
}
