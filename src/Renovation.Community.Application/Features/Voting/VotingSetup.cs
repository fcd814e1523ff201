using Renovation.Community.Application.Common;

namespace Renovation.Community.Application.Features.Voting;

public static class VotingSetup
{
    public static WebApplicationBuilder AddVoting(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(VotingOptions.Section);
        var options = section.Get<VotingOptions>() ?? new VotingOptions();
        if (options.MinimumNoticeDays < 0 || options.CloseGraceSeconds < 0 || options.ChainBatchSize < 1 || options.ChainIntervalMilliseconds < 10
            || options.BallotWriters < 1 || options.BallotBatchSize < 1)
            throw new ConfigurationProblem("Voting: MinimumNoticeDays and CloseGraceSeconds must be ≥ 0, BallotWriters, ChainBatchSize and BallotBatchSize ≥ 1, ChainIntervalMilliseconds ≥ 10.");
        builder.Services.AddOptions<VotingOptions>().Bind(section);
        builder.Services.AddMemoryCache();
        builder.Services.AddScoped<VoteConvening>();
        builder.Services.AddSingleton<OpenVotes>();
        builder.Services.AddScoped<Common.Register.IOwnerPartyGuard, VotingPartyGuard>();
        builder.Services.AddSingleton<BallotChainer>();
        builder.Services.AddSingleton<BallotBox>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<BallotBox>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<BallotChainer>());
        return builder;
    }
}
