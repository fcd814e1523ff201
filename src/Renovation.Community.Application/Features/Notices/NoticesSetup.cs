using Renovation.Community.Application.Common;

namespace Renovation.Community.Application.Features.Notices;

public static class NoticesSetup
{
    public static WebApplicationBuilder AddNotices(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(NotificationOptions.Section);
        var options = section.Get<NotificationOptions>() ?? new NotificationOptions();
        if (options.MaxAttempts < 1 || options.RetryBaseSeconds < 0 || options.BatchSize < 1)
            throw new ConfigurationProblem("Notifications: MaxAttempts and BatchSize must be ≥ 1, RetryBaseSeconds ≥ 0.");
        foreach (var (kind, template) in options.Templates)
            if (string.IsNullOrWhiteSpace(template.TemplateId) || template.Fields.Count == 0)
                throw new ConfigurationProblem($"Notifications:Templates:{kind} needs a TemplateId and at least one Fields entry.");
        builder.Services.AddOptions<NotificationOptions>().Bind(section);
        builder.Services.AddHttpClient(nameof(SimulatorConsentRelay));
        builder.Services.AddScoped<SimulatorConsentRelay>();
        return builder;
    }
}
