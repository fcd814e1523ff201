using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Renovation.Community.Api.Common.ContentCheck;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Projects;

/// <summary>The API with a content check that answers like msgSecCheck would for marked texts.</summary>
public sealed class ContentCheckApiFactory : ApiFactory
{
    public const string ReviewMarker = "【待审】";
    public const string RiskyMarker = "【违规】";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<IContentCheck>();
            services.AddSingleton<IContentCheck, MarkedTextCheck>();
        });
    }

    private sealed class MarkedTextCheck : IContentCheck
    {
        public Task<ContentVerdict> CheckAsync(string text, Guid authorUserId, CancellationToken ct) => Task.FromResult(
            text.Contains(RiskyMarker) ? ContentVerdict.Risky : text.Contains(ReviewMarker) ? ContentVerdict.Review : ContentVerdict.Pass);
    }
}
