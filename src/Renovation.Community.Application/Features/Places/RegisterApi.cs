using RequiredAttribute = System.ComponentModel.DataAnnotations.RequiredAttribute;
using System.Text.RegularExpressions;
using Renovation.Community.Application.Common.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Paging;
using Renovation.Community.Application.Common.Validation;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Places;

public sealed record CreateBuilding(string Name) : IValidatable
{
    public void Validate(Validator v) => v.Text(Name, "name", "楼栋名称", 32);
}

/// <param name="BuildingAreaHundredths">Building area (建筑面积), which the maintenance fund counts; optional, never below the exclusive area.</param>
public sealed record CreateUnit(Guid BuildingId, string Number, long ExclusiveAreaHundredths, AreaBasis AreaBasis,
    string? CertificateNumber, Guid OwnerPartyId, long? BuildingAreaHundredths = null) : IValidatable
{
    public void Validate(Validator v) => v.NotEmpty(BuildingId, "buildingId", "楼栋").Text(Number, "number", "房号", 32)
        .Range(ExclusiveAreaHundredths, 1, 100_000_000, "exclusiveAreaHundredths", "专有面积以 0.01 平方米为单位，应为 1 到 100000000 的整数")
        .Range(BuildingAreaHundredths ?? 1, 1, 100_000_000, "buildingAreaHundredths", "建筑面积以 0.01 平方米为单位，应为 1 到 100000000 的整数")
        .Text(CertificateNumber, "certificateNumber", "不动产权证号", 64, required: false)
        .NotEmpty(OwnerPartyId, "ownerPartyId", "业主");
}

/// <param name="BuildingAreaHundredths">Building area (建筑面积); absent: the unit has none registered (fund splits by building area refuse it).</param>
public sealed record UpdateUnit(long ExclusiveAreaHundredths, AreaBasis AreaBasis, string? CertificateNumber,
    Guid OwnerPartyId, long? BuildingAreaHundredths = null) : IValidatable
{
    public void Validate(Validator v) => v
        .Range(ExclusiveAreaHundredths, 1, 100_000_000, "exclusiveAreaHundredths", "专有面积以 0.01 平方米为单位，应为 1 到 100000000 的整数")
        .Range(BuildingAreaHundredths ?? 1, 1, 100_000_000, "buildingAreaHundredths", "建筑面积以 0.01 平方米为单位，应为 1 到 100000000 的整数")
        .Text(CertificateNumber, "certificateNumber", "不动产权证号", 64, required: false)
        .NotEmpty(OwnerPartyId, "ownerPartyId", "业主");
}

public sealed record PartyMemberInput(string Name, string? IdLast4);

public sealed partial record CreateOwnerParty(OwnerPartyKind Kind, [property: Required] IReadOnlyList<PartyMemberInput>? Members) : IValidatable
{
    public void Validate(Validator v)
    {
        if (Members is null || Members.Count == 0)
        {
            v.Add("members", "请至少登记一名业主");
            return;
        }
        for (var i = 0; i < Members.Count; i++)
        {
            v.Text(Members[i].Name, $"members[{i}].name", "业主姓名", 32);
            v.Matches(Members[i].IdLast4?.ToUpperInvariant(), IdSuffix(), $"members[{i}].idLast4", "身份证号后四位应为 4 位数字或字母 X");
        }
    }

    [GeneratedRegex("^[0-9]{3}[0-9X]$")]
    private static partial Regex IdSuffix();
}

public sealed record BuildingView(Guid Id, Guid CommunityId, string Name);
public sealed record UnitView(Guid Id, Guid BuildingId, string Building, string Number, long ExclusiveAreaHundredths,
    AreaBasis AreaBasis, string? CertificateNumber, Guid OwnerPartyId, string OwnerParty, long? BuildingAreaHundredths);
public sealed record PartyView(Guid Id, OwnerPartyKind Kind, string Name, IReadOnlyList<PartyMemberInput> Members,
    int Units, long AreaHundredths);

/// <summary>The register of a community: buildings, units and owner parties, maintained by street and city admins.</summary>
public static class RegisterApi
{
    public const long MaxImportBytes = 5 * 1024 * 1024;

