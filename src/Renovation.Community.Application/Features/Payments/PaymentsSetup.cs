using Renovation.Community.Application.Common;
using Renovation.Community.Application.Common.Payments;

namespace Renovation.Community.Application.Features.Payments;

public static class PaymentsSetup
{
    public static WebApplicationBuilder AddPayments(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(PaymentsOptions.Section);
        var options = section.Get<PaymentsOptions>() ?? new PaymentsOptions();
        if (options.QueryMinIntervalSeconds < 0 || options.SilentAfterSeconds < 1 || options.RefundRetrySeconds < 1
            || options.RefundQueryAfterSeconds < 1 || options.SweepBatchSize < 1)
            throw new ConfigurationProblem("Payments: QueryMinIntervalSeconds must be ≥ 0; SilentAfterSeconds, RefundRetrySeconds, RefundQueryAfterSeconds and SweepBatchSize ≥ 1.");
        if (options.EnableTryOutPurpose && !builder.Environment.IsDevelopment())
            throw new ConfigurationProblem("Payments:EnableTryOutPurpose is for Development only: it would accept 1-fen payments that pay for nothing.");
        builder.Services.AddOptions<PaymentsOptions>().Bind(section);
        builder.Services.AddScoped<IPaymentPurposes, PaymentPurposes>();
        builder.Services.AddScoped<PaymentSettlement>();
        builder.Services.AddScoped<IPaymentSettlement>(sp => sp.GetRequiredService<PaymentSettlement>());
        builder.Services.AddScoped<PaymentRefunder>();
        builder.Services.AddScoped<OrderClosing>();
        builder.Services.AddScoped<IOpenPayments, OpenPayments>();
        builder.Services.AddScoped<IPaymentRefunds, PurposeRefunds>();
        builder.Services.AddScoped<IPurposeIncome, PurposeIncome>();
        if (options.EnableTryOutPurpose)
            builder.Services.AddPaymentPurpose<TryOutPurpose>();
        return builder;
    }
}
