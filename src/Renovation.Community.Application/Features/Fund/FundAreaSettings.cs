using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Data;
using Renovation.Community.Application.Features.Places;

namespace Renovation.Community.Application.Features.Fund;

/// <param name="ChargesArea">Initial deposits per m², per-m² top-ups and works charges (law: Building, Order 165 Arts. 7 and 22).</param>
/// <param name="CommonIncomeArea">Common-part income (law: Exclusive, Civil Code Art. 283).</param>
/// <param name="VotesArea">Always Exclusive (Civil Code Art. 278); shown so the three uses are read in one place.</param>
public sealed record FundSettingsView(Guid CommunityId, AreaKind ChargesArea, AreaKind CommonIncomeArea, AreaKind VotesArea,
    AreaKind LawChargesArea, AreaKind LawCommonIncomeArea)
{
    public static FundSettingsView Of(FundSettings s) =>
        new(s.CommunityId, s.ChargesArea, s.CommonIncomeArea, AreaKind.Exclusive, AreaKind.Building, AreaKind.Exclusive);
}

/// <summary>Both fields are required: a setting is always stated in full, so a client cannot reset one by leaving it out.</summary>
public sealed record ChangeFundSettings(
    [property: System.ComponentModel.DataAnnotations.Required] AreaKind? ChargesArea,
    [property: System.ComponentModel.DataAnnotations.Required] AreaKind? CommonIncomeArea) : Common.Validation.IValidatable
{
    public void Validate(Common.Validation.Validator v)
    {
        if (ChargesArea is null)
            v.Add("chargesArea", "请填写维修资金交存和分摊依据的面积（Building 建筑面积或 Exclusive 专有面积）");
        if (CommonIncomeArea is null)
            v.Add("commonIncomeArea", "请填写公共收益分配依据的面积（Building 建筑面积或 Exclusive 专有面积）");
    }
}

/// <summary>Reads and changes which area the community's fund splits count by (<see cref="FundSettings"/>).</summary>
public static class FundAreaSettings
{
    /// <summary>Everyone who may see the community: owners should know by which area they are charged and credited.</summary>
    public static async Task<Ok<FundSettingsView>> GetAsync(Guid communityId, Access access, AppDbContext db, CancellationToken ct)
    {
        await access.RequireAsync(communityId, Permission.ViewCommunity, ct);
        return TypedResults.Ok(FundSettingsView.Of(await SplitAreas.SettingsAsync(db, communityId, ct)));
    }

    /// <summary>The committee records what the owners' rules chose; the change is audited like every settings row.</summary>
    public static async Task<Ok<FundSettingsView>> ChangeAsync(Guid communityId, ChangeFundSettings request, Access access,
        AppDbContext db, CancellationToken ct)
    {
        await access.RequireAsync(communityId, Permission.RunFund, ct);
        var s = await db.FundSettings.SingleOrDefaultAsync(x => x.CommunityId == communityId, ct);
        if (s is null)
        {
            s = new FundSettings(communityId);
            db.FundSettings.Add(s);
        }
        s.Change(request.ChargesArea!.Value, request.CommonIncomeArea!.Value);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(FundSettingsView.Of(s));
    }
}
