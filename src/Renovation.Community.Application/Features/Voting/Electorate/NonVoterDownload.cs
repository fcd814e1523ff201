using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Text;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Voting;

/// <summary>
/// The reminder list a committee prints or works through in Excel: every party on the roll that has not voted yet,
/// with its units, as CSV or .xlsx (cells defused as every download's are, see <see cref="Spreadsheet"/>).
/// </summary>
public static class NonVoterDownload
{
    public static void MapNonVoterDownload(this RouteGroupBuilder votes) =>
        votes.MapGet("/non-voters/download", DownloadAsync).WithName("DownloadNonVoters")
            .WithSummary("Download the parties that have not voted yet as CSV or .xlsx")
            .WithDescription("`?format=csv` (default, UTF-8 with BOM) or `?format=xlsx`. One row per party on the frozen roll without a " +
                "ballot: name, units (building and door), area in m² and number of units. For those who may convene votes. " +
                "Text cells that a spreadsheet would run as a formula are prefixed with an apostrophe; .xlsx cells are never formulas.")
            .Produces<byte[]>(200, Spreadsheet.CsvMediaType, Spreadsheet.XlsxMediaType);

    private static async Task<IResult> DownloadAsync(Guid voteId, string? format, Access access, AppDbContext db, CancellationToken ct)
    {
        await VotingAccess.FindVisibleAsync(db, access, voteId, ct, Permission.ConveneVotes);
        DownloadFormats.Parse(format);
        var parties = await db.ElectorateParties.AsNoTracking()
            .Where(r => r.VoteId == voteId && !db.Participations.Any(p => p.VoteId == voteId && p.OwnerPartyId == r.OwnerPartyId))
            .OrderBy(r => r.Name).ThenBy(r => r.OwnerPartyId)
            .Select(r => new { r.OwnerPartyId, r.Name, r.AreaHundredths, r.Units })
            .ToListAsync(ct);
        var doors = (await (
                from e in db.ElectorateUnits.AsNoTracking()
                where e.VoteId == voteId
                join u in db.Units on e.UnitId equals u.Id
                orderby u.Building!.Name, u.Number
                select new { e.OwnerPartyId, Door = u.Building!.Name + " " + u.Number }).ToListAsync(ct))
            .ToLookup(d => d.OwnerPartyId, d => d.Door);
        var sheet = new Spreadsheet(["业主", "房屋", "专有面积（平方米）", "房屋套数"]);
        foreach (var p in parties)
            sheet.Add(p.Name, string.Join("；", doors[p.OwnerPartyId]), p.AreaHundredths / 100m, (long)p.Units);
        return sheet.ToResult(format, $"non-voters-{voteId:N}", "未投票业主");
    }
}
