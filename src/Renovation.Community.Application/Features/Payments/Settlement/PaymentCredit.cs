namespace Renovation.Community.Application.Features.Payments;

/// <summary>What <see cref="Payment.MarkPaid"/> did with WeChat's word that the money arrived.</summary>
public enum PaymentCredit
{
    /// <summary>It was paid already: nothing changed.</summary>
    AlreadyPaid = 0,
    /// <summary>An open order became paid: its purpose decides whether the subject takes the money.</summary>
    Credited = 1,
    /// <summary>A closed order was paid anyway: recorded as paid, rejected, refunded in full; the purpose is not told.</summary>
    PaidAfterClose = 2,
}
