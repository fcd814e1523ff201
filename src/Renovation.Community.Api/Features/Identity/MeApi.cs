using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Api.Common.Authorization;
using Renovation.Community.Api.Data;

namespace Renovation.Community.Api.Features.Identity;

public sealed record MyRole(Role Role, Guid? ScopeId);

public sealed record MyUnit(Guid UnitId, string Number, string Building, Guid CommunityId, string Community,
    Guid OwnerPartyId, long ExclusiveAreaHundredths);

public sealed record MeResponse(Guid Id, string DisplayName, IReadOnlyList<MyRole> Roles, IReadOnlyList<MyUnit> Units);

public static class MeApi
{
    public static RouteGroupBuilder MapMeApi(this RouteGroupBuilder api)
    {
        api.MapGet("/me", GetMeAsync).WithTags("Auth").WithName("GetMe")
            .WithSummary("Who I am: my roles and the units I act for")
            .WithDescription("The signed-in user: display name, role grants with their scopes, and the approved units (with their owner party) the user acts for.");
        return api;
    }

    private static async Task<Ok<MeResponse>> GetMeAsync(Access access, AppDbContext db, CancellationToken ct)
    {
        var scope = await access.ScopeAsync(ct);
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == scope.UserId, ct);
        var unitIds = scope.Units.Select(u => u.UnitId).ToList();
        var units = await (
            from u in db.Units.AsNoTracking()
            where unitIds.Contains(u.Id)
            join c in db.Communities on u.CommunityId equals c.Id
            orderby c.Name, u.Building!.Name, u.Number
            select new MyUnit(u.Id, u.Number, u.Building!.Name, c.Id, c.Name, u.OwnerPartyId, u.ExclusiveAreaHundredths))
            .ToListAsync(ct);
        var roles = scope.Grants.Select(g => new MyRole(g.Role, g.ScopeId)).ToList();
        return TypedResults.Ok(new MeResponse(user.Id, user.DisplayName, roles, units));
    }
}
