using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Events;
using Renovation.Community.Application.Common.Paging;
using Renovation.Community.Application.Common.Validation;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Meetings;

public sealed record StartDemandRequest(string Purpose) : IValidatable
{
    public void Validate(Validator v) => v.Text(Purpose, "purpose", "提议事由", MeetingLimits.Description);
}

/// <summary>Where a demand stands: gathering support, holding a fifth of area and heads, or answered by an assembly.</summary>
public enum DemandStatus
{
    Gathering = 0,
    Reached = 1,
    Convened = 2,
}

public sealed record DemandView(Guid Id, Guid CommunityId, string Purpose, long ElectorateArea, long ElectorateHeads, long JoinedArea,
    long JoinedHeads, bool Holds, DateTimeOffset? ReachedAt, Guid? AssemblyId, DemandStatus Status, DateTimeOffset CreatedAt);

/// <summary>
/// Owners demanding an extraordinary assembly. A resident joins for every owner party they act for in the community;
/// each party counts once (primary key), with its whole area, as in a vote's electorate.
/// </summary>
public static class AssemblyDemands
{
    public static async Task<Created<DemandView>> StartAsync(Guid communityId, StartDemandRequest request, Access access, AppDbContext db,
        EventOutbox outbox, TimeProvider clock, CancellationToken ct)
    {
        await access.RequireAsync(communityId, Permission.ViewCommunity, ct);
        var parties = await OwnPartiesAsync(access, communityId, ct);
        var units = await db.Units.AsNoTracking().Where(u => u.CommunityId == communityId)
            .Select(u => new { u.OwnerPartyId, u.ExclusiveAreaHundredths }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var demand = new AssemblyDemand(communityId, request.Purpose, units.Sum(u => u.ExclusiveAreaHundredths),
            units.Select(u => u.OwnerPartyId).Distinct().Count(), access.UserId, now);
        db.AssemblyDemands.Add(demand);
        foreach (var party in parties)
            db.AssemblyDemandSupports.Add(new DemandSupport(demand.Id, party,
                units.Where(u => u.OwnerPartyId == party).Sum(u => u.ExclusiveAreaHundredths), access.UserId, now));
        outbox.Add("assembly_demand.started", Audience.Community(communityId), new { demandId = demand.Id, demand.Purpose });
        await db.SaveChangesAsync(ct);
        await ReachIfHeldAsync(db, outbox, demand.Id, now, ct);
        return TypedResults.Created($"/api/v1/assembly-demands/{demand.Id}", await ViewAsync(db, demand.Id, ct));
    }

    public static async Task<Ok<DemandView>> JoinAsync(Guid demandId, Access access, AppDbContext db, EventOutbox outbox,
        TimeProvider clock, CancellationToken ct)
    {
        var demand = await FindAsync(db, access, demandId, ct);
        var parties = await OwnPartiesAsync(access, demand.CommunityId, ct);
        var joined = await db.AssemblyDemandSupports.Where(s => s.DemandId == demandId && parties.Contains(s.OwnerPartyId))
            .Select(s => s.OwnerPartyId).ToListAsync(ct);
        var fresh = parties.Except(joined).ToList();
        if (fresh.Count == 0)
            throw DemandSupport.Exists();
        var now = clock.GetUtcNow();
        var areas = await db.Units.AsNoTracking().Where(u => u.CommunityId == demand.CommunityId && fresh.Contains(u.OwnerPartyId))
            .GroupBy(u => u.OwnerPartyId).Select(g => new { Party = g.Key, Area = g.Sum(u => u.ExclusiveAreaHundredths) })
            .ToListAsync(ct);
        foreach (var party in fresh)
            db.AssemblyDemandSupports.Add(new DemandSupport(demandId, party, areas.SingleOrDefault(a => a.Party == party)?.Area ?? 0,
                access.UserId, now));
        await db.SaveOrAnswerAsync(DemandSupport.Exists, ct);
        await ReachIfHeldAsync(db, outbox, demandId, now, ct);
        return TypedResults.Ok(await ViewAsync(db, demandId, ct));
    }

    /// <summary>
    /// A community's demands, newest first, so an owner can find one to join: by default the open ones (not yet answered
    /// by an assembly); <paramref name="status"/> narrows to one status.
    /// </summary>
    public static async Task<Ok<Page<DemandView>>> ListAsync(Guid communityId, DemandStatus? status, [AsParameters] PageRequest page,
        Access access, AppDbContext db, CancellationToken ct)
    {
        await access.RequireAsync(communityId, Permission.ViewCommunity, ct);
        if (status is { } s && !Enum.IsDefined(s))
            throw AppProblem.BadRequest("status_invalid", "状态应为 Gathering、Reached 或 Convened");
        var query = db.AssemblyDemands.AsNoTracking().Where(d => d.CommunityId == communityId);
        query = status switch
        {
            DemandStatus.Gathering => query.Where(d => d.ReachedAt == null && d.AssemblyId == null),
            DemandStatus.Reached => query.Where(d => d.ReachedAt != null && d.AssemblyId == null),
            DemandStatus.Convened => query.Where(d => d.AssemblyId != null),
            _ => query.Where(d => d.AssemblyId == null),
        };
        var result = await query.OrderByDescending(d => d.CreatedAt).ThenBy(d => d.Id).ToPageAsync(page, ct);
        var ids = result.Items.Select(d => d.Id).ToList();
        var support = await db.AssemblyDemandSupports.AsNoTracking().Where(x => ids.Contains(x.DemandId)).GroupBy(x => x.DemandId)
            .Select(g => new { DemandId = g.Key, Area = g.Sum(x => x.AreaHundredths), Heads = g.LongCount() })
            .ToDictionaryAsync(x => x.DemandId, ct);
        var views = result.Items.Select(d => View(d, support.GetValueOrDefault(d.Id)?.Area ?? 0, support.GetValueOrDefault(d.Id)?.Heads ?? 0))
            .ToList();
        return TypedResults.Ok(new Page<DemandView>(views, result.PageNumber, result.PageSize, result.Total));
    }

    public static async Task<Ok<DemandView>> GetAsync(Guid demandId, Access access, AppDbContext db, CancellationToken ct)
    {
        await FindAsync(db, access, demandId, ct);
        return TypedResults.Ok(await ViewAsync(db, demandId, ct));
    }

    /// <summary>Records the moment the supporters first hold 20%/20%; tells the committee and the street once.</summary>
    private static async Task ReachIfHeldAsync(AppDbContext db, EventOutbox outbox, Guid demandId, DateTimeOffset now, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var demand = await db.AssemblyDemands.SingleAsync(d => d.Id == demandId, ct);
        var (area, heads) = await SupportAsync(db, demandId, ct);
        if (demand.ReachedAt is not null || !demand.Holds(area, heads))
            return;
        demand.Reach(now);
        var streetId = await db.Communities.Where(c => c.Id == demand.CommunityId).Select(c => c.StreetId).SingleAsync(ct);
        var payload = new { demandId, demand.Purpose, joinedArea = area, joinedHeads = heads };
        outbox.Add("assembly_demand.reached", Audience.RoleHolders(Role.CommitteeChair, demand.CommunityId), payload);
        outbox.Add("assembly_demand.reached", Audience.RoleHolders(Role.CommitteeMember, demand.CommunityId), payload);
        outbox.Add("assembly_demand.reached", MeetingsAccess.StreetOfficers(streetId), payload);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another joiner recorded it first.
            db.ChangeTracker.Clear();
        }
    }

