namespace Renovation.Community.Application.Features.DemoData;

/// <summary>
/// The clock the demo's past is written with: the ledger and other domain code read "now" from a
/// <see cref="TimeProvider"/>, so handing them this one dates what they record at the story's day, not at seeding.
/// </summary>
internal sealed class StoryClock(DateTimeOffset at) : TimeProvider
{
    public DateTimeOffset At { get; set; } = at;

    public override DateTimeOffset GetUtcNow() => At;
}
