using System.Text;
using System.Text.Json;
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
using Renovation.Community.Application.Features.Voting;

namespace Renovation.Community.Application.Features.Meetings;

public sealed record AssemblyItemRequest(string Title, string? Description, Matter Matter, bool Secret);

public sealed record ConveneAssemblyRequest(string Title, string? Place, string Method, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    IReadOnlyList<AssemblyItemRequest> Items, Guid? DemandId) : IValidatable
{
    public void Validate(Validator v)
    {
        v.Text(Title, "title", "会议名称", MeetingLimits.Title).Text(Place, "place", "会议地点", MeetingLimits.Place, required: false)
            .Text(Method, "method", "表决方式", MeetingLimits.Place);
        if (EndsAt <= StartsAt)
            v.Add("endsAt", "表决截止时间必须晚于开始时间");
        if (Items.Count is 0 or > MeetingLimits.MaxItems)
            v.Add("items", $"议程应有 1 到 {MeetingLimits.MaxItems} 项");
        foreach (var (item, i) in Items.Select((x, i) => (x, i)))
        {
            v.Text(item?.Title, $"items[{i}].title", "表决事项", MeetingLimits.Title)
                .Text(item?.Description, $"items[{i}].description", "事项说明", MeetingLimits.Description, required: false);
            if (item is not null && !Enum.IsDefined(item.Matter))
                v.Add($"items[{i}].matter", "表决事项应为《民法典》第二百七十八条所列的 1 至 9 项之一");
        }
    }
}

public sealed record AssemblyItemView(Guid Id, int Order, string Title, string Description, Matter Matter, bool Secret, Guid VoteId,
    ConvenedVoteStatus? Vote);

public sealed record AssemblyView(Guid Id, Guid CommunityId, string Title, string? Place, string Method, DateTimeOffset StartsAt,
    DateTimeOffset EndsAt, Guid? DemandId, Guid? NoticeId, DateTimeOffset? ResultsPublishedAt, DateTimeOffset? ResultsDueBy,
    Guid? ResultsNoticeId, IReadOnlyList<AssemblyItemView> Items, DateTimeOffset? CancelledAt, string? CancellationReason,
    DateTimeOffset? RescheduledAt);

/// <summary>
/// Owners' assemblies: the committee convenes one with its whole agenda, each item becoming an Article 278 vote
/// through the voting feature; the results are published as one record.
/// </summary>
public static class Assemblies
{
    public static async Task<Created<AssemblyView>> ConveneAsync(Guid communityId, ConveneAssemblyRequest request, Access access,
        AppDbContext db, EventOutbox outbox, VoteConvening votes, TimeProvider clock, IOptions<MeetingsOptions> options,
        CancellationToken ct)
    {
        var place = await access.RequireAsync(communityId, Permission.SitOnCommittee, ct);
        var now = clock.GetUtcNow();
        var settings = await MeetingsAccess.SettingsAsync(db, communityId, options.Value, ct);
        MeetingLimits.EnsureStart(request.StartsAt, now, settings.AssemblyNoticeDays, earliest => new DomainRuleViolation("notice_too_short",
            $"业主大会须至少提前 {settings.AssemblyNoticeDays} 日通知全体业主（通知当日不计入），会议日期不能早于 {earliest.ToChina():yyyy年M月d日}"));
        MeetingLimits.EnsureAssemblyLength(request.StartsAt, request.EndsAt);
        AssemblyDemand? demand = null;
        if (request.DemandId is { } demandId)
            demand = await db.AssemblyDemands.SingleOrDefaultAsync(d => d.Id == demandId && d.CommunityId == communityId, ct)
                ?? throw AppProblem.NotFound("demand_not_found", "该小区没有这个召开业主大会的提议");

        var assembly = new OwnersAssembly(communityId, request.Title, request.Place, request.Method, request.StartsAt, request.EndsAt,
            demand?.Id, access.UserId, now);
        demand?.Convened(assembly.Id);
        foreach (var item in request.Items)
        {
            var voteId = await votes.AddMotionAsync(communityId, $"{assembly.Title}：{item.Title.Trim()}", item.Description ?? "",
                item.Matter, item.Secret, request.StartsAt, request.EndsAt, access.UserId, now, ct);
            assembly.AddItem(item.Title, item.Description, item.Matter, item.Secret, voteId);
        }
        db.OwnersAssemblies.Add(assembly);
        var noticeId = await CommunityNotices.PublishAsync(db, outbox, communityId, $"业主大会会议公告：{assembly.Title}",
            Notice(assembly), access.UserId, now, ct);
        assembly.NoticeSent(noticeId);
        outbox.Add("assembly.convened", MeetingsAccess.StreetOfficers(place.StreetId), new
        {
            assemblyId = assembly.Id, assembly.Title, assembly.StartsAt, residentsCommitteeContact = settings.ResidentsCommitteeContact,
        });
        await db.SaveOrAnswerAsync(() => AppProblem.Conflict("demand_already_convened", "该提议已召集业主大会"), ct);
        return TypedResults.Created($"/api/v1/assemblies/{assembly.Id}", await ViewAsync(assembly, db, options.Value, ct));
    }

