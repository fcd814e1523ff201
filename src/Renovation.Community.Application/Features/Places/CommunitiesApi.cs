using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Paging;
using Renovation.Community.Application.Common.Validation;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Places;

public sealed record SaveCommunity(Guid StreetId, string Name, string Address, int? BuiltYear, Guid? PropertyCompanyId)
    : IValidatable
{
    public void Validate(Validator v)
    {
        v.NotEmpty(StreetId, "streetId", "所属街道").Text(Name, "name", "小区名称", 64).Text(Address, "address", "地址", 200);
        if (BuiltYear is { } year)
            v.Range(year, 1900, 2100, "builtYear", "建成年份应在 1900 到 2100 之间");
    }
}

public sealed record CommunityView(Guid Id, Guid StreetId, string Street, string Name, string Address, int? BuiltYear,
    Guid? PropertyCompanyId);

/// <summary>Totals the Article 278 counts start from: units, owner parties (heads) and exclusive area.</summary>
public sealed record RegisterSummary(Guid CommunityId, int Buildings, int Units, int OwnerParties, long TotalAreaHundredths);

public sealed record DirectoryEntry(Guid Id, string Name, string Street, string Address);
public sealed record DirectoryUnit(Guid Id, Guid BuildingId, string Building, string Number);

public static class CommunitiesApi
{
    public static RouteGroupBuilder MapCommunitiesApi(this RouteGroupBuilder api)
    {
        var communities = api.MapGroup("/communities").WithTags("Communities");
        communities.MapGet("/", ListAsync).WithName("ListCommunities")
            .WithSummary("Communities within my scope")
            .WithDescription("Communities the caller can see (by role or binding), optionally filtered by name. Paged.");
        communities.MapGet("/{id:guid}", GetAsync).WithName("GetCommunity")
            .WithSummary("One community")
            .WithDescription("A community with its street, property company, address and year built, for anyone whose scope includes it.");
        communities.MapPost("/", CreateAsync).WithName("CreateCommunity")
            .WithSummary("Register a community (street officer, city admin)")
            .WithDescription("Adds a residential community (小区) to a street. Names are unique within a street (409 community_exists).");
        communities.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateCommunity").RetryWhenRaceLost()
            .WithSummary("Change a community's details")
            .WithDescription("Changes the name, address, year built or property company of a community (street officer, city admin).");
        communities.MapGet("/{id:guid}/register-summary", SummaryAsync).WithName("GetRegisterSummary")
            .WithSummary("Totals of a community's register")
            .WithDescription("Units, owner parties, total exclusive area and how many units are bound, as used for voting thresholds.");
        // Any signed-in user may look up door numbers to ask for a binding; no owner data is shown.
        communities.MapGet("/directory", DirectoryAsync).WithName("SearchCommunityDirectory")
            .WithSummary("Find a community by name to bind a unit")
            .WithDescription("Searches communities by name for a user who wants to bind a unit; shows names and addresses only.");
        communities.MapGet("/{id:guid}/unit-directory", UnitDirectoryAsync).WithName("GetUnitDirectory")
            .WithSummary("Buildings and door numbers of a community, to choose the unit to bind")
            .WithDescription("The buildings and door numbers of a community, without owners, so a resident can pick the unit to claim.");
        return api;
    }

    private static async Task<Ok<Page<CommunityView>>> ListAsync(string? name, [AsParameters] PageRequest page,
        Access access, AppDbContext db, CancellationToken ct)
    {
        var scope = await access.ScopeAsync(ct);
        var query = scope.Filter(db.Communities.AsNoTracking(), Permission.ViewCommunity);
        if (!string.IsNullOrWhiteSpace(name))
            query = query.Where(c => c.Name.Contains(name.Trim()));
        return TypedResults.Ok(await query.OrderBy(c => c.Name)
            .Select(c => new CommunityView(c.Id, c.StreetId, c.Street!.Name, c.Name, c.Address, c.BuiltYear, c.PropertyCompanyId))
            .ToPageAsync(page, ct));
    }

