using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Privacy;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Services;

/// <summary>
/// What an order view adds to the order's own row: where to go (building and door from the register), whom to ask for
/// (the unit's owners with their phones, masked) and the complaint with its answer. Lists and queues call it with
/// <c>reveal: false</c>; only <see cref="PlaceOrder.GetAsync"/> reveals, for the staff member the order is assigned to,
/// and records each full read (<see cref="ContactPhoneRead"/>).
/// </summary>
internal static class OrderDetails
{
    private sealed record Place(Guid UnitId, string Building, string Number, Guid OwnerPartyId);
    private sealed record Member(Guid Id, Guid OwnerPartyId, string Name, string? Phone);

    /// <summary>The full members behind the views' contacts, by order: what a reveal shows (for the read records).</summary>
    public sealed record Revealed(Guid OrderId, Guid MemberId, string Name);

    public static async Task<List<ServiceOrderView>> DescribeAsync(AppDbContext db, IReadOnlyList<ServiceOrder> orders,
        CancellationToken ct, Func<ServiceOrder, bool>? reveal = null, List<Revealed>? revealed = null)
    {
        if (orders.Count == 0)
            return [];
        var unitIds = orders.Select(o => o.UnitId).Distinct().ToList();
        var places = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id))
            .Select(u => new Place(u.Id, u.Building!.Name, u.Number, u.OwnerPartyId)).ToDictionaryAsync(p => p.UnitId, ct);
        var partyIds = places.Values.Select(p => p.OwnerPartyId).Distinct().ToList();
        // Members in the order they were registered (ids are time-ordered), so the first owner of a file is listed first.
        var members = (await db.PartyMembers.AsNoTracking().Where(m => partyIds.Contains(m.OwnerPartyId))
                .Select(m => new Member(m.Id, m.OwnerPartyId, m.Name, m.ContactPhone)).ToListAsync(ct))
            .OrderBy(m => m.Id.ToString()).ToLookup(m => m.OwnerPartyId);
        var orderIds = orders.Select(o => o.Id).ToList();
        var disputes = await db.ServiceDisputes.AsNoTracking().Where(d => orderIds.Contains(d.OrderId))
            .ToDictionaryAsync(d => d.OrderId, ct);

        return orders.Select(o =>
        {
            var view = ServiceOrderView.From(o);
            var full = reveal?.Invoke(o) == true;
            if (disputes.TryGetValue(o.Id, out var dispute))
                view = view with { Dispute = ServiceDisputeView.From(dispute) };
            if (!places.TryGetValue(o.UnitId, out var place))
                return view;
            var contacts = members[place.OwnerPartyId].Select(m =>
            {
                if (full && m.Phone is not null)
                    revealed?.Add(new Revealed(o.Id, m.Id, m.Name));
                return new ServiceContactView(m.Name, m.Phone is null ? null : full ? m.Phone : ContactPhone.Mask(m.Phone),
                    PhoneMasked: m.Phone is not null && !full);
            }).ToList();
            return view with { Building = place.Building, UnitNumber = place.Number, Contacts = contacts };
        }).ToList();
    }

    public static async Task<ServiceOrderView> DescribeAsync(AppDbContext db, ServiceOrder order, CancellationToken ct) =>
        (await DescribeAsync(db, [order], ct))[0];
}
