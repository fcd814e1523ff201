using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Events;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Meetings;

/// <summary>Loading meetings for a caller, the committee's roster, settings and the audiences live events go to.</summary>
public static class MeetingsAccess
{
    public static AppProblem MeetingNotFound() => AppProblem.NotFound("meeting_not_found", "会议不存在或不在您的范围内");
    public static AppProblem AssemblyNotFound() => AppProblem.NotFound("assembly_not_found", "业主大会不存在或不在您的范围内");

    /// <summary>A meeting the caller may see, and whether they see it in full (committee, street, city) or only its public part.</summary>
    public static async Task<(CommitteeMeeting Meeting, bool Full)> FindMeetingAsync(AppDbContext db, Access access, Guid id,
        CancellationToken ct, bool tracked = false, Func<AppProblem>? notFound = null)
    {
        notFound ??= MeetingNotFound;
        var query = db.CommitteeMeetings.Include(m => m.Members).Include(m => m.Items).AsSplitQuery();
        var meeting = await (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(m => m.Id == id, ct)
            ?? throw notFound();
        var place = await access.RequireAsync(meeting.CommunityId, Permission.ViewCommunity, ct, notFound);
        return (meeting, (await access.ScopeAsync(ct)).Allows(Permission.ReadCommitteeMeetings, place));
    }

    /// <summary>The caller as a member on this meeting's roster (members appointed after it was convened are not).</summary>
    public static async Task<MeetingMember> RequireOnRosterAsync(Access access, CommitteeMeeting meeting, CancellationToken ct)
    {
        await access.RequireAsync(meeting.CommunityId, Permission.SitOnCommittee, ct, MeetingNotFound);
        return meeting.Members.SingleOrDefault(m => m.UserId == access.UserId)
            ?? throw AppProblem.Forbidden("只有本次会议名单上的业委会委员可以操作");
    }

    /// <summary>
    /// Who may call off or move a meeting: the chair, who convenes; on a meeting convened on a members' call also the
    /// member who convened it. Others on the committee get 403, everyone else 404.
    /// </summary>
    public static async Task<CommunityPlace> RequireMayChangeAsync(Access access, CommitteeMeeting meeting, CancellationToken ct)
    {
        var place = await access.RequireAsync(meeting.CommunityId, Permission.SitOnCommittee, ct, MeetingNotFound);
        if (!(await access.ScopeAsync(ct)).Allows(Permission.ConveneCommitteeMeetings, place) && meeting.ConvenedBy != access.UserId)
            throw AppProblem.Forbidden("只有业委会主任（或依提议召集会议的委员）可以取消或改期会议");
        return place;
    }

    /// <summary>The committee now: every holder of a member or chair grant in the community, each user once.</summary>
    public static async Task<List<(Guid UserId, bool IsChair)>> CommitteeAsync(AppDbContext db, Guid communityId, CancellationToken ct)
    {
        var grants = await db.RoleGrants.AsNoTracking()
            .Where(g => g.ScopeId == communityId && (g.Role == Role.CommitteeMember || g.Role == Role.CommitteeChair))
            .Select(g => new { g.UserId, g.Role }).ToListAsync(ct);
        return grants.GroupBy(g => g.UserId).OrderBy(g => g.Key)
            .Select(g => (g.Key, g.Any(x => x.Role == Role.CommitteeChair))).ToList();
    }

    public static async Task<MeetingSettings> SettingsAsync(AppDbContext db, Guid communityId, MeetingsOptions defaults,
        CancellationToken ct, bool tracked = false) =>
        await (tracked ? db.MeetingSettings : db.MeetingSettings.AsNoTracking()).SingleOrDefaultAsync(s => s.CommunityId == communityId, ct)
        ?? new MeetingSettings(communityId, defaults.CommitteeNoticeDays, Math.Max(defaults.AssemblyNoticeDays, MeetingSettings.MinAssemblyNoticeDays));

    /// <summary>Members and registered observers: who follows a meeting live.</summary>
    public static async Task LiveAsync(AppDbContext db, EventOutbox outbox, CommitteeMeeting meeting, string kind, object payload,
        CancellationToken ct)
    {
        outbox.Add(kind, Audience.RoleHolders(Role.CommitteeMember, meeting.CommunityId), payload);
        outbox.Add(kind, Audience.RoleHolders(Role.CommitteeChair, meeting.CommunityId), payload);
        var observers = await db.CommitteeMeetingObservers.AsNoTracking().Where(o => o.MeetingId == meeting.Id)
            .Select(o => o.UserId).ToListAsync(ct);
        foreach (var userId in observers)
            outbox.Add(kind, Audience.User(userId), payload);
    }

    public static Audience StreetOfficers(Guid streetId) => Audience.RoleHolders(Role.StreetOfficer, streetId);
    public static Audience Chair(Guid communityId) => Audience.RoleHolders(Role.CommitteeChair, communityId);
}