    public static RouteGroupBuilder MapRegisterApi(this RouteGroupBuilder api)
    {
        var c = api.MapGroup("/communities/{communityId:guid}").WithTags("Register");
        c.MapGet("/buildings", ListBuildingsAsync).WithName("ListBuildings")
            .WithSummary("Buildings of a community")
            .WithDescription("The buildings of a community's register, for those who may view it.");
        c.MapPost("/buildings", CreateBuildingAsync).WithName("CreateBuilding")
            .WithSummary("Add a building")
            .WithDescription("Adds a building to the register of a community; names are unique within the community (409 building_exists).");
        c.MapGet("/units", ListUnitsAsync).WithName("ListUnits")
            .WithSummary("Units of a community")
            .WithDescription("The units of the register with area, area basis, certificate and owner party, for those who may view it. Paged.");
        c.MapPost("/units", CreateUnitAsync).WithName("CreateUnit")
            .WithSummary("Add a unit")
            .WithDescription("Adds a unit (套) to a building with its exclusive area in hundredths of m², the area basis and its owner party. Door numbers are unique within a building (409 unit_exists).");
        c.MapGet("/owner-parties", ListPartiesAsync).WithName("ListOwnerParties")
            .WithSummary("Owner parties of a community")
            .WithDescription("The owner parties (a person, registered co-owners or the developer) with their members, number of units and total area. Paged. " +
                "`q` finds parties by name: a party or member name containing it, or (four digits or X) a member's ID suffix.");
        c.MapPost("/owner-parties", CreatePartyAsync).WithName("CreateOwnerParty").RetryWhenRaceLost()
            .WithSummary("Add an owner party")
            .WithDescription("Adds an owner party. A community has at most one developer party, which holds all unsold units (409 developer_party_exists).");
        c.MapPost("/register/import", ImportAsync).WithName("ImportRegister")
            .WithSummary("Import the register from a CSV or .xlsx body; all rows or nothing")
            .WithDescription(ImportDescription)
            .Accepts<byte[]>("text/csv", "text/plain", Spreadsheet.XlsxMediaType, "application/octet-stream")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        c.MapGet("/register/template", Template).WithName("GetRegisterTemplate")
            .WithSummary("Download the register import template (header and example rows)")
            .WithDescription("`?format=csv` (default, UTF-8 with BOM) or `?format=xlsx`. The columns are those of ImportRegister.")
            .Produces<byte[]>(200, Spreadsheet.CsvMediaType, Spreadsheet.XlsxMediaType);
        c.MapGet("/register/download", DownloadAsync).WithName("DownloadRegister")
            .WithSummary("Download the community's register as CSV or .xlsx, in the import columns")
            .WithDescription("`?format=csv` (default, UTF-8 with BOM) or `?format=xlsx`. One row per unit. Text cells that a spreadsheet " +
                "would run as a formula (starting with = + - @) are prefixed with an apostrophe; .xlsx cells are text or numbers, never formulas.")
            .Produces<byte[]>(200, Spreadsheet.CsvMediaType, Spreadsheet.XlsxMediaType);
        api.MapPut("/units/{id:guid}", UpdateUnitAsync).WithTags("Register").WithName("UpdateUnit").RetryWhenRaceLost()
            .WithSummary("Correct a unit")
            .WithDescription("Corrects a unit's area, area basis, certificate number or owner party.");
        api.MapOwnerPartyMaintenance();
        return api;
    }

    private static async Task<Ok<List<BuildingView>>> ListBuildingsAsync(Guid communityId, Access access, AppDbContext db,
        CancellationToken ct)
    {
        await access.RequireAsync(communityId, Permission.ViewCommunity, ct);
        return TypedResults.Ok(await db.Buildings.AsNoTracking().Where(b => b.CommunityId == communityId).OrderBy(b => b.Name)
            .Select(b => new BuildingView(b.Id, b.CommunityId, b.Name)).ToListAsync(ct));
    }

