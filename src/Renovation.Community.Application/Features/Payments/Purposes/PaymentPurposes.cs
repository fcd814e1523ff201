using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Payments;

namespace Renovation.Community.Application.Features.Payments;

/// <summary>The registered <see cref="IPaymentPurpose"/>s by name.</summary>
internal sealed class PaymentPurposes : IPaymentPurposes
{
    private readonly Dictionary<string, IPaymentPurpose> _byName = new(StringComparer.Ordinal);

    public PaymentPurposes(IEnumerable<IPaymentPurpose> purposes)
    {
        foreach (var purpose in purposes)
        {
            if (!_byName.TryAdd(purpose.Name, purpose))
                throw new InvalidOperationException($"Two payment purposes are named '{purpose.Name}'.");
            var expire = purpose.Settings.TimeExpire;
            if (expire < PaymentPurposeSettings.MinTimeExpire || expire > PaymentPurposeSettings.MaxTimeExpire)
                throw new InvalidOperationException($"Payment purpose '{purpose.Name}': TimeExpire must be between 1 minute and 90 days.");
        }
    }

    public IPaymentPurpose Get(string name) => TryGet(name, out var purpose) ? purpose
        : throw AppProblem.NotFound("payment_purpose_not_found", "不支持的支付用途");

    public bool TryGet(string name, out IPaymentPurpose purpose) => _byName.TryGetValue(name, out purpose!);
}
