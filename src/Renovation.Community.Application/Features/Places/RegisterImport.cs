using System.Text;
using Renovation.Community.Application.Common.Validation;
using System.Text.RegularExpressions;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Privacy;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Places;

/// <summary>One problem in an uploaded register: the row as a spreadsheet numbers it (header = 1), the column and what is wrong.</summary>
public sealed record RegisterRowError(int Line, string Column, string Message);

/// <summary>What an import did: new buildings, units and owner parties, units that joined parties already registered, the area added.</summary>
/// <param name="UnitsWithoutBuildingArea">Imported units whose building area the file did not give (no column, or an empty cell):
/// the fund cannot split by building area over them until it is entered.</param>
/// <param name="ColumnsRead">Each header of the file that was read, and as which column.</param>
/// <param name="Warnings">In Chinese, for the committee: each header read under another name than the column's own
/// (“套内面积”按专有面积 area_m2 读取), so a wrong reading is seen before anyone votes on it.</param>
/// <param name="ContactPhones">Owners whose contact phone the file gave.</param>
public sealed record RegisterImportResult(int BuildingsCreated, int UnitsCreated, int OwnerPartiesCreated,
    long TotalAreaHundredths, int OwnerPartiesJoined = 0, IReadOnlyList<string>? IgnoredColumns = null,
    long TotalBuildingAreaHundredths = 0, int UnitsWithoutBuildingArea = 0,
    IReadOnlyList<RegisterColumnRead>? ColumnsRead = null, IReadOnlyList<string>? Warnings = null, int ContactPhones = 0);

/// <summary>A header of the uploaded file and the register column it was read as.</summary>
public sealed record RegisterColumnRead(string Header, string Column);

/// <summary>
/// Imports a community's register (房屋及业主名册) from CSV or .xlsx (<see cref="RegisterFile"/>, columns in
/// <see cref="RegisterColumns"/>). Every row is checked, every problem is reported with its row number, and nothing is
/// written unless all rows are good. An owner already in the register (same <see cref="OwnerPartyKey"/>) is joined,
/// not created again.
/// </summary>
public sealed partial class RegisterImport(AppDbContext db)
{
    public const int MaxRows = 20_000;

    private sealed record Row(int Line, string Building, string Unit, long Area, long? BuildingArea, AreaBasis Basis, string? Certificate,
        string PartyKey, OwnerPartyKind Kind, string[] Owners, string[] IdLast4, string[] Phones);

    /// <summary>Validates and, when every row is good, stages the entities on the context (the caller saves).</summary>
    public async Task<(RegisterImportResult? Result, List<RegisterRowError> Errors)> StageAsync(Guid communityId,
        IReadOnlyList<SheetRow> sheet, CancellationToken ct)
    {
        var errors = new List<RegisterRowError>();
        var ignored = new List<string>();
        var read = new List<RegisterColumnRead>();
        var rows = ReadRows(sheet, errors, ignored, read);
        CheckAcrossRows(rows, errors);
        await CheckAgainstDatabaseAsync(communityId, rows, errors, ct);
        if (errors.Count > 0)
            return (null, [.. errors.OrderBy(e => e.Line)]);
        var warnings = read
            .Select(r => (Read: r, Column: RegisterColumns.All.Append(RegisterColumns.LegacyPartyKey).Single(c => c.Name == r.Column)))
            .Where(x => !x.Column.IsOwnName(x.Read.Header))
            .Select(x => $"表头“{x.Read.Header}”按“{x.Column.ChineseName}”（{x.Column.Name}）读取，请核对").ToList();
        return (await StageEntitiesAsync(communityId, rows, ct) with { IgnoredColumns = ignored, ColumnsRead = read, Warnings = warnings }, errors);
    }

    private static List<Row> ReadRows(IReadOnlyList<SheetRow> sheet, List<RegisterRowError> errors, List<string> ignored,
        List<RegisterColumnRead> read)
    {
        var rows = new List<Row>();
        var dataRows = sheet.Where(r => r.Cells.Any(c => c.Length > 0)).ToList();
        if (dataRows.Count == 0 || FindColumns(dataRows[0], errors, ignored, read) is not { } columns)
        {
            if (dataRows.Count == 0)
                errors.Add(new(1, "", $"第一行必须是表头：{RegisterColumns.Header}"));
            return rows;
        }
        foreach (var row in dataRows.Skip(1))
        {
            if (rows.Count >= MaxRows)
            {
                errors.Add(new(row.Number, "", $"一次最多导入 {MaxRows} 行"));
                break;
            }
            if (ParseRow(row, dataRows[0].Cells.Count, columns, errors) is { } parsed)
                rows.Add(parsed);
        }
        if (rows.Count == 0 && errors.Count == 0)
            errors.Add(new(1, "", "名册中没有数据行"));
        return rows;
    }

