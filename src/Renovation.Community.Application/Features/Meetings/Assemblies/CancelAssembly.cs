using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Events;
using Renovation.Community.Application.Common.Time;
using Renovation.Community.Application.Data;
using Renovation.Community.Application.Features.Notices;
using Renovation.Community.Application.Features.Voting;

namespace Renovation.Community.Application.Features.Meetings;

/// <summary>
/// Calls off an owners' assembly announced by mistake, before its voting starts: its items' votes are cancelled in the
/// same unit of work, owners get a notice and the street (for the residents' committee) an event, as with the announcement.
/// </summary>
public static class CancelAssembly
{
    public static async Task<Ok<AssemblyView>> HandleAsync(Guid assemblyId, CancelMeetingRequest request, Access access, AppDbContext db,
        EventOutbox outbox, VoteConvening votes, TimeProvider clock, IOptions<MeetingsOptions> options, CancellationToken ct)
    {
        var assembly = await Assemblies.FindAsync(db, access, assemblyId, ct, tracked: true);
        var place = await access.RequireAsync(assembly.CommunityId, Permission.SitOnCommittee, ct, MeetingsAccess.AssemblyNotFound);
        var now = clock.GetUtcNow();
        assembly.Cancel(request.Reason, now);
        await votes.CancelMotionsAsync(assembly.Items.Select(i => i.VoteId).ToList(), ct);
        await CommunityNotices.PublishAsync(db, outbox, assembly.CommunityId, $"业主大会会议取消公告：{assembly.Title}",
            $"原定于 {assembly.StartsAt.ToChina():yyyy年M月d日 HH:mm} 开始的业主大会“{assembly.Title}”取消，各表决事项的投票同时取消。\n" +
            $"取消原因：{assembly.CancellationReason}", access.UserId, now, ct);
        var settings = await MeetingsAccess.SettingsAsync(db, assembly.CommunityId, options.Value, ct);
        outbox.Add("assembly.cancelled", MeetingsAccess.StreetOfficers(place.StreetId), new
        {
            assemblyId, assembly.Title, assembly.StartsAt, reason = assembly.CancellationReason,
            residentsCommitteeContact = settings.ResidentsCommitteeContact,
        });
        await db.SaveOrAnswerAsync(OwnersAssembly.Cancelled, ct);
        return TypedResults.Ok(await Assemblies.ViewAsync(assembly, db, options.Value, ct));
    }
}