    private static async Task<(long Area, long Heads)> SupportAsync(AppDbContext db, Guid demandId, CancellationToken ct)
    {
        var rows = await db.AssemblyDemandSupports.AsNoTracking().Where(s => s.DemandId == demandId).Select(s => s.AreaHundredths).ToListAsync(ct);
        return (rows.Sum(), rows.Count);
    }

    private static async Task<DemandView> ViewAsync(AppDbContext db, Guid demandId, CancellationToken ct)
    {
        var d = await db.AssemblyDemands.AsNoTracking().SingleAsync(x => x.Id == demandId, ct);
        var (area, heads) = await SupportAsync(db, demandId, ct);
        return View(d, area, heads);
    }

    private static DemandView View(AssemblyDemand d, long area, long heads) =>
        new(d.Id, d.CommunityId, d.Purpose, d.ElectorateArea, d.ElectorateHeads, area, heads, d.Holds(area, heads), d.ReachedAt,
            d.AssemblyId, d.AssemblyId is not null ? DemandStatus.Convened : d.ReachedAt is not null ? DemandStatus.Reached : DemandStatus.Gathering,
            d.CreatedAt);

    private static async Task<List<Guid>> OwnPartiesAsync(Access access, Guid communityId, CancellationToken ct)
    {
        var parties = (await access.UnitsInAsync(communityId, ct)).Select(u => u.OwnerPartyId).Distinct().ToList();
        if (parties.Count == 0)
            throw AppProblem.Forbidden("只有本小区已绑定房屋的业主可以提议召开业主大会");
        return parties;
    }

    private static async Task<AssemblyDemand> FindAsync(AppDbContext db, Access access, Guid id, CancellationToken ct)
    {
        static AppProblem NotFound() => AppProblem.NotFound("demand_not_found", "提议不存在或不在您的范围内");
        var demand = await db.AssemblyDemands.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct) ?? throw NotFound();
        await access.RequireAsync(demand.CommunityId, Permission.ViewCommunity, ct, NotFound);
        return demand;
    }
}
