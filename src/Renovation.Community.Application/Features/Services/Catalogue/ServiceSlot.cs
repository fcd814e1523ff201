using Renovation.Community.Application.Common;
using Renovation.Community.Application.Common.Errors;

namespace Renovation.Community.Application.Features.Services;

/// <summary>
/// A time window of an item with a capacity (how many orders the company can serve in it). <see cref="Held"/> counts the
/// orders holding a seat; it only moves by conditional UPDATEs (<c>Held = Held + 1 WHERE Held &lt; Capacity</c>) and a
/// check constraint refuses anything above the capacity, so concurrent orders can never overbook it.
/// </summary>
public sealed class ServiceSlot : IAudited
{
    public const int MaxCapacity = 1000;

    private ServiceSlot() { }

    public ServiceSlot(Guid itemId, DateTimeOffset startsAt, DateTimeOffset endsAt, int capacity)
    {
        if (endsAt <= startsAt)
            throw new DomainRuleViolation("slot_times_invalid", "时段结束时间必须晚于开始时间");
        Id = Ids.New();
        ItemId = itemId;
        // Stored in UTC: SQLite compares the binary form, which includes the offset.
        StartsAt = startsAt.ToUniversalTime();
        EndsAt = endsAt.ToUniversalTime();
        Capacity = capacity;
    }

    public Guid Id { get; private set; }
    public Guid ItemId { get; private set; }
    public DateTimeOffset StartsAt { get; private set; }
    public DateTimeOffset EndsAt { get; private set; }
    public int Capacity { get; private set; }
    public int Held { get; private set; }
    /// <summary>Set when staff removed the slot (only while no order holds a seat; see <see cref="SlotSeats.TryRemoveAsync"/>).</summary>
    public DateTimeOffset? RemovedAt { get; private set; }
}