    private static async Task<Ok<CommunityView>> GetAsync(Guid id, Access access, AppDbContext db, CancellationToken ct)
    {
        await access.RequireAsync(id, Permission.ViewCommunity, ct);
        return TypedResults.Ok(await db.Communities.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new CommunityView(c.Id, c.StreetId, c.Street!.Name, c.Name, c.Address, c.BuiltYear, c.PropertyCompanyId))
            .SingleAsync(ct));
    }

    private static async Task<Created<CommunityView>> CreateAsync(SaveCommunity request, Access access, AppDbContext db,
        CancellationToken ct)
    {
        var street = await access.RequireStreetAsync(request.StreetId, ct);
        await EnsureCompanyExistsAsync(request.PropertyCompanyId, db, ct);
        if (await db.Communities.AnyAsync(c => c.StreetId == street.Id && c.Name == request.Name.Trim(), ct))
            throw AppProblem.Conflict("community_exists", "该街道已有同名小区");
        var community = new ResidentialCommunity(street.Id, request.Name, request.Address, request.BuiltYear);
        community.AssignPropertyCompany(request.PropertyCompanyId);
        db.Communities.Add(community);
        await db.SaveOrAnswerAsync(() => AppProblem.Conflict("community_exists", "该街道已有同名小区"), ct);
        return TypedResults.Created($"/api/v1/communities/{community.Id}", View(community, street.Name));
    }

    private static async Task<Ok<CommunityView>> UpdateAsync(Guid id, SaveCommunity request, Access access, AppDbContext db,
        CancellationToken ct)
    {
        await access.RequireAsync(id, Permission.ManagePlaces, ct);
        var community = await db.Communities.Include(c => c.Street).SingleAsync(c => c.Id == id, ct);
        if (request.StreetId != community.StreetId)
            throw new DomainRuleViolation("community_street_immutable", "小区的所属街道不能在此修改");
        await EnsureCompanyExistsAsync(request.PropertyCompanyId, db, ct);
        if (await db.Communities.AnyAsync(c => c.Id != id && c.StreetId == community.StreetId && c.Name == request.Name.Trim(), ct))
            throw AppProblem.Conflict("community_exists", "该街道已有同名小区");
        community.Update(request.Name, request.Address, request.BuiltYear);
        community.AssignPropertyCompany(request.PropertyCompanyId);
        await db.SaveOrAnswerAsync(() => AppProblem.Conflict("community_exists", "该街道已有同名小区"), ct);
        return TypedResults.Ok(View(community, community.Street!.Name));
    }

    private static async Task<Ok<RegisterSummary>> SummaryAsync(Guid id, Access access, AppDbContext db, CancellationToken ct)
    {
        await access.RequireAsync(id, Permission.ViewCommunity, ct);
        var units = db.Units.Where(u => u.CommunityId == id);
        return TypedResults.Ok(new RegisterSummary(id,
            await db.Buildings.CountAsync(b => b.CommunityId == id, ct),
            await units.CountAsync(ct),
            await units.Select(u => u.OwnerPartyId).Distinct().CountAsync(ct),
            await units.SumAsync(u => (long?)u.ExclusiveAreaHundredths, ct) ?? 0));
    }

    private static async Task<Ok<Page<DirectoryEntry>>> DirectoryAsync(string? name, [AsParameters] PageRequest page,
        AppDbContext db, CancellationToken ct)
    {
        var search = name?.Trim() ?? "";
        if (search.Length < 2)
            throw new Common.Validation.RequestValidationException(
                new Dictionary<string, string[]> { ["name"] = ["请输入至少 2 个字的小区名称"] });
        return TypedResults.Ok(await db.Communities.AsNoTracking().Where(c => c.Name.Contains(search)).OrderBy(c => c.Name)
            .Select(c => new DirectoryEntry(c.Id, c.Name, c.Street!.Name, c.Address)).ToPageAsync(page, ct));
    }

    private static async Task<Ok<List<DirectoryUnit>>> UnitDirectoryAsync(Guid id, Guid? buildingId, AppDbContext db,
        CancellationToken ct)
    {
        if (!await db.Communities.AnyAsync(c => c.Id == id, ct))
            throw AppProblem.NotFound("community_not_found", "小区不存在");
        var units = db.Units.AsNoTracking().Where(u => u.CommunityId == id);
        if (buildingId is not null)
            units = units.Where(u => u.BuildingId == buildingId);
        return TypedResults.Ok(await units.OrderBy(u => u.Building!.Name).ThenBy(u => u.Number)
            .Select(u => new DirectoryUnit(u.Id, u.BuildingId, u.Building!.Name, u.Number)).ToListAsync(ct));
    }

    private static async Task EnsureCompanyExistsAsync(Guid? companyId, AppDbContext db, CancellationToken ct)
    {
        if (companyId is not null && !await db.PropertyCompanies.AnyAsync(c => c.Id == companyId, ct))
            throw AppProblem.NotFound("property_company_not_found", "物业企业不存在");
    }

    private static CommunityView View(ResidentialCommunity c, string street) =>
        new(c.Id, c.StreetId, street, c.Name, c.Address, c.BuiltYear, c.PropertyCompanyId);
}