    /// <summary>
    /// Where each known column is, by its English or Chinese header or one of the other names committees use (each read
    /// is reported); null (with errors) when a required one is missing. A header that could be read as another column
    /// than it means (使用面积, a bare 面积) is refused as a whole with 422 register_header_ambiguous, never guessed. Other
    /// columns (address, remarks…) are ignored and named in the result.
    /// </summary>
    private static Dictionary<RegisterColumn, int>? FindColumns(SheetRow header, List<RegisterRowError> errors, List<string> ignored,
        List<RegisterColumnRead> read)
    {
        var known = RegisterColumns.All.Append(RegisterColumns.LegacyPartyKey).ToList();
        var columns = new Dictionary<RegisterColumn, int>();
        var before = errors.Count;
        for (var i = 0; i < header.Cells.Count; i++)
        {
            // Headers are matched without spaces and with full-width letters and digits made half-width (身份证后４位).
            var name = new string(header.Cells[i].TrimStart('\uFEFF').Normalize(NormalizationForm.FormKC)
                .Where(c => !char.IsWhiteSpace(c)).ToArray());
            if (name.Length == 0)
                continue;
            if (RegisterColumns.Ambiguous.TryGetValue(name, out var why))
                throw new DomainRuleViolation("register_header_ambiguous",
                    $"表头“{name}”无法识别：{why}。改好后请重新导入，本次未导入任何数据")
                    .With("header", name);
            var column = known.FirstOrDefault(c => c.IsNamedBy(name));
            if (column is null)
                ignored.Add(name);
            else if (!columns.TryAdd(column, i))
                errors.Add(new(header.Number, column.Name,
                    $"表头中有两列都按 {column.Name}（{column.ChineseName}）读取，请只保留一列"));
            else
                read.Add(new RegisterColumnRead(name, column.Name));
        }
        foreach (var missing in RegisterColumns.All.Where(c => c.Required && !columns.ContainsKey(c)))
            errors.Add(new(header.Number, missing.Name, $"表头缺少必填列 {missing.Name}（{missing.ChineseName}）；第一行必须是表头：{RegisterColumns.Header}"));
        return errors.Count > before ? null : columns;
    }

