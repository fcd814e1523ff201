using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Validation;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Places;

public sealed record CreateDistrict(string Name, string Code) : IValidatable
{
    public void Validate(Validator v) => v.Text(Name, "name", "区县名称", 64)
        .Matches(Code, new("^[0-9]{6}$"), "code", "行政区划代码应为 6 位数字");
}

public sealed record CreateStreet(string Name) : IValidatable
{
    public void Validate(Validator v) => v.Text(Name, "name", "街道名称", 64);
}

public sealed record CreatePropertyCompany(string Name) : IValidatable
{
    public void Validate(Validator v) => v.Text(Name, "name", "物业企业名称", 100);
}

public sealed record DistrictView(Guid Id, string Name, string Code);
public sealed record StreetView(Guid Id, Guid DistrictId, string Name);
public sealed record PropertyCompanyView(Guid Id, string Name);

/// <summary>Districts, streets and property companies: the city admin's reference data.</summary>
public static class PlacesApi
{
    public static RouteGroupBuilder MapPlacesApi(this RouteGroupBuilder api)
    {
        var places = api.MapGroup("").WithTags("Places");
        places.MapGet("/districts", ListDistrictsAsync).WithName("ListDistricts")
            .WithSummary("Districts")
            .WithDescription("All districts of the city, for any signed-in user.");
        places.MapPost("/districts", CreateDistrictAsync).WithName("CreateDistrict")
            .WithSummary("Add a district (city admin)")
            .WithDescription("Adds a district with a unique name and administrative code (409 district_exists).");
        places.MapGet("/streets", ListStreetsAsync).WithName("ListStreets")
            .WithSummary("Streets within my scope")
            .WithDescription("Streets the caller can see, with their district.");
        places.MapPost("/districts/{districtId:guid}/streets", CreateStreetAsync).WithName("CreateStreet")
            .WithSummary("Add a street to a district (city admin)")
            .WithDescription("Adds a street (街道) to a district; names are unique within the district (409 street_exists).");
        places.MapGet("/property-companies", ListCompaniesAsync).WithName("ListPropertyCompanies")
            .WithSummary("Property companies")
            .WithDescription("The registered property management companies.");
        places.MapPost("/property-companies", CreateCompanyAsync).WithName("CreatePropertyCompany")
            .WithSummary("Register a property company (city admin)")
            .WithDescription("Adds a property management company; names are unique (409 property_company_exists).");
        return api;
    }

    private static async Task<Ok<List<DistrictView>>> ListDistrictsAsync(Access access, AppDbContext db, CancellationToken ct)
    {
        var scope = await access.ScopeAsync(ct);
        var admin = scope.Grants.Where(g => g.Role == Role.CityAdmin).ToList();
        if (admin.Count == 0)
            throw AppProblem.Forbidden();
        var cityWide = admin.Any(g => g.ScopeId is null);
        var ids = admin.Select(g => g.ScopeId).ToList();
        var districts = await db.Districts.AsNoTracking().Where(d => cityWide || ids.Contains(d.Id)).OrderBy(d => d.Code)
            .Select(d => new DistrictView(d.Id, d.Name, d.Code)).ToListAsync(ct);
        return TypedResults.Ok(districts);
    }

    private static async Task<Created<DistrictView>> CreateDistrictAsync(CreateDistrict request, Access access,
        AppDbContext db, CancellationToken ct)
    {
        await access.RequireDistrictAdminAsync(null, ct);
        if (await db.Districts.AnyAsync(d => d.Code == request.Code, ct))
            throw AppProblem.Conflict("district_exists", "该行政区划代码已存在");
        var district = new District(request.Name, request.Code);
        db.Districts.Add(district);
        await db.SaveOrAnswerAsync(() => AppProblem.Conflict("district_exists", "该行政区划代码已存在"), ct);
        return TypedResults.Created($"/api/v1/districts/{district.Id}", new DistrictView(district.Id, district.Name, district.Code));
    }

    private static async Task<Ok<List<StreetView>>> ListStreetsAsync(Access access, AppDbContext db, CancellationToken ct)
    {
        var scope = await access.ScopeAsync(ct);
        var cityWide = scope.Grants.Any(g => g.Role == Role.CityAdmin && g.ScopeId is null);
        var districtIds = scope.Grants.Where(g => g.Role == Role.CityAdmin && g.ScopeId != null).Select(g => g.ScopeId!.Value).ToList();
        var streetIds = scope.Grants.Where(g => g.Role == Role.StreetOfficer).Select(g => g.ScopeId!.Value).ToList();
        var streets = await db.Streets.AsNoTracking()
            .Where(s => cityWide || districtIds.Contains(s.DistrictId) || streetIds.Contains(s.Id))
            .OrderBy(s => s.Name).Select(s => new StreetView(s.Id, s.DistrictId, s.Name)).ToListAsync(ct);
        return TypedResults.Ok(streets);
    }

    private static async Task<Created<StreetView>> CreateStreetAsync(Guid districtId, CreateStreet request, Access access,
        AppDbContext db, CancellationToken ct)
    {
        await access.RequireDistrictAdminAsync(districtId, ct);
        if (!await db.Districts.AnyAsync(d => d.Id == districtId, ct))
            throw AppProblem.NotFound("district_not_found", "区县不存在");
        if (await db.Streets.AnyAsync(s => s.DistrictId == districtId && s.Name == request.Name.Trim(), ct))
            throw AppProblem.Conflict("street_exists", "该区县已有同名街道");
        var street = new Street(districtId, request.Name);
        db.Streets.Add(street);
        await db.SaveOrAnswerAsync(() => AppProblem.Conflict("street_exists", "该区县已有同名街道"), ct);
        return TypedResults.Created($"/api/v1/streets/{street.Id}", new StreetView(street.Id, districtId, street.Name));
    }

    private static async Task<Ok<List<PropertyCompanyView>>> ListCompaniesAsync(Access access, AppDbContext db,
        CancellationToken ct)
    {
        var scope = await access.ScopeAsync(ct);
        if (!scope.Has(Role.CityAdmin) && !scope.Has(Role.StreetOfficer))
            throw AppProblem.Forbidden();
        return TypedResults.Ok(await db.PropertyCompanies.AsNoTracking().OrderBy(c => c.Name)
            .Select(c => new PropertyCompanyView(c.Id, c.Name)).ToListAsync(ct));
    }

    private static async Task<Created<PropertyCompanyView>> CreateCompanyAsync(CreatePropertyCompany request, Access access,
        AppDbContext db, CancellationToken ct)
    {
        await access.RequireRoleAsync(Role.CityAdmin, ct);
        if (await db.PropertyCompanies.AnyAsync(c => c.Name == request.Name.Trim(), ct))
            throw AppProblem.Conflict("property_company_exists", "该物业企业已登记");
        var company = new PropertyCompany(request.Name);
        db.PropertyCompanies.Add(company);
        await db.SaveOrAnswerAsync(() => AppProblem.Conflict("property_company_exists", "该物业企业已登记"), ct);
        return TypedResults.Created($"/api/v1/property-companies/{company.Id}", new PropertyCompanyView(company.Id, company.Name));
    }
}
