using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Validation;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Identity;

public sealed record GrantRole(Guid UserId, Role Role, Guid? ScopeId) : IValidatable
{
    public void Validate(Validator v)
    {
        v.NotEmpty(UserId, "userId", "用户");
        if (!Enum.IsDefined(Role))
            v.Add("role", "角色无效");
        else if (!RoleGrant.IsCityWide(Role) && (ScopeId is null || ScopeId == Guid.Empty))
            v.Add("scopeId", "该角色必须指定所属范围");
        else if (Role == Role.FinanceOfficer && ScopeId is not null)
            v.Add("scopeId", "财务人员覆盖全市，不能指定范围");
    }
}

public sealed record RoleGrantView(Guid Id, Guid UserId, string DisplayName, Role Role, Guid? ScopeId, DateTimeOffset GrantedAt);

/// <summary>
/// Appointments: street officers and city admins appoint committee members of their communities; only city admins
/// appoint property staff, street officers, finance officers and other admins.
/// </summary>
public static class RoleGrantsApi
{
    public static RouteGroupBuilder MapRoleGrantsApi(this RouteGroupBuilder api)
    {
        var grants = api.MapGroup("/role-grants").WithTags("Roles");
        grants.MapGet("/", ListAsync).WithName("ListRoleGrants")
            .WithSummary("Role grants over one scope")
            .WithDescription("Lists the role grants over one scope (a community, company, street or district), for the officers who may grant roles there.");
        grants.MapPost("/", GrantAsync).WithName("GrantRole")
            .WithSummary("Grant a role over a scope")
            .WithDescription("Grants a role to a user over a community (committee member or chair), a property company (property staff), a street (street officer), a district or the whole city (city admin, finance officer: omit scopeId). This is how a new community gets its committee. Granting the same role over the same scope twice answers 409 role_already_granted.");
        grants.MapDelete("/{id:guid}", RevokeAsync).WithName("RevokeRole")
            .WithSummary("Revoke a role grant")
            .WithDescription("Removes a role grant; it takes effect on the user's next request and on their live connections. 404 role_grant_not_found when it does not exist (any more) or the caller may not revoke it (a grant is not shown to exist to whoever may not revoke it).");
        return api;
    }

    private static async Task<Ok<List<RoleGrantView>>> ListAsync(Role role, Guid? scopeId, Access access, AppDbContext db,
        CancellationToken ct)
    {
        await RequireAuthorityAsync(role, scopeId, access, db, ct);
        return TypedResults.Ok(await (
            from g in db.RoleGrants.AsNoTracking()
            where g.Role == role && g.ScopeId == scopeId
            join u in db.Users on g.UserId equals u.Id
            orderby g.GrantedAt
            select new RoleGrantView(g.Id, g.UserId, u.DisplayName, g.Role, g.ScopeId, g.GrantedAt)).ToListAsync(ct));
    }

    private static async Task<Created<RoleGrantView>> GrantAsync(GrantRole request, Access access, AppDbContext db,
        IAccessChanges accessChanges, TimeProvider clock, CancellationToken ct)
    {
        await RequireAuthorityAsync(request.Role, request.ScopeId, access, db, ct);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == request.UserId, ct)
            ?? throw AppProblem.NotFound("user_not_found", "用户不存在");
        if (await db.RoleGrants.AnyAsync(g => g.UserId == user.Id && g.Role == request.Role && g.ScopeId == request.ScopeId, ct))
            throw AlreadyGranted();
        var grant = new RoleGrant(user.Id, request.Role, request.ScopeId, clock.GetUtcNow());
        db.RoleGrants.Add(grant);
        await db.SaveOrAnswerAsync(AlreadyGranted, ct);
        await accessChanges.ChangedAsync(user.Id, ct);
        return TypedResults.Created($"/api/v1/role-grants/{grant.Id}",
            new RoleGrantView(grant.Id, user.Id, user.DisplayName, grant.Role, grant.ScopeId, grant.GrantedAt));
    }

    private static async Task<NoContent> RevokeAsync(Guid id, Access access, AppDbContext db, IAccessChanges accessChanges,
        CancellationToken ct)
    {
        var grant = await db.RoleGrants.SingleOrDefaultAsync(g => g.Id == id, ct) ?? throw GrantNotFound();
        try
        {
            await RequireAuthorityAsync(grant.Role, grant.ScopeId, access, db, ct);
        }
        catch (AppProblem refused) when (refused.Status is StatusCodes.Status403Forbidden or StatusCodes.Status404NotFound)
        {
            // Someone who may not revoke a grant is not told that it exists.
            throw GrantNotFound();
        }
        db.RoleGrants.Remove(grant);
        // A racing revocation deleted it first: the DELETE finds no row, as a later request would find no grant.
        await db.SaveOrAnswerAsync(GrantNotFound, ct);
        await accessChanges.ChangedAsync(grant.UserId, ct);
        return TypedResults.NoContent();
    }

    private static AppProblem AlreadyGranted() => AppProblem.Conflict("role_already_granted", "该用户已拥有此角色");

    private static AppProblem GrantNotFound() => AppProblem.NotFound("role_grant_not_found", "角色任命不存在");

    private static async Task RequireAuthorityAsync(Role role, Guid? scopeId, Access access, AppDbContext db,
        CancellationToken ct)
    {
        switch (role)
        {
            case Role.CommitteeMember or Role.CommitteeChair:
                await access.RequireAsync(scopeId ?? Guid.Empty, Permission.ManageRoles, ct);
                break;
            case Role.StreetOfficer:
                var districtId = await db.Streets.Where(s => s.Id == scopeId).Select(s => (Guid?)s.DistrictId).SingleOrDefaultAsync(ct)
                    ?? throw AppProblem.NotFound("street_not_found", "街道不存在");
                await access.RequireDistrictAdminAsync(districtId, ct);
                break;
            case Role.PropertyStaff:
                await access.RequireRoleAsync(Role.CityAdmin, ct);
                if (!await db.PropertyCompanies.AnyAsync(c => c.Id == scopeId, ct))
                    throw AppProblem.NotFound("property_company_not_found", "物业企业不存在");
                break;
            case Role.CityAdmin:
                await access.RequireDistrictAdminAsync(null, ct);
                if (scopeId is not null && !await db.Districts.AnyAsync(d => d.Id == scopeId, ct))
                    throw AppProblem.NotFound("district_not_found", "区县不存在");
                break;
            case Role.FinanceOfficer:
                await access.RequireDistrictAdminAsync(null, ct);
                break;
            default:
                throw AppProblem.BadRequest("role_invalid", "角色无效");
        }
    }
}
