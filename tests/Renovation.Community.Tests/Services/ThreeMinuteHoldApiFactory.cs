using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Services;

/// <summary>
/// A three-minute hold: long enough that a prepay made during it gets the hold's end as time_expire (WeChat wants at
/// least a minute), short enough that moving the clock past it stays inside WeChat's five-minute signature window.
/// </summary>
public sealed class ThreeMinuteHoldApiFactory : ApiFactory
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Services:HoldSeconds"] = "180",
    };
}
