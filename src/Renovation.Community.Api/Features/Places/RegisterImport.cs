using Renovation.Community.Api.Common.Validation;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Api.Data;

namespace Renovation.Community.Api.Features.Places;

public sealed record RegisterRowError(int Line, string Column, string Message);

public sealed record RegisterImportResult(int BuildingsCreated, int UnitsCreated, int OwnerPartiesCreated,
    long TotalAreaHundredths);

/// <summary>
/// Imports a community's register (房屋及业主名册) from CSV. Every row is checked, every problem is reported with its
/// line number, and nothing is written unless all rows are good.
/// </summary>
public sealed partial class RegisterImport(AppDbContext db)
{
    public const string Header = "building,unit,area_m2,area_basis,certificate_no,party_key,party_kind,owners,id_last4";
    public const int MaxRows = 20_000;

    private sealed record Row(int Line, string Building, string Unit, long Area, AreaBasis Basis, string? Certificate,
        string PartyKey, OwnerPartyKind Kind, string[] Owners, string[] IdLast4);

    /// <summary>Validates and, when every row is good, stages the entities on the context (the caller saves).</summary>
    public async Task<(RegisterImportResult? Result, List<RegisterRowError> Errors)> StageAsync(Guid communityId,
        TextReader csv, CancellationToken ct)
    {
        var errors = new List<RegisterRowError>();
        var rows = await ReadRowsAsync(csv, errors);
        CheckAcrossRows(rows, errors);
        await CheckAgainstDatabaseAsync(communityId, rows, errors, ct);
        if (errors.Count > 0)
            return (null, [.. errors.OrderBy(e => e.Line)]);
        return (await StageEntitiesAsync(communityId, rows, ct), errors);
    }

    private static async Task<List<Row>> ReadRowsAsync(TextReader csv, List<RegisterRowError> errors)
    {
        var rows = new List<Row>();
        var header = (await csv.ReadLineAsync())?.TrimStart('\uFEFF').Trim();
        if (header is null || !string.Equals(header.Replace(" ", ""), Header, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new(1, "", $"第一行必须是表头：{Header}"));
            return rows;
        }
        var lineNumber = 1;
        while (await csv.ReadLineAsync() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            if (rows.Count >= MaxRows)
            {
                errors.Add(new(lineNumber, "", $"一次最多导入 {MaxRows} 行"));
                break;
            }
            if (ParseRow(lineNumber, line, errors) is { } row)
                rows.Add(row);
        }
        if (rows.Count == 0 && errors.Count == 0)
            errors.Add(new(1, "", "名册中没有数据行"));
        return rows;
    }

    private static Row? ParseRow(int line, string text, List<RegisterRowError> errors)
    {
        var f = CsvLine.TrySplit(text);
        if (f is null || f.Count != 9)
        {
            errors.Add(new(line, "", f is null ? "引号未闭合" : $"应有 9 列，实际 {f.Count} 列"));
            return null;
        }
        var before = errors.Count;
        void Error(string column, string message) => errors.Add(new(line, column, message));
        if (!SafeText.IsSafe(text))
            Error("", SafeText.Message);

        if (f[0].Length is 0 or > 32) Error("building", "楼栋名称不能为空且不超过 32 个字");
        if (f[1].Length is 0 or > 32) Error("unit", "房号不能为空且不超过 32 个字");
        if (!Area.TryParseSquareMetres(f[2], out var area) || area <= 0)
            Error("area_m2", "专有面积应为大于 0 的数字，最多两位小数，如 89.56");
        AreaBasis basis = AreaBasis.Registered;
        if (f[3].Length > 0 && !TryParseBasis(f[3], out basis))
            Error("area_basis", "面积依据应为 registered、surveyed 或 contract");
        if (f[4].Length > 64) Error("certificate_no", "不动产权证号不超过 64 个字");
        if (f[5].Length is 0 or > 64) Error("party_key", "业主编号不能为空且不超过 64 个字");
        if (!TryParseKind(f[6], out var kind))
            Error("party_kind", "业主类型应为 person、coowners 或 developer");

        var owners = SplitList(f[7]);
        var idLast4 = SplitList(f[8]).Select(s => s.ToUpperInvariant()).ToArray();
        if (owners.Length == 0 || owners.Any(o => o.Length > 32))
            Error("owners", "业主姓名不能为空，每个姓名不超过 32 个字，多人用分号分隔");
        else if (kind == OwnerPartyKind.Person && owners.Length != 1)
            Error("owners", "个人业主只能填写一个姓名；多人共有请用 coowners");
        else if (kind == OwnerPartyKind.CoOwners && owners.Length < 2)
            Error("owners", "共有业主至少填写两个姓名");
        else if (kind == OwnerPartyKind.Developer && owners.Length != 1)
            Error("owners", "开发建设单位只填写一个名称");
        if (idLast4.Length > 0 && idLast4.Length != owners.Length)
            Error("id_last4", "身份证后四位的个数应与业主姓名一致");
        if (idLast4.Any(s => !IdSuffix().IsMatch(s)))
            Error("id_last4", "身份证后四位应为 4 位数字或字母 X");
        if (kind != OwnerPartyKind.Developer && idLast4.Length == 0)
            Error("id_last4", "个人和共有业主须填写身份证后四位");

        return errors.Count > before ? null
            : new Row(line, f[0], f[1], area, basis, f[4].Length == 0 ? null : f[4], f[5], kind, owners, idLast4);
    }