    private static Row? ParseRow(SheetRow sheetRow, int headerWidth, Dictionary<RegisterColumn, int> columns, List<RegisterRowError> errors)
    {
        var line = sheetRow.Number;
        if (sheetRow.Cells.Count > headerWidth && sheetRow.Cells.Skip(headerWidth).Any(c => c.Length > 0)
            || sheetRow.Cells.Count < columns.Where(c => c.Key.Required).Max(c => c.Value) + 1)
        {
            errors.Add(new(line, "", $"应有 {headerWidth} 列，实际 {sheetRow.Cells.Count} 列（含逗号的内容请加英文双引号）"));
            return null;
        }
        string Cell(RegisterColumn column) =>
            columns.TryGetValue(column, out var i) && i < sheetRow.Cells.Count ? sheetRow.Cells[i] : "";

        var before = errors.Count;
        void Error(string column, string message) => errors.Add(new(line, column, message));
        foreach (var column in columns.Keys.Where(c => !SafeText.IsSafe(Cell(c))))
            Error(column.Name, SafeText.Message);

        var building = Cell(RegisterColumns.Building);
        var unit = Cell(RegisterColumns.Unit);
        var certificate = Cell(RegisterColumns.Certificate);
        if (building.Length is 0 or > 32) Error("building", "楼栋名称不能为空且不超过 32 个字");
        if (unit.Length is 0 or > 32) Error("unit", "房号不能为空且不超过 32 个字");
        if (!Area.TryParseSquareMetres(Cell(RegisterColumns.Area), out var area) || area <= 0)
            Error("area_m2", $"专有面积应为大于 0 的数字，最多两位小数，如 89.56（收到“{Cell(RegisterColumns.Area)}”）");
        // Building area is optional: an empty cell (or no column) leaves it unknown, never copied from the exclusive area.
        long? buildingArea = null;
        var buildingAreaText = Cell(RegisterColumns.BuildingArea);
        if (buildingAreaText.Length > 0)
        {
            if (!Area.TryParseSquareMetres(buildingAreaText, out var parsed) || parsed <= 0)
                Error("building_area_m2", $"建筑面积应为大于 0 的数字，最多两位小数，如 112.30（收到“{buildingAreaText}”）");
            else if (area > 0 && parsed < area)
                Error("building_area_m2", $"建筑面积（{Area.Format(parsed)} ㎡）不能小于专有面积（{Area.Format(area)} ㎡），请检查两列是否填反");
            else
                buildingArea = parsed;
        }
        AreaBasis basis = AreaBasis.Registered;
        if (Cell(RegisterColumns.Basis).Length > 0 && !TryParseBasis(Cell(RegisterColumns.Basis), out basis))
            Error("area_basis", $"面积依据应为 registered、surveyed 或 contract（收到“{Cell(RegisterColumns.Basis)}”）");
        if (certificate.Length > 64) Error("certificate_no", "不动产权证号不超过 64 个字");
        if (!TryParseKind(Cell(RegisterColumns.Kind), out var kind))
            Error("party_kind", $"业主类型应为 person、coowners 或 developer（收到“{Cell(RegisterColumns.Kind)}”）");

        var owners = SplitList(Cell(RegisterColumns.Owners));
        // NFKC: a suffix typed with full-width digits (１２３４) or letter (Ｘ) is the same suffix.
        var idLast4 = SplitList(Cell(RegisterColumns.IdLast4)).Select(s => s.Normalize(NormalizationForm.FormKC).ToUpperInvariant()).ToArray();
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
        var phoneCells = SplitList(Cell(RegisterColumns.Phone));
        var phones = new string[phoneCells.Length];
        if (phoneCells.Length > owners.Length && owners.Length > 0)
            Error("phone", "联系电话的个数不能多于业主姓名（按业主顺序填写，用分号分隔）");
        for (var i = 0; i < phoneCells.Length; i++)
            if (!ContactPhone.TryNormalise(phoneCells[i], out phones[i]))
                Error("phone", $"联系电话应为手机号或带区号的固定电话，如 13800001234 或 0571-88880000（收到“{phoneCells[i]}”）");

        if (errors.Count > before)
            return null;
        var key = OwnerPartyKey.For(kind, owners.Select((name, i) => (name, idLast4.Length > i ? idLast4[i] : null)));
        return new Row(line, building, unit, area, buildingArea, basis, certificate.Length == 0 ? null : certificate, key, kind, owners, idLast4, phones);
    }

