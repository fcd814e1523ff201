using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Data;
using Renovation.Community.Application.Features.Places;

namespace Renovation.Community.Application.Features.Fund;

public sealed record FundRowError(int Line, string Column, string Message);

/// <param name="AreaBasis">The area computed deposits counted by (Building by law); null for an imported opening, which gives amounts, not areas.</param>
public sealed record OpeningResult(int Households, long OpeningFen, long InitialDepositFen, long BalanceFen, AreaKind? AreaBasis = null);

/// <summary>
/// Opens a community's fund and posts its opening, either imported from a CSV or .xlsx file (期初余额 and 首期交存 per unit) or
/// computed as a rate per m² × building area (Order 165 Art. 7; the community's <see cref="FundSettings"/> may choose the exclusive area). The opening is posted once per account (a conditional UPDATE on
/// <see cref="FundAccount.OpeningPostedAt"/>), all rows or nothing.
/// </summary>
public sealed class FundOpening(AppDbContext db, FundLedger ledger, TimeProvider clock)
{
    public const string Header = "building,unit,opening_balance_yuan,initial_deposit_yuan";
    public const int MaxRows = 20_000;

    /// <summary>
    /// Opens the fund: one account for the community, or one per building (按幢立账), and a household in its account for
    /// every unit. Adds to the caller's unit of work; a second opening, also a racing one in the other mode, loses on the
    /// unique <see cref="FundAccount.OpenedFundOf"/> of the first account.
    /// </summary>
    public async Task<List<FundAccount>> OpenAsync(Guid communityId, FundAccountMode mode, int lowBalancePercent, Guid by,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var accounts = new List<FundAccount>();
        if (mode == FundAccountMode.PerBuilding)
        {
            var buildings = await db.Buildings.AsNoTracking().Where(b => b.CommunityId == communityId).OrderBy(b => b.Name)
                .Select(b => b.Id).ToListAsync(ct);
            if (buildings.Count == 0)
                throw new DomainRuleViolation("fund_no_buildings", "该小区还没有登记楼栋，不能按幢立账");
            accounts.AddRange(buildings.Select((b, i) => new FundAccount(communityId, b, lowBalancePercent, by, now, opensFund: i == 0)));
        }
        else
            accounts.Add(new FundAccount(communityId, null, lowBalancePercent, by, now, opensFund: true));
        db.FundAccounts.AddRange(accounts);
        await EnsureHouseholdsAsync(communityId, accounts, by, ct);
        return accounts;
    }

    /// <summary>
    /// Creates a household for every unit of the community that has none yet (units added later join too), in the
    /// community's account or its building's; a building registered after a per-building opening gets its own account.
    /// </summary>
    public async Task<int> EnsureHouseholdsAsync(Guid communityId, Guid by, CancellationToken ct)
    {
        var accounts = await db.FundAccounts.AsNoTracking().Where(a => a.CommunityId == communityId).ToListAsync(ct);
        return await EnsureHouseholdsAsync(communityId, accounts, by, ct);
    }

    private async Task<int> EnsureHouseholdsAsync(Guid communityId, List<FundAccount> accounts, Guid by, CancellationToken ct)
    {
        var single = accounts.SingleOrDefault(a => a.BuildingId is null);
        var byBuilding = accounts.Where(a => a.BuildingId is not null).ToDictionary(a => a.BuildingId!.Value);
        var missing = await db.Units.AsNoTracking()
            .Where(u => u.CommunityId == communityId && !db.FundHouseholds.Any(h => h.UnitId == u.Id))
            .Select(u => new { u.Id, u.BuildingId }).ToListAsync(ct);
        foreach (var unit in missing)
        {
            var account = single;
            if (account is null && !byBuilding.TryGetValue(unit.BuildingId, out account))
            {
                var template = accounts[0];
                account = new FundAccount(communityId, unit.BuildingId, template.LowBalancePercent, by, clock.GetUtcNow(), opensFund: false);
                db.FundAccounts.Add(account);
                byBuilding[unit.BuildingId] = account;
            }
            db.FundHouseholds.Add(new FundHousehold(account.Id, communityId, unit.BuildingId, unit.Id));
        }
        return missing.Count;
    }

