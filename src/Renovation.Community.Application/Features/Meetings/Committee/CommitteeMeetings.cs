using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Events;
using Renovation.Community.Application.Common.Paging;
using Renovation.Community.Application.Common.Time;
using Renovation.Community.Application.Common.Validation;
using Renovation.Community.Application.Data;
using Renovation.Community.Application.Features.Notices;

namespace Renovation.Community.Application.Features.Meetings;

public sealed record AgendaItemRequest(string Title, string? Description, bool Public);

public sealed record ConveneCommitteeMeetingRequest(string Title, DateTimeOffset StartsAt, string? Place, string? OnlineLink,
    int ObserverCapacity, IReadOnlyList<AgendaItemRequest> Items, Guid? CallId) : IValidatable
{
    public void Validate(Validator v)
    {
        v.Text(Title, "title", "会议名称", MeetingLimits.Title)
            .Text(Place, "place", "会议地点", MeetingLimits.Place, required: false)
            .Text(OnlineLink, "onlineLink", "线上会议链接", MeetingLimits.Link, required: false)
            .Range(ObserverCapacity, 0, 500, "observerCapacity", "旁听名额应为 0 到 500");
        if (string.IsNullOrWhiteSpace(Place) && string.IsNullOrWhiteSpace(OnlineLink))
            v.Add("place", "请填写会议地点或线上会议链接");
        if (OnlineLink is { Length: > 0 } link && !(Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps))
            v.Add("onlineLink", "线上会议链接应为 https 地址");
        if (Items.Count is 0 or > MeetingLimits.MaxItems)
            v.Add("items", $"议程应有 1 到 {MeetingLimits.MaxItems} 项");
        foreach (var (item, i) in Items.Select((x, i) => (x, i)))
            v.Text(item?.Title, $"items[{i}].title", "议题", MeetingLimits.Title)
                .Text(item?.Description, $"items[{i}].description", "议题说明", MeetingLimits.Description, required: false);
    }
}

public sealed record PublishMinutesRequest(string Minutes) : IValidatable
{
    public void Validate(Validator v) => v.Text(Minutes, "minutes", "会议纪要", MeetingLimits.Minutes);
}

public sealed record ChangeMeetingSettings(int CommitteeNoticeDays, int AssemblyNoticeDays, string? ResidentsCommitteeContact) : IValidatable
{
    public void Validate(Validator v) => v.Range(CommitteeNoticeDays, 1, 30, "committeeNoticeDays", "委员会会议通知期应为 1 到 30 天")
        .Range(AssemblyNoticeDays, MeetingSettings.MinAssemblyNoticeDays, 90, "assemblyNoticeDays", "业主大会通知期应为 15 到 90 天")
        .Text(ResidentsCommitteeContact, "residentsCommitteeContact", "居委会联系人", MeetingLimits.Contact, required: false);
}