    public static string Notice(OwnersAssembly a)
    {
        var text = new StringBuilder();
        text.AppendLine($"时间：{a.StartsAt.ToChina():yyyy年M月d日 HH:mm} 至 {a.EndsAt.ToChina():yyyy年M月d日 HH:mm}");
        if (a.Place is not null)
            text.AppendLine($"地点：{a.Place}");
        text.AppendLine($"方式：{a.Method}");
        text.AppendLine("表决事项（大会只对以下事项作出决定）：");
        foreach (var item in a.Items)
            text.AppendLine($"{item.Order}. {item.Title}");
        return text.ToString();
    }

    /// <summary>The agenda is the notice's: an item that was not in it is refused, whoever asks and whenever.</summary>
    public static async Task<Ok<AssemblyView>> AddItemAsync(Guid assemblyId, AssemblyItemRequest request, Access access, AppDbContext db,
        CancellationToken ct)
    {
        var assembly = await FindAsync(db, access, assemblyId, ct);
        await access.RequireAsync(assembly.CommunityId, Permission.SitOnCommittee, ct, MeetingsAccess.AssemblyNotFound);
        throw OwnersAssembly.ItemNotInNotice();
    }

    public static async Task<Ok<AssemblyView>> GetAsync(Guid assemblyId, Access access, AppDbContext db,
        IOptions<MeetingsOptions> options, CancellationToken ct) =>
        TypedResults.Ok(await ViewAsync(await FindAsync(db, access, assemblyId, ct), db, options.Value, ct));

    public static async Task<Ok<Page<AssemblyView>>> ListAsync(Guid communityId, [AsParameters] PageRequest page, Access access,
        AppDbContext db, IOptions<MeetingsOptions> options, CancellationToken ct)
    {
        await access.RequireAsync(communityId, Permission.ViewCommunity, ct);
        var result = await db.OwnersAssemblies.AsNoTracking().Include(a => a.Items).Where(a => a.CommunityId == communityId)
            .OrderByDescending(a => a.StartsAt).ThenBy(a => a.Id).ToPageAsync(page, ct);
        var views = new List<AssemblyView>();
        foreach (var a in result.Items)
            views.Add(await ViewAsync(a, db, options.Value, ct));
        return TypedResults.Ok(new Page<AssemblyView>(views, result.PageNumber, result.PageSize, result.Total));
    }

