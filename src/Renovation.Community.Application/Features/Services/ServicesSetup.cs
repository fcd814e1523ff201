using Renovation.Community.Application.Common;
using Renovation.Community.Application.Common.Payments;

namespace Renovation.Community.Application.Features.Services;

public static class ServicesSetup
{
    public static WebApplicationBuilder AddServices(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(ServicesOptions.Section);
        var options = section.Get<ServicesOptions>() ?? new ServicesOptions();
        if (options.HoldSeconds is < 60 or > 86_400 || options.AutoConfirmDays < 1 || options.DisputeDays < 1)
            throw new ConfigurationProblem("Services: HoldSeconds must be 60–86400; AutoConfirmDays and DisputeDays ≥ 1.");
        builder.Services.AddOptions<ServicesOptions>().Bind(section);
        builder.Services.AddScoped<OrderMoves>();
        builder.Services.AddPaymentPurpose<ServiceOrderPurpose>();
        return builder;
    }
}