/// <summary>Convening, reading, closing and publishing committee meetings; settings, resolutions and alerts.</summary>
public static class CommitteeMeetings
{
    public static async Task<Created<CommitteeMeetingView>> ConveneAsync(Guid communityId, ConveneCommitteeMeetingRequest request,
        Access access, AppDbContext db, EventOutbox outbox, TimeProvider clock, IOptions<MeetingsOptions> options, CancellationToken ct)
    {
        var place = await access.RequireAsync(communityId, Permission.SitOnCommittee, ct);
        var scope = await access.ScopeAsync(ct);
        if (request.CallId is null && !scope.Allows(Permission.ConveneCommitteeMeetings, place))
            throw AppProblem.Forbidden("业委会会议由主任召集；三分之一以上委员提议时，委员可依提议召集");
        var now = clock.GetUtcNow();
        var settings = await MeetingsAccess.SettingsAsync(db, communityId, options.Value, ct);
        MeetingLimits.EnsureStart(request.StartsAt, now, settings.CommitteeNoticeDays, earliest => new DomainRuleViolation("notice_too_short",
            $"业委会会议议程须至少提前 {settings.CommitteeNoticeDays} 日告知（告知当日不计入），会议日期不能早于 {earliest.ToChina():yyyy年M月d日}"));
        CommitteeMeetingCall? call = null;
        if (request.CallId is { } callId)
            call = await db.CommitteeMeetingCalls.SingleOrDefaultAsync(c => c.Id == callId && c.CommunityId == communityId, ct)
                ?? throw AppProblem.NotFound("call_not_found", "该小区没有这个会议提议");

        var roster = await MeetingsAccess.CommitteeAsync(db, communityId, ct);
        var meeting = new CommitteeMeeting(communityId, request.Title, request.StartsAt, request.Place, request.OnlineLink,
            request.ObserverCapacity, call is null ? MeetingOrigin.Chair : MeetingOrigin.MembersCall, call?.Id, access.UserId,
            settings.ResidentsCommitteeContact, roster, request.Items.Select(i => (i.Title, i.Description, i.Public)), now);
        call?.Convened(meeting.Id);
        db.CommitteeMeetings.Add(meeting);

        // Owners get the public part as a notice; members and the street (for the residents' committee) the whole agenda.
        var noticeId = await CommunityNotices.PublishAsync(db, outbox, communityId, $"业主委员会会议通知：{meeting.Title}",
            PublicNotice(meeting), access.UserId, now, ct);
        meeting.NoticeSent(noticeId);
        var agenda = new
        {
            meetingId = meeting.Id, meeting.Title, meeting.StartsAt, meeting.Place, meeting.OnlineLink,
            items = meeting.Items.Select(i => i.Title), residentsCommitteeContact = meeting.ResidentsCommitteeContact,
        };
        await MeetingsAccess.LiveAsync(db, outbox, meeting, "committee_meeting.convened", agenda, ct);
        outbox.Add("committee_meeting.agenda", MeetingsAccess.StreetOfficers(place.StreetId), agenda);
        await db.SaveOrAnswerAsync(CommitteeMeetingCall.AlreadyConvened, ct);
        return TypedResults.Created($"/api/v1/committee-meetings/{meeting.Id}",
            await ViewAsync(db, meeting, full: true, options.Value, ct));
    }

    public static string PublicNotice(CommitteeMeeting m)
    {
        var text = new StringBuilder();
        text.AppendLine($"时间：{m.StartsAt.ToChina():yyyy年M月d日 HH:mm}");
        if (m.Place is not null)
            text.AppendLine($"地点：{m.Place}");
        if (m.OnlineLink is not null)
            text.AppendLine($"线上参会：{m.OnlineLink}");
        text.AppendLine("公开议题：");
        foreach (var item in m.Items.Where(i => i.Public))
            text.AppendLine($"{item.Order}. {item.Title}");
        if (m.ObserverCapacity > 0)
            text.AppendLine($"业主可报名旁听，名额 {m.ObserverCapacity} 人。");
        return text.ToString();
    }

    public static async Task<Ok<Page<CommitteeMeetingView>>> ListAsync(Guid communityId, [AsParameters] PageRequest page, Access access,
        AppDbContext db, IOptions<MeetingsOptions> options, CancellationToken ct)
    {
        var place = await access.RequireAsync(communityId, Permission.ViewCommunity, ct);
        var full = (await access.ScopeAsync(ct)).Allows(Permission.ReadCommitteeMeetings, place);
        var result = await db.CommitteeMeetings.AsNoTracking().Include(m => m.Members).Include(m => m.Items).AsSplitQuery()
            .Where(m => m.CommunityId == communityId).OrderByDescending(m => m.StartsAt).ThenBy(m => m.Id).ToPageAsync(page, ct);
        var views = new List<CommitteeMeetingView>();
        foreach (var m in result.Items)
            views.Add(await ViewAsync(db, m, full, options.Value, ct, withPositions: false));
        return TypedResults.Ok(new Page<CommitteeMeetingView>(views, result.PageNumber, result.PageSize, result.Total));
    }

    public static async Task<Ok<CommitteeMeetingView>> GetAsync(Guid meetingId, Access access, AppDbContext db,
        IOptions<MeetingsOptions> options, CancellationToken ct)
    {
        var (meeting, full) = await MeetingsAccess.FindMeetingAsync(db, access, meetingId, ct);
        return TypedResults.Ok(await ViewAsync(db, meeting, full, options.Value, ct));
    }