    /// <summary>Once every item's vote has closed, the committee publishes all results as one assembly record and notice.</summary>
    public static async Task<Ok<AssemblyView>> PublishResultsAsync(Guid assemblyId, Access access, AppDbContext db, EventOutbox outbox,
        TimeProvider clock, IOptions<MeetingsOptions> options, CancellationToken ct)
    {
        var assembly = await FindAsync(db, access, assemblyId, ct, tracked: true);
        await access.RequireAsync(assembly.CommunityId, Permission.SitOnCommittee, ct, MeetingsAccess.AssemblyNotFound);
        if (assembly.ResultsPublishedAt is not null)
            throw ResultsAlreadyPublished();
        var outcomes = await ConvenedVoteStatus.ReadAsync(db, assembly.Items.Select(i => i.VoteId).ToList(), ct);
        if (outcomes.Values.Any(o => o.State != "Closed"))
            throw new DomainRuleViolation("votes_not_closed", "各表决事项的投票全部结束后才能公布业主大会结果", StatusCodes.Status409Conflict);
        var body = new StringBuilder();
        body.AppendLine($"{assembly.Title} 表决结果：");
        foreach (var item in assembly.Items.OrderBy(i => i.Order))
        {
            var o = outcomes[item.VoteId];
            body.AppendLine($"{item.Order}. {item.Title}：{(o.Passed == true ? "通过" : "未通过")}（参与 {o.ParticipatingHeads}/{o.ElectorateHeads} 人、" +
                $"{Area(o.ParticipatingArea)}/{Area(o.ElectorateArea)} ㎡；同意 {o.AgreeHeads} 人、{Area(o.AgreeArea)} ㎡）");
        }
        var now = clock.GetUtcNow();
        var noticeId = await CommunityNotices.PublishAsync(db, outbox, assembly.CommunityId, $"业主大会决定公告：{assembly.Title}",
            body.ToString(), access.UserId, now, ct);
        var record = JsonSerializer.Serialize(assembly.Items.OrderBy(i => i.Order).Select(i => new { i.Order, i.Title, i.VoteId, outcome = outcomes[i.VoteId] }));
        assembly.PublishResults(record, noticeId, now);
        await db.SaveOrAnswerAsync(ResultsAlreadyPublished, ct);
        return TypedResults.Ok(await ViewAsync(assembly, db, options.Value, ct));
    }

    private static string Area(long? hundredths) => ((hundredths ?? 0) / 100m).ToString("0.##");

    private static AppProblem ResultsAlreadyPublished() =>
        new DomainRuleViolation("results_already_published", "业主大会结果已经公布", StatusCodes.Status409Conflict);

    public static async Task<OwnersAssembly> FindAsync(AppDbContext db, Access access, Guid id, CancellationToken ct, bool tracked = false)
    {
        var query = db.OwnersAssemblies.Include(a => a.Items);
        var assembly = await (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(a => a.Id == id, ct)
            ?? throw MeetingsAccess.AssemblyNotFound();
        await access.RequireAsync(assembly.CommunityId, Permission.ViewCommunity, ct, MeetingsAccess.AssemblyNotFound);
        return assembly;
    }

    public static async Task<AssemblyView> ViewAsync(OwnersAssembly a, AppDbContext db, MeetingsOptions options, CancellationToken ct)
    {
        var outcomes = await ConvenedVoteStatus.ReadAsync(db, a.Items.Select(i => i.VoteId).ToList(), ct);
        var lastClose = outcomes.Count > 0 && outcomes.Values.All(o => o.State == "Closed") ? a.EndsAt : (DateTimeOffset?)null;
        return new AssemblyView(a.Id, a.CommunityId, a.Title, a.Place, a.Method, a.StartsAt, a.EndsAt, a.DemandId, a.NoticeId,
            a.ResultsPublishedAt, lastClose?.AddDays(options.MinutesDueDays), a.ResultsNoticeId,
            a.Items.OrderBy(i => i.Order).Select(i => new AssemblyItemView(i.Id, i.Order, i.Title, i.Description, i.Matter, i.Secret,
                i.VoteId, outcomes.GetValueOrDefault(i.VoteId))).ToList(), a.CancelledAt, a.CancellationReason, a.RescheduledAt);
    }
}
