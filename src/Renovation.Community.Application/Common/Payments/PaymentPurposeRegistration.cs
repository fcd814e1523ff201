using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Renovation.Community.Application.Common.Payments;

public static class PaymentPurposeRegistration
{
    /// <summary>
    /// Registers a purpose (scoped, so it may take scoped services). Names must be unique: <see cref="IPaymentPurposes"/>
    /// refuses to start with two purposes of one name.
    /// </summary>
    public static IServiceCollection AddPaymentPurpose<TPurpose>(this IServiceCollection services)
        where TPurpose : class, IPaymentPurpose
    {
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IPaymentPurpose, TPurpose>());
        return services;
    }
}
