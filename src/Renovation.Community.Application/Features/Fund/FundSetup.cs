using Renovation.Community.Application.Common.Payments;

namespace Renovation.Community.Application.Features.Fund;

public static class FundSetup
{
    public static WebApplicationBuilder AddFund(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(new StatementLinkSigner(StatementLinkKey.Resolve(builder)));
        builder.Services.AddScoped<FundLedger>();
        builder.Services.AddScoped<FundOpening>();
        builder.Services.AddScoped<TopUpCredit>();
        builder.Services.AddScoped<WorksCharging>();
        builder.Services.AddPaymentPurpose<TopUpPurpose>();
        builder.Services.AddPaymentPurpose<DuePurpose>();
        return builder;
    }
}
