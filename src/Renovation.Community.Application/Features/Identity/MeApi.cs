using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Validation;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Identity;

public sealed record MyRole(Role Role, Guid? ScopeId);

public sealed record MyUnit(Guid UnitId, string Number, string Building, Guid CommunityId, string Community,
    Guid OwnerPartyId, long ExclusiveAreaHundredths);

public sealed record MeResponse(Guid Id, string DisplayName, IReadOnlyList<MyRole> Roles, IReadOnlyList<MyUnit> Units);

/// <summary>The name others see: 1 to 20 characters, not the placeholder WeChat users start with.</summary>
public sealed record ChangeDisplayName(string DisplayName) : IValidatable
{
    public const int MaxLength = 20;

    public void Validate(Validator v)
    {
        v.Text(DisplayName, "displayName", "昵称", MaxLength);
        if (DisplayName?.Trim() == AppUser.PlaceholderName)
            v.Add("displayName", $"请填写您的称呼，不能使用“{AppUser.PlaceholderName}”");
    }
}

public static class MeApi
{
    public static RouteGroupBuilder MapMeApi(this RouteGroupBuilder api)
    {
        api.MapGet("/me", GetMeAsync).WithTags("Auth").WithName("GetMe")
            .WithSummary("Who I am: my roles and the units I act for")
            .WithDescription("The signed-in user: display name, role grants with their scopes, and the approved units (with their owner party) the user acts for.");
        api.MapPut("/me/display-name", ChangeDisplayNameAsync).WithTags("Auth").WithName("ChangeMyDisplayName")
            .WithSummary("Set the name other people see")
            .WithDescription("WeChat gives apps no nickname, so new users are called 微信用户 until they set a name here " +
                "(1 to 20 characters, not 微信用户). The change is audited. Answers the same body as GET /me.");
        return api;
    }

    private static async Task<Ok<MeResponse>> ChangeDisplayNameAsync(ChangeDisplayName request, Access access, AppDbContext db,
        CancellationToken ct)
    {
        var user = await db.Users.SingleAsync(u => u.Id == access.UserId, ct);
        user.Rename(request.DisplayName);
        await db.SaveChangesAsync(ct);
        return await GetMeAsync(access, db, ct);
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
