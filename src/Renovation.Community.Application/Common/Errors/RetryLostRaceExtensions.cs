namespace Renovation.Community.Application.Common.Errors;

public static class RetryLostRaceExtensions
{
    /// <summary>Reruns the handler when it lost an optimistic-concurrency race; see <see cref="RetryLostRace"/>.</summary>
    public static RouteHandlerBuilder RetryWhenRaceLost(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter<RetryLostRace>();
}