    private static async Task<Created<BuildingView>> CreateBuildingAsync(Guid communityId, CreateBuilding request,
        Access access, AppDbContext db, CancellationToken ct)
    {
        await access.RequireAsync(communityId, Permission.ManagePlaces, ct);
        if (await db.Buildings.AnyAsync(b => b.CommunityId == communityId && b.Name == request.Name.Trim(), ct))
            throw AppProblem.Conflict("building_exists", "该小区已有同名楼栋");
        var building = new Building(communityId, request.Name);
        db.Buildings.Add(building);
        await db.SaveOrAnswerAsync(() => AppProblem.Conflict("building_exists", "该小区已有同名楼栋"), ct);
        return TypedResults.Created($"/api/v1/communities/{communityId}/buildings/{building.Id}",
            new BuildingView(building.Id, communityId, building.Name));
    }

    private static async Task<Ok<Page<UnitView>>> ListUnitsAsync(Guid communityId, Guid? buildingId,
        [AsParameters] PageRequest page, Access access, AppDbContext db, CancellationToken ct)
    {
        await access.RequireAsync(communityId, Permission.ViewRegister, ct);
        var units = db.Units.AsNoTracking().Where(u => u.CommunityId == communityId);
        if (buildingId is not null)
            units = units.Where(u => u.BuildingId == buildingId);
        return TypedResults.Ok(await units.OrderBy(u => u.Building!.Name).ThenBy(u => u.Number)
            .Select(u => new UnitView(u.Id, u.BuildingId, u.Building!.Name, u.Number, u.ExclusiveAreaHundredths, u.AreaBasis,
                u.CertificateNumber, u.OwnerPartyId, u.OwnerParty!.Name, u.BuildingAreaHundredths))
            .ToPageAsync(page, ct));
    }

    private static async Task<Created<UnitView>> CreateUnitAsync(Guid communityId, CreateUnit request, Access access,
        AppDbContext db, CancellationToken ct)
    {
        await access.RequireAsync(communityId, Permission.ManagePlaces, ct);
        var building = await db.Buildings.SingleOrDefaultAsync(b => b.Id == request.BuildingId && b.CommunityId == communityId, ct)
            ?? throw AppProblem.NotFound("building_not_found", "楼栋不存在");
        var party = await FindPartyAsync(communityId, request.OwnerPartyId, db, ct);
        if (await db.Units.AnyAsync(u => u.BuildingId == building.Id && u.Number == request.Number.Trim(), ct))
            throw AppProblem.Conflict("unit_exists", "该楼栋已有此房号");
        var unit = new Unit(communityId, building.Id, request.Number, request.ExclusiveAreaHundredths, request.AreaBasis,
            request.CertificateNumber, party.Id, request.BuildingAreaHundredths);
        db.Units.Add(unit);
        await db.SaveOrAnswerAsync(() => AppProblem.Conflict("unit_exists", "该楼栋已有此房号"), ct);
        return TypedResults.Created($"/api/v1/units/{unit.Id}", new UnitView(unit.Id, building.Id, building.Name, unit.Number,
            unit.ExclusiveAreaHundredths, unit.AreaBasis, unit.CertificateNumber, party.Id, party.Name, unit.BuildingAreaHundredths));
    }

