using Microsoft.Extensions.DependencyInjection.Extensions;
using Renovation.Community.Application.Common;
using Renovation.Community.Application.Common.Files;

namespace Renovation.Community.Application.Features.Projects;

public static class ProjectsSetup
{
    /// <summary>Settings of projects and plans (checked at start), the file store and the content check.</summary>
    public static WebApplicationBuilder AddProjects(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(ProjectsOptions.Section);
        var options = section.Get<ProjectsOptions>() ?? new ProjectsOptions();
        if (options.Problem() is { } problem)
            throw new ConfigurationProblem(problem);
        builder.Services.AddOptions<ProjectsOptions>().Bind(section);
        builder.Services.AddOptions<FileStoreOptions>().Bind(builder.Configuration.GetSection(FileStoreOptions.Section));
        builder.Services.TryAddSingleton<LocalDiskFileStore>();
        builder.Services.TryAddSingleton<IFileStore, RequestTrackingFileStore>();
        return builder;
    }
}