    private static void CheckAcrossRows(List<Row> rows, List<RegisterRowError> errors)
    {
        var seenUnits = new Dictionary<(string, string), int>();
        foreach (var row in rows)
        {
            if (!seenUnits.TryAdd((row.Building, row.Unit), row.Line))
                errors.Add(new(row.Line, "unit", $"房屋 {row.Building} {row.Unit} 与第 {seenUnits[(row.Building, row.Unit)]} 行重复"));
        }
        // One person has one phone: an owner of two flats listed with two different phones is a typing error to settle.
        var phones = new Dictionary<(string Key, string Member), (string Phone, int Line)>();
        foreach (var row in rows)
            for (var i = 0; i < row.Phones.Length; i++)
                if (!phones.TryAdd((row.PartyKey, row.Owners[i]), (row.Phones[i], row.Line)) && phones[(row.PartyKey, row.Owners[i])] is var first
                    && first.Phone != row.Phones[i])
                    errors.Add(new(row.Line, "phone", $"{row.Owners[i]} 的联系电话与第 {first.Line} 行不同，请核对后只保留一个"));
        var developerKeys = rows.Where(r => r.Kind == OwnerPartyKind.Developer).Select(r => r.PartyKey).Distinct().ToList();
        if (developerKeys.Count > 1)
        {
            var line = rows.First(r => r.Kind == OwnerPartyKind.Developer && r.PartyKey == developerKeys[1]).Line;
            errors.Add(new(line, "owners", "开发建设单位未售出的房屋应归为同一个业主（同一名称）"));
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

        var developer = await db.OwnerParties.AsNoTracking()
            .Where(p => p.CommunityId == communityId && p.Kind == OwnerPartyKind.Developer).Select(p => new { p.Name }).FirstOrDefaultAsync(ct);
        if (developer is not null && rows.FirstOrDefault(r => r.Kind == OwnerPartyKind.Developer && !SameName(r.Owners[0], developer.Name)) is { } dev)
            errors.Add(new(dev.Line, "owners", $"该小区已登记开发建设单位“{developer.Name}”，未售房屋请使用同一名称归入该业主"));
    }

    private static bool SameName(string a, string b) =>
        OwnerPartyKey.For(OwnerPartyKind.Developer, [(a, null)]) == OwnerPartyKey.For(OwnerPartyKind.Developer, [(b, null)]);

    private async Task<RegisterImportResult> StageEntitiesAsync(Guid communityId, List<Row> rows, CancellationToken ct)
    {
        var buildings = await db.Buildings.Where(b => b.CommunityId == communityId).ToDictionaryAsync(b => b.Name, ct);
        var buildingsCreated = 0;
        var parties = await KnownPartiesAsync(communityId, ct);
        var created = new HashSet<Guid>();
        var joined = new HashSet<Guid>();
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
                created.Add(party.Id);
            }
            else if (!created.Contains(party.Id))
                joined.Add(party.Id);
            KeepPhones(party, row);
            db.Units.Add(new Unit(communityId, building.Id, row.Unit, row.Area, row.Basis, row.Certificate, party.Id, row.BuildingArea));
        }
        return new RegisterImportResult(buildingsCreated, rows.Count, created.Count, rows.Sum(r => r.Area), joined.Count,
            TotalBuildingAreaHundredths: rows.Sum(r => r.BuildingArea ?? 0), UnitsWithoutBuildingArea: rows.Count(r => r.BuildingArea is null),
            ContactPhones: rows.SelectMany(r => r.Phones.Select((_, i) => (r.PartyKey, r.Owners[i]))).Distinct().Count());
    }

    /// <summary>
    /// Gives each owner of the row the phone the file lists for them (in the order of the names). The member is found by
    /// name and ID suffix, so a party joined from an earlier import gets the newer phone; a member the party knows under
    /// another spelling (merged parties) keeps theirs.
    /// </summary>
    private static void KeepPhones(OwnerParty party, Row row)
    {
        for (var i = 0; i < row.Phones.Length; i++)
        {
            var suffix = row.IdLast4.Length > i ? row.IdLast4[i] : null;
            var member = party.Members.FirstOrDefault(m => OwnerPartyKey.SameMember(party.Kind, m.Name, m.IdLast4, row.Owners[i], suffix));
            member?.ChangeContactPhone(row.Phones[i]);
        }
    }

    /// <summary>The community's parties by every key they hold; parties registered before keys existed get theirs now.</summary>
    private async Task<Dictionary<string, OwnerParty>> KnownPartiesAsync(Guid communityId, CancellationToken ct)
    {
        var parties = await db.OwnerParties.Include(p => p.Members).Include(p => p.Keys)
            .Where(p => p.CommunityId == communityId).AsSplitQuery().ToListAsync(ct);
        var byKey = new Dictionary<string, OwnerParty>(StringComparer.Ordinal);
        foreach (var party in parties)
        {
            party.EnsureKeyed();
            foreach (var key in party.Keys)
                byKey.TryAdd(key.Key, party);
        }
        return byKey;
    }

    private static string[] SplitList(string value) =>
        value.Split([';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool TryParseBasis(string value, out AreaBasis basis)
    {
        basis = value.ToLowerInvariant() switch
        {
            "registered" or "登记" => AreaBasis.Registered,
            "surveyed" or "实测" => AreaBasis.Surveyed,
            "contract" or "合同" => AreaBasis.Contract,
            _ => (AreaBasis)(-1),
        };
        return Enum.IsDefined(basis);
    }

    private static bool TryParseKind(string value, out OwnerPartyKind kind)
    {
        kind = value.ToLowerInvariant() switch
        {
            "person" or "个人" => OwnerPartyKind.Person,
            "coowners" or "共有" => OwnerPartyKind.CoOwners,
            "developer" or "开发建设单位" => OwnerPartyKind.Developer,
            _ => (OwnerPartyKind)(-1),
        };
        return Enum.IsDefined(kind);
    }

    [GeneratedRegex("^[0-9]{3}[0-9X]$")]
    private static partial Regex IdSuffix();
}