    public static async Task<Ok<CommitteeMeetingView>> CloseAsync(Guid meetingId, Access access, AppDbContext db, EventOutbox outbox,
        TimeProvider clock, IOptions<MeetingsOptions> options, CancellationToken ct)
    {
        var (meeting, _) = await MeetingsAccess.FindMeetingAsync(db, access, meetingId, ct, tracked: true);
        await MeetingsAccess.RequireOnRosterAsync(access, meeting, ct);
        meeting.Close(clock.GetUtcNow());
        await MeetingsAccess.LiveAsync(db, outbox, meeting, "committee_meeting.closed", new { meetingId, meeting.ClosedAt }, ct);
        await db.SaveOrAnswerAsync(() => new DomainRuleViolation("meeting_closed", "会议已结束", StatusCodes.Status409Conflict), ct);
        return TypedResults.Ok(await ViewAsync(db, meeting, full: true, options.Value, ct));
    }

    /// <summary>Minutes and every decision go to the community as one notice; the 3-day clock stops here.</summary>
    public static async Task<Ok<CommitteeMeetingView>> PublishMinutesAsync(Guid meetingId, PublishMinutesRequest request, Access access,
        AppDbContext db, EventOutbox outbox, TimeProvider clock, IOptions<MeetingsOptions> options, CancellationToken ct)
    {
        var (meeting, _) = await MeetingsAccess.FindMeetingAsync(db, access, meetingId, ct, tracked: true);
        await MeetingsAccess.RequireOnRosterAsync(access, meeting, ct);
        if (meeting.State != CommitteeMeetingState.Closed)
            throw new DomainRuleViolation("meeting_not_closed", "会议结束后才能公布会议纪要", StatusCodes.Status409Conflict);
        if (meeting.MinutesPublishedAt is not null)
            throw MinutesAlreadyPublished();
        var now = clock.GetUtcNow();
        var body = new StringBuilder();
        var present = meeting.Members.Count(m => m.PresentAt is not null);
        body.AppendLine($"会议时间：{meeting.StartsAt.ToChina():yyyy年M月d日 HH:mm}，应到委员 {meeting.MemberCount} 人，实到 {present} 人。");
        if (!CommitteeMeeting.QuorumMet(present, meeting.MemberCount))
            body.AppendLine("出席委员未超过全体委员半数，会议未达到法定人数，不能作出决定。");
        body.AppendLine("决定事项：");
        foreach (var item in meeting.Items.Where(i => i.Public).OrderBy(i => i.Order))
            body.AppendLine(item.Outcome is ItemOutcome.Passed or ItemOutcome.NotPassed
                ? $"{item.Order}. {item.Title}：{Outcome(item)}（同意并签字 {item.SignedFor} 人 / 全体委员 {meeting.MemberCount} 人）"
                : $"{item.Order}. {item.Title}：{Outcome(item)}");
        body.AppendLine().AppendLine("会议纪要：").AppendLine(request.Minutes.Trim());
        var noticeId = await CommunityNotices.PublishAsync(db, outbox, meeting.CommunityId, $"业主委员会会议纪要及决定：{meeting.Title}",
            body.ToString(), access.UserId, now, ct);
        meeting.PublishMinutes(request.Minutes, noticeId, now);
        await db.SaveOrAnswerAsync(MinutesAlreadyPublished, ct);
        return TypedResults.Ok(await ViewAsync(db, meeting, full: true, options.Value, ct));
    }

    private static AppProblem MinutesAlreadyPublished() =>
        new DomainRuleViolation("minutes_already_published", "会议纪要已经公布", StatusCodes.Status409Conflict);

    private static string Outcome(AgendaItem item) => item.Outcome switch
    {
        ItemOutcome.Passed => "通过",
        ItemOutcome.NotPassed => "未通过",
        ItemOutcome.NoQuorum => "因出席委员不足半数未能表决",
        _ => "未表决",
    };