    private static void CheckAcrossRows(List<Row> rows, List<RegisterRowError> errors)
    {
        var seenUnits = new Dictionary<(string, string), int>();
        foreach (var row in rows)
        {
            if (!seenUnits.TryAdd((row.Building, row.Unit), row.Line))
                errors.Add(new(row.Line, "unit", $"房屋 {row.Building} {row.Unit} 与第 {seenUnits[(row.Building, row.Unit)]} 行重复"));
        }
        foreach (var party in rows.GroupBy(r => r.PartyKey))
        {
            var first = party.First();
            foreach (var row in party.Skip(1))
            {
                if (row.Kind != first.Kind || !row.Owners.SequenceEqual(first.Owners) || !row.IdLast4.SequenceEqual(first.IdLast4))
                    errors.Add(new(row.Line, "party_key", $"业主编号 {row.PartyKey} 的业主信息与第 {first.Line} 行不一致"));
            }
        }
        var developerKeys = rows.Where(r => r.Kind == OwnerPartyKind.Developer).Select(r => r.PartyKey).Distinct().ToList();
        if (developerKeys.Count > 1)
        {
            var line = rows.First(r => r.Kind == OwnerPartyKind.Developer && r.PartyKey == developerKeys[1]).Line;
            errors.Add(new(line, "party_key", "开发建设单位未售出的房屋应归为同一个业主（同一业主编号）"));
        }
    }

    private async Task CheckAgainstDatabaseAsync(Guid communityId, List<Row> rows, List<RegisterRowError> errors,
        CancellationToken ct)
    {
        var existing = (await db.Units.AsNoTracking().Where(u => u.CommunityId == communityId)
                .Select(u => new { Building = u.Building!.Name, u.Number }).ToListAsync(ct))
            .Select(u => (u.Building, u.Number)).ToHashSet();
        foreach (var row in rows.Where(r => existing.Contains((r.Building, r.Unit))))
            errors.Add(new(row.Line, "unit", $"房屋 {row.Building} {row.Unit} 已在名册中"));

        var hasDeveloper = await db.OwnerParties.AnyAsync(p => p.CommunityId == communityId && p.Kind == OwnerPartyKind.Developer, ct);
        if (hasDeveloper && rows.FirstOrDefault(r => r.Kind == OwnerPartyKind.Developer) is { } dev)
            errors.Add(new(dev.Line, "party_kind", "该小区已登记开发建设单位，未售房屋请归入已有的开发建设单位"));
    }

    private async Task<RegisterImportResult> StageEntitiesAsync(Guid communityId, List<Row> rows, CancellationToken ct)
    {
        var buildings = await db.Buildings.Where(b => b.CommunityId == communityId).ToDictionaryAsync(b => b.Name, ct);
        var buildingsCreated = 0;
        var parties = new Dictionary<string, OwnerParty>();
        foreach (var row in rows)
        {
            if (!buildings.TryGetValue(row.Building, out var building))
            {
                building = new Building(communityId, row.Building);
                buildings[row.Building] = building;
                db.Buildings.Add(building);
                buildingsCreated++;
            }
            if (!parties.TryGetValue(row.PartyKey, out var party))
            {
                var members = row.Owners.Select((name, i) => (name, row.IdLast4.Length > i ? row.IdLast4[i] : null));
                party = new OwnerParty(communityId, row.Kind, string.Join("、", row.Owners), members);
                parties[row.PartyKey] = party;
                db.OwnerParties.Add(party);
            }
            db.Units.Add(new Unit(communityId, building.Id, row.Unit, row.Area, row.Basis, row.Certificate, party.Id));
        }
        return new RegisterImportResult(buildingsCreated, rows.Count, parties.Count, rows.Sum(r => r.Area));
    }

    private static string[] SplitList(string value) =>
        value.Split([';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool TryParseBasis(string value, out AreaBasis basis) =>
        Enum.TryParse(value, ignoreCase: true, out basis) && Enum.IsDefined(basis) && !int.TryParse(value, out _);

    private static bool TryParseKind(string value, out OwnerPartyKind kind)
    {
        kind = value.ToLowerInvariant() switch
        {
            "person" => OwnerPartyKind.Person,
            "coowners" => OwnerPartyKind.CoOwners,
            "developer" => OwnerPartyKind.Developer,
            _ => (OwnerPartyKind)(-1),
        };
        return Enum.IsDefined(kind);
    }

    [GeneratedRegex("^[0-9]{3}[0-9X]$")]
    private static partial Regex IdSuffix();
}