    /// <summary>
    /// Initial deposits = rate × building area (Order 165 Art. 7: 建筑面积; or the area the owners' rules chose), posted to
    /// every household of the accounts not opened yet. A unit without the needed area refuses the whole opening.
    /// </summary>
    public async Task<OpeningResult> ComputeAsync(Guid communityId, long ratePerSqmFen, Guid by, CancellationToken ct)
    {
        if (ratePerSqmFen < 1)
            throw new DomainRuleViolation("fund_rate_invalid", "每平方米交存标准必须大于 0（单位：分）");
        var accountIds = await ClaimOpeningAsync(await UnopenedAsync(communityId, ct), ct);
        var kind = await SplitAreas.KindAsync(db, communityId, SplitPurpose.Charges, ct);
        var households = await db.FundHouseholds.Where(h => accountIds.Contains(h.AccountId)).OrderBy(h => h.Id).ToListAsync(ct);
        var areas = await SplitAreas.OfAsync(db, households.Select(h => h.Id).ToList(), kind, ct);
        foreach (var household in households)
        {
            // Area is in hundredths of m²: round the fen half up, once per household (not a split of a total).
            var deposit = (areas[household.Id] * ratePerSqmFen + 50) / 100;
            household.SetInitialDeposit(deposit);
        }
        await db.SaveChangesAsync(ct);
        foreach (var household in households.Where(h => h.InitialDepositFen > 0))
            await ledger.PostAsync(new FundPosting(household.Id, FundEntryKind.Deposit, household.InitialDepositFen,
                $"deposit:{household.Id}", $"首期交存（按{SplitAreas.Chinese(kind)} {ratePerSqmFen / 100m:0.00} 元/㎡）", PostedBy: by), ct);
        return await ResultAsync(communityId, ct) with { AreaBasis = kind };
    }

    /// <summary>Imports the opening of every account not opened yet; a row naming a unit outside them is an error.</summary>
    public async Task<(OpeningResult? Result, List<FundRowError> Errors)> ImportAsync(Guid communityId,
        IReadOnlyList<SheetRow> sheet, Guid by, CancellationToken ct)
    {
        var errors = new List<FundRowError>();
        var rows = ReadRows(sheet, errors);
        var accountIds = await UnopenedAsync(communityId, ct);
        if (accountIds.Count == 0)
            throw OpeningDone();
        var households = await (from h in db.FundHouseholds
                                where accountIds.Contains(h.AccountId)
                                join u in db.Units on h.UnitId equals u.Id
                                select new { Household = h, Building = u.Building!.Name, u.Number }).ToListAsync(ct);
        var byDoor = households.ToDictionary(h => (h.Building, h.Number));
        var seen = new Dictionary<(string, string), int>();
        foreach (var row in rows)
        {
            if (!byDoor.ContainsKey((row.Building, row.Unit)))
                errors.Add(new(row.Line, "unit", $"名册中没有房屋 {row.Building} {row.Unit}"));
            if (!seen.TryAdd((row.Building, row.Unit), row.Line))
                errors.Add(new(row.Line, "unit", $"房屋 {row.Building} {row.Unit} 与第 {seen[(row.Building, row.Unit)]} 行重复"));
        }
        if (errors.Count > 0)
            return (null, [.. errors.OrderBy(e => e.Line)]);

        await ClaimOpeningAsync(accountIds, ct);
        foreach (var row in rows)
            byDoor[(row.Building, row.Unit)].Household.SetInitialDeposit(row.InitialDepositFen);
        await db.SaveChangesAsync(ct);
        foreach (var row in rows.Where(r => r.OpeningFen > 0))
        {
            var household = byDoor[(row.Building, row.Unit)].Household;
            await ledger.PostAsync(new FundPosting(household.Id, FundEntryKind.Opening, row.OpeningFen,
                $"opening:{household.Id}", $"期初余额（导入第 {row.Line} 行）", PostedBy: by), ct);
        }
        return (await ResultAsync(communityId, ct), errors);
    }

    private static AppProblem OpeningDone() =>
        AppProblem.Conflict("fund_opening_done", "维修资金期初数据已经录入，如有差错请用更正记账");

    private Task<List<Guid>> UnopenedAsync(Guid communityId, CancellationToken ct) =>
        db.FundAccounts.AsNoTracking().Where(a => a.CommunityId == communityId && a.OpeningPostedAt == null)
            .OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(ct);