    /// <summary>Every decided item of the community, newest first, searchable by words of its title or description.</summary>
    public static async Task<Ok<Page<ResolutionView>>> ResolutionsAsync(Guid communityId, string? q, ItemOutcome? outcome,
        [AsParameters] PageRequest page, Access access, AppDbContext db, CancellationToken ct)
    {
        var place = await access.RequireAsync(communityId, Permission.ViewCommunity, ct);
        var full = (await access.ScopeAsync(ct)).Allows(Permission.ReadCommitteeMeetings, place);
        var query =
            from i in db.CommitteeAgendaItems.AsNoTracking()
            join m in db.CommitteeMeetings on i.MeetingId equals m.Id
            where m.CommunityId == communityId && (i.Outcome == ItemOutcome.Passed || i.Outcome == ItemOutcome.NotPassed)
                // Owners see public items once the minutes are out.
                && (full || (i.Public && m.MinutesPublishedAt != null))
            select new { i, m };
        if (outcome is not null)
            query = query.Where(x => x.i.Outcome == outcome);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var words = q.Trim();
            if (words.Length > 50)
                throw AppProblem.BadRequest("query_too_long", "搜索词不能超过 50 个字");
            query = query.Where(x => x.i.Title.Contains(words) || x.i.Description.Contains(words) || x.m.Title.Contains(words));
        }
        return TypedResults.Ok(await query.OrderByDescending(x => x.i.DecidedAt).ThenBy(x => x.i.Id)
            .Select(x => new ResolutionView(x.i.Id, x.m.Id, x.m.Title, x.m.StartsAt, x.i.Title, x.i.Description, x.i.Outcome,
                x.i.SignedFor, x.m.MemberCount, x.i.DecidedAt, x.i.Public)).ToPageAsync(page, ct));
    }

    public static async Task<Ok<MeetingSettingsView>> GetSettingsAsync(Guid communityId, Access access, AppDbContext db,
        IOptions<MeetingsOptions> options, CancellationToken ct)
    {
        await access.RequireAsync(communityId, Permission.ViewCommunity, ct);
        var s = await MeetingsAccess.SettingsAsync(db, communityId, options.Value, ct);
        return TypedResults.Ok(new MeetingSettingsView(communityId, s.CommitteeNoticeDays, s.AssemblyNoticeDays, s.ResidentsCommitteeContact));
    }

    public static async Task<Ok<MeetingSettingsView>> ChangeSettingsAsync(Guid communityId, ChangeMeetingSettings request, Access access,
        AppDbContext db, IOptions<MeetingsOptions> options, CancellationToken ct)
    {
        // The chair keeps the committee's practice; the street sets it where the committee has none yet.
        await access.RequireAsync(communityId, Permission.ManageVotingSettings, ct);
        var s = await MeetingsAccess.SettingsAsync(db, communityId, options.Value, ct, tracked: true);
        if (db.Entry(s).State == EntityState.Detached)
            db.MeetingSettings.Add(s);
        s.Change(request.CommitteeNoticeDays, request.AssemblyNoticeDays, request.ResidentsCommitteeContact);
        await db.SaveOrAnswerAsync(() => AppProblem.Conflict("settings_changed", "设置刚被他人修改，请刷新后重试"), ct);
        return TypedResults.Ok(new MeetingSettingsView(communityId, s.CommitteeNoticeDays, s.AssemblyNoticeDays, s.ResidentsCommitteeContact));
    }

    /// <summary>What the meetings sweep raised for the community (minutes late, called meeting not held, no assembly).</summary>
    public static async Task<Ok<Page<MeetingAlertView>>> AlertsAsync(Guid communityId, [AsParameters] PageRequest page, Access access,
        AppDbContext db, CancellationToken ct)
    {
        await access.RequireAsync(communityId, Permission.ReadCommitteeMeetings, ct);
        return TypedResults.Ok(await db.MeetingAlerts.AsNoTracking().Where(a => a.CommunityId == communityId)
            .OrderByDescending(a => a.RaisedAt).ThenBy(a => a.Key)
            .Select(a => new MeetingAlertView(a.Kind, a.CommunityId, a.SubjectId, a.Message, a.RaisedAt)).ToPageAsync(page, ct));
    }

    public static async Task<CommitteeMeetingView> ViewAsync(AppDbContext db, CommitteeMeeting meeting, bool full, MeetingsOptions options,
        CancellationToken ct, bool withPositions = true)
    {
        var names = new Dictionary<Guid, string>();
        List<MemberPosition> positions = [];
        if (full)
        {
            var ids = meeting.Members.Select(m => m.UserId).ToList();
            names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
            if (withPositions)
                positions = await db.CommitteeMemberPositions.AsNoTracking().Where(p => p.MeetingId == meeting.Id).ToListAsync(ct);
        }
        return MeetingViews.View(meeting, full, names, positions, options);
    }
}