    private static async Task<Ok<UnitView>> UpdateUnitAsync(Guid id, UpdateUnit request, Access access, AppDbContext db,
        CancellationToken ct)
    {
        static AppProblem UnitNotFound() => AppProblem.NotFound("unit_not_found", "房屋不存在");
        var unit = await db.Units.Include(u => u.Building).SingleOrDefaultAsync(u => u.Id == id, ct) ?? throw UnitNotFound();
        await access.RequireAsync(unit.CommunityId, Permission.ManagePlaces, ct, UnitNotFound);
        var party = await FindPartyAsync(unit.CommunityId, request.OwnerPartyId, db, ct);
        unit.ChangeArea(request.ExclusiveAreaHundredths, request.AreaBasis, request.BuildingAreaHundredths);
        unit.TransferTo(party.Id);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new UnitView(unit.Id, unit.BuildingId, unit.Building!.Name, unit.Number,
            unit.ExclusiveAreaHundredths, unit.AreaBasis, unit.CertificateNumber, party.Id, party.Name, unit.BuildingAreaHundredths));
    }

    private static async Task<Ok<Page<PartyView>>> ListPartiesAsync(Guid communityId, string? q, [AsParameters] PageRequest page,
        Access access, AppDbContext db, CancellationToken ct)
    {
        await access.RequireAsync(communityId, Permission.ViewRegister, ct);
        var parties = db.OwnerParties.AsNoTracking().Where(p => p.CommunityId == communityId);
        if (OwnerPartySearch.Parse(q) is { } search)
            parties = parties.Where(p => p.Name.Contains(search.Text)
                || p.Members.Any(m => m.Name.Contains(search.Text) || (search.IdLast4 != null && m.IdLast4 == search.IdLast4)));
        var result = await parties.OrderBy(p => p.Name).ThenBy(p => p.Id)
            .Select(p => new
            {
                p.Id, p.Kind, p.Name,
                Members = p.Members.Select(m => new PartyMemberInput(m.Name, m.IdLast4)).ToList(),
                Units = db.Units.Count(u => u.OwnerPartyId == p.Id),
                Area = db.Units.Where(u => u.OwnerPartyId == p.Id).Sum(u => (long?)u.ExclusiveAreaHundredths) ?? 0,
            })
            .ToPageAsync(page, ct);
        var items = result.Items.Select(p => new PartyView(p.Id, p.Kind, p.Name, p.Members, p.Units, p.Area)).ToList();
        return TypedResults.Ok(new Page<PartyView>(items, result.PageNumber, result.PageSize, result.Total));
    }

    private static AppProblem DeveloperPartyExists() =>
        AppProblem.Conflict("developer_party_exists", "该小区已登记开发建设单位，未售房屋应归入同一业主");

    private static async Task<Created<PartyView>> CreatePartyAsync(Guid communityId, CreateOwnerParty request, Access access,
        AppDbContext db, CancellationToken ct)
    {
        await access.RequireAsync(communityId, Permission.ManagePlaces, ct);
        if (request.Kind == OwnerPartyKind.Developer
            && await db.OwnerParties.AnyAsync(p => p.CommunityId == communityId && p.Kind == OwnerPartyKind.Developer, ct))
            throw DeveloperPartyExists();
        var members = request.Members!.Select(m => (m.Name, m.IdLast4)).ToList();
        var party = new OwnerParty(communityId, request.Kind, string.Join("、", members.Select(m => m.Name.Trim())), members);
        var key = party.Keys[0].Key;
        if (await db.OwnerPartyKeys.AnyAsync(k => k.CommunityId == communityId && k.Key == key, ct))
            // A developer's key exists only with a developer party (one that committed after the check above).
            throw request.Kind == OwnerPartyKind.Developer
                ? DeveloperPartyExists()
                : AppProblem.Conflict("owner_party_exists", "该小区已登记同一业主（类型、姓名和身份证后四位都相同）");
        db.OwnerParties.Add(party);
        // A lost race (the developer slot or the party key) reruns this handler (RetryWhenRaceLost), and the checks
        // above then give the loser the answer it would get one at a time.
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/owner-parties/{party.Id}", new PartyView(party.Id, party.Kind, party.Name,
            party.Members.Select(m => new PartyMemberInput(m.Name, m.IdLast4)).ToList(), 0, 0));
    }

    private static readonly string ImportDescription =
        "The body is the file itself: CSV (UTF-8 with or without BOM, or GB18030/GBK as Excel on Chinese Windows saves it; " +
        "RFC 4180 quoting, so a quoted cell may hold a line break) or an .xlsx workbook (first sheet). The type is decided " +
        "by the content, not the media type; UTF-16, .xls and other files are refused with 422 `register_encoding_unsupported` " +
        "or `register_format_unsupported`. The first row is the header; columns are found by name (English or Chinese), in any order:\n" +
        RegisterColumns.Describe() + "\n\nOther columns are ignored and listed in `ignoredColumns`. An owner already in the register (same kind, names and ID suffixes, see " +
        "docs/register-import.md) is joined, not created again. Every row is checked; when any row is wrong nothing is " +
        "written and 422 `register_invalid` lists each error with its row number (`line`, header = 1) and column. " +
        "GetRegisterTemplate downloads a template.";

    private static readonly string[] ImportMediaTypes = ["text/csv", "text/plain", Spreadsheet.XlsxMediaType, "application/octet-stream"];

    private static async Task<Ok<RegisterImportResult>> ImportAsync(
        Guid communityId, HttpRequest http, Access access, AppDbContext db, CancellationToken ct)
    {
        await access.RequireAsync(communityId, Permission.ManagePlaces, ct);
        var mediaType = http.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (mediaType is null || !ImportMediaTypes.Contains(mediaType))
            throw new AppProblem(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type",
                "请直接上传名册文件（CSV 用 text/csv，Excel 用 application/vnd.openxmlformats-officedocument.spreadsheetml.sheet）");
        if (http.ContentLength > MaxImportBytes)
            throw new AppProblem(StatusCodes.Status413PayloadTooLarge, "payload_too_large", "名册文件不能超过 5 MB");
        // Chunked uploads have no length up front: Kestrel enforces the same cap while reading.
        if (http.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = MaxImportBytes;

        using var body = new MemoryStream();
        await http.Body.CopyToAsync(body, ct);
        var sheet = RegisterFile.Read(body.ToArray());
        for (var attempt = 1; ; attempt++)
        {
            var (result, errors) = await new RegisterImport(db).StageAsync(communityId, sheet, ct);
            if (result is null)
                throw new DomainRuleViolation("register_invalid", $"名册有 {errors.Count} 处错误，未导入任何数据")
                    .With("errors", errors);
            try
            {
                await db.SaveChangesAsync(ct);
                return TypedResults.Ok(result);
            }
            catch (DbUpdateException e) when (attempt == 1 && RaceLoser.IsLostRace(e))
            {
                // Another import got there first (same units, or a new owner both files name): check again against
                // what it wrote, so this one is refused row by row or joins the owners it created.
                db.ChangeTracker.Clear();
            }
        }
    }

    private static async Task<IResult> Template(Guid communityId, string? format, Access access, CancellationToken ct)
    {
        await access.RequireAsync(communityId, Permission.ViewRegister, ct);
        return RegisterColumns.Template().ToResult(format, "register-template", "名册");
    }

    private static async Task<IResult> DownloadAsync(Guid communityId, string? format, Access access, AppDbContext db,
        CancellationToken ct)
    {
        await access.RequireAsync(communityId, Permission.ViewRegister, ct);
        var units = await db.Units.AsNoTracking().Where(u => u.CommunityId == communityId)
            .OrderBy(u => u.Building!.Name).ThenBy(u => u.Number)
            .Select(u => new { Building = u.Building!.Name, u.Number, u.ExclusiveAreaHundredths, u.BuildingAreaHundredths, u.AreaBasis, u.CertificateNumber, u.OwnerPartyId })
            .ToListAsync(ct);
        var parties = await db.OwnerParties.AsNoTracking().Include(p => p.Members).Where(p => p.CommunityId == communityId)
            .ToDictionaryAsync(p => p.Id, ct);
        var sheet = new Spreadsheet(RegisterColumns.Downloaded.Select(c => c.Name).ToList());
        foreach (var u in units)
        {
            var party = parties[u.OwnerPartyId];
            // A unit without a building area downloads an empty cell, so a re-import keeps it unknown rather than invented.
            sheet.Add(u.Building, u.Number, u.ExclusiveAreaHundredths / 100m, u.BuildingAreaHundredths / 100m, u.AreaBasis.ToString().ToLowerInvariant(),
                u.CertificateNumber, party.Kind.ToString().ToLowerInvariant(), string.Join(';', party.Members.Select(m => m.Name)),
                string.Join(';', party.Members.Select(m => m.IdLast4)).Trim(';'));
        }
        return sheet.ToResult(format, "register", "名册");
    }

    private static async Task<OwnerParty> FindPartyAsync(Guid communityId, Guid partyId, AppDbContext db, CancellationToken ct) =>
        await db.OwnerParties.SingleOrDefaultAsync(p => p.Id == partyId && p.CommunityId == communityId, ct)
        ?? throw AppProblem.NotFound("owner_party_not_found", "该小区没有这个业主");
}