    /// <summary>
    /// The database lets exactly one opening of each account through (a conditional UPDATE): unless every account read
    /// as not opened is claimed now, a racing opening got there first and this one gets 409 (its transaction rolls back).
    /// </summary>
    private async Task<List<Guid>> ClaimOpeningAsync(List<Guid> accountIds, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var claimed = accountIds.Count == 0 ? 0 : await db.FundAccounts.Where(a => accountIds.Contains(a.Id) && a.OpeningPostedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.OpeningPostedAt, now), ct);
        if (claimed == 0 || claimed != accountIds.Count)
            throw OpeningDone();
        return accountIds;
    }

    /// <summary>The community's totals over all its accounts.</summary>
    private async Task<OpeningResult> ResultAsync(Guid communityId, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        var households = db.FundHouseholds.AsNoTracking().Where(h => h.CommunityId == communityId);
        var accounts = db.FundAccounts.AsNoTracking().Where(a => a.CommunityId == communityId);
        return new OpeningResult(await households.CountAsync(ct),
            await db.FundEntries.Where(e => e.Kind == FundEntryKind.Opening && accounts.Any(a => a.Id == e.AccountId)).SumAsync(e => e.AmountFen, ct),
            await households.SumAsync(h => h.InitialDepositFen, ct),
            await accounts.SumAsync(a => a.BalanceFen, ct));
    }

    private sealed record Row(int Line, string Building, string Unit, long OpeningFen, long InitialDepositFen);

    /// <summary>The header's columns in English, or as a Chinese template names them.</summary>
    private static readonly string[][] Headers = [Header.Split(','), ["楼栋", "房号", "期初余额", "首期交存"]];

    /// <summary>Rows as <see cref="RegisterFile.Read"/> gives them (CSV in UTF-8 or GB18030, or .xlsx); line = spreadsheet row.</summary>
    private static List<Row> ReadRows(IReadOnlyList<SheetRow> sheet, List<FundRowError> errors)
    {
        var rows = new List<Row>();
        var header = sheet.Count > 0 ? sheet[0].Cells.Select(c => c.Replace(" ", "")).ToArray() : [];
        if (!Headers.Any(h => header.Length >= 4 && header.Take(4).SequenceEqual(h, StringComparer.OrdinalIgnoreCase)
                && header.Skip(4).All(c => c.Length == 0)))
        {
            errors.Add(new(1, "", $"第一行必须是表头：{Header}（或 楼栋,房号,期初余额,首期交存）"));
            return rows;
        }
        foreach (var sheetRow in sheet.Skip(1))
        {
            var line = sheetRow.Number;
            var f = sheetRow.Cells;
            if (f.All(string.IsNullOrWhiteSpace))
                continue;
            if (rows.Count >= MaxRows)
            {
                errors.Add(new(line, "", $"一次最多导入 {MaxRows} 行"));
                break;
            }
            if (f.Count < 4 || f.Skip(4).Any(c => c.Length > 0))
            {
                errors.Add(new(line, "", $"应有 4 列，实际 {f.Count(c => c.Length > 0)} 列"));
                continue;
            }
            var before = errors.Count;
            if (f[0].Length is 0 or > 32) errors.Add(new(line, "building", "楼栋名称不能为空且不超过 32 个字"));
            if (f[1].Length is 0 or > 32) errors.Add(new(line, "unit", "房号不能为空且不超过 32 个字"));
            if (!TryParseYuan(f[2], out var opening)) errors.Add(new(line, "opening_balance_yuan", "期初余额应为不小于 0 的金额，最多两位小数，如 1234.56"));
            if (!TryParseYuan(f[3], out var initial)) errors.Add(new(line, "initial_deposit_yuan", "首期交存额应为不小于 0 的金额，最多两位小数"));
            if (errors.Count == before)
                rows.Add(new Row(line, f[0], f[1], opening, initial));
        }
        if (rows.Count == 0 && errors.Count == 0)
            errors.Add(new(1, "", "文件中没有数据行"));
        return rows;
    }

    /// <summary>"1234.5" → 123450 fen; refuses more than two decimals, signs and exponents (no floating point).</summary>
    public static bool TryParseYuan(string text, out long fen)
    {
        fen = 0;
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var yuan)
            || yuan < 0 || yuan > 100_000_000m || decimal.Round(yuan, 2) != yuan)
            return false;
        fen = (long)(yuan * 100);
        return true;
    }
}
