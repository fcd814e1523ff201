using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renovation.Community.Application.Features.Identity;
using Renovation.Community.Application.Features.Places;
using Renovation.Community.Application.Features.Projects;
using Renovation.Community.Application.Features.Proposals;
using Renovation.Community.Application.Jobs;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Projects;

/// <summary>A resident signed in through the mini-program login and bound (approved) to one unit.</summary>
public sealed record Resident(HttpClient Client, Guid UserId, Guid UnitId);

/// <summary>A small community in the demo street (so the demo street officer convenes it) with one resident per unit.</summary>
public sealed record SmallCommunity(Guid Id, IReadOnlyList<Resident> Residents);

/// <summary>
/// Arranges the renovation journey through HTTP, step by step, so each test starts where its rule applies. Only the
/// register and bindings are written directly: they are another feature's business and already tested there.
/// </summary>
public sealed class RenovationWorld(ApiFactory api)
{
    public static readonly FacilityItem[] TwoCategories = [FacilityItem.Sewage, FacilityItem.Roads];

    public Task<HttpClient> Officer() => api.ClientFor("street-officer");
    public Task<HttpClient> Office() => api.ClientFor("city-admin");

    public async Task<SmallCommunity> NewCommunity(int units, int? builtYear = 1995)
    {
        var demo = await Demo.Of(api);
        var logins = new List<(HttpClient Client, Guid UserId)>();
        for (var i = 0; i < units; i++)
            logins.Add(await NewUser());
        var (communityId, unitIds) = await api.WithDb(async db =>
        {
            var community = new ResidentialCommunity(demo.StreetId, "改造测试小区" + Guid.NewGuid().ToString("N")[..8], "测试路 1 号", builtYear);
            var building = new Building(community.Id, "1幢");
            db.AddRange(community, building);
            var ids = new List<Guid>();
            for (var i = 0; i < units; i++)
            {
                var party = new OwnerParty(community.Id, OwnerPartyKind.Person, $"业主{i}", [($"业主{i}", "1234")]);
                var unit = new Unit(community.Id, building.Id, $"{101 + i}", 8000, AreaBasis.Registered, $"证{i}", party.Id);
                var binding = new UnitBinding(logins[i].UserId, unit.Id, community.Id, $"业主{i}", "1234", $"证{i}", true, api.Clock.GetUtcNow());
                binding.Approve(logins[i].UserId, api.Clock.GetUtcNow());
                db.AddRange(party, unit, binding);
                ids.Add(unit.Id);
            }
            await db.SaveChangesAsync();
            return (community.Id, ids);
        });
        return new SmallCommunity(communityId, logins.Select((l, i) => new Resident(l.Client, l.UserId, unitIds[i])).ToList());
    }

    /// <summary>Binds one more user to an existing unit (a co-owner of the household).</summary>
    public async Task<Resident> BindAnother(Guid unitId)
    {
        var (client, userId) = await NewUser();
        await api.WithDb(async db =>
        {
            var unit = await db.Units.SingleAsync(u => u.Id == unitId);
            var binding = new UnitBinding(userId, unitId, unit.CommunityId, "共有人", "1234", "证", true, api.Clock.GetUtcNow());
            binding.Approve(userId, api.Clock.GetUtcNow());
            db.Add(binding);
            await db.SaveChangesAsync();
        });
        return new Resident(client, userId, unitId);
    }

    public Task<(HttpClient Client, Guid UserId)> NewUser() => api.NewWeChatUser();

    public async Task<ProjectView> OpenProject(Guid communityId, params FacilityItem[] problems)
    {
        var officer = await Officer();
        return await (await officer.PostJson("/api/v1/projects",
                new { communityId, title = "老旧小区综合改造", facilityProblems = problems.Length == 0 ? TwoCategories : problems, facilityNotes = "雨污混流，路面破损" }))
            .ShouldBe<ProjectView>(HttpStatusCode.Created);
    }

    public static async Task<SurveyAnswerView> Answer(Resident resident, Guid projectId, bool consents) =>
        await (await resident.Client.PutJson($"/api/v1/projects/{projectId}/survey/units/{resident.UnitId}", new { consents }))
            .ShouldBe<SurveyAnswerView>(HttpStatusCode.OK);

    public async Task<ProjectView> GetProject(Guid projectId) =>
        await (await (await Officer()).GetAsync($"/api/v1/projects/{projectId}")).ShouldBe<ProjectView>(HttpStatusCode.OK);

    /// <summary>A qualifying project admitted to the library and planned into next year.</summary>
    public async Task<(SmallCommunity Community, ProjectView Project)> LibraryProject(int units = 3)
    {
        var community = await NewCommunity(units);
        var project = await OpenProject(community.Id);
        foreach (var resident in community.Residents)
            await Answer(resident, project.Id, consents: true);
        var office = await Office();
        await (await office.PostAsync($"/api/v1/projects/{project.Id}/admit", null)).ShouldBe<ProjectView>(HttpStatusCode.OK);
        project = await (await office.PutJson($"/api/v1/projects/{project.Id}/planned-year", new { year = api.Clock.GetUtcNow().Year + 1 }))
            .ShouldBe<ProjectView>(HttpStatusCode.OK);
        return (community, project);
    }

    public static object PlanBody(string design = "更换雨污分流管网，修复道路，增设路灯", long sewageFen = 80_000_000, long roadsFen = 40_000_000,
        IEnumerable<object>? attachments = null, int? expectedVersion = null) => new
        {
            title = "幸福里改造方案",
            design,
            afterCare = "物业公司负责管网和路灯的日常维护，业委会监督",
            costItems = new[] { new { name = "雨污分流", amountFen = sewageFen }, new { name = "道路修复", amountFen = roadsFen } },
            funding = new
            {
                governmentFen = (sewageFen + roadsFen) / 2,
                utilitiesFen = (sewageFen + roadsFen) / 4,
                residentsFen = (sewageFen + roadsFen) / 8,
                maintenanceFundFen = (sewageFen + roadsFen) - (sewageFen + roadsFen) / 2 - (sewageFen + roadsFen) / 4 - (sewageFen + roadsFen) / 8,
            },
            attachments = attachments ?? [],
            expectedVersion,
        };

    public async Task<PlanView> DraftPlan(Guid projectId, object? body = null) =>
        await (await (await Officer()).PostJson($"/api/v1/projects/{projectId}/plans", body ?? PlanBody()))
            .ShouldBe<PlanView>(HttpStatusCode.Created);

    public async Task<PlanView> Submit(Guid planId) =>
        await (await (await Officer()).PostAsync($"/api/v1/plans/{planId}/submit", null)).ShouldBe<PlanView>(HttpStatusCode.OK);

    public async Task<Guid> UserId(string username) =>
        await api.WithDb(db => db.Users.Where(u => u.OpenId == AuthApi.DevOpenId(username)).Select(u => u.Id).SingleAsync());

    public async Task<PlanView> SetPanel(Guid planId, params string[] departments)
    {
        var reviewer = await UserId("city-admin");
        return await (await (await Office()).PutJson($"/api/v1/plans/{planId}/review-panel",
                new { reviewers = departments.Select(d => new { department = d, reviewerUserId = reviewer }) }))
            .ShouldBe<PlanView>(HttpStatusCode.OK);
    }

    public async Task<ReviewView> Decide(Guid reviewId, ReviewDecision decision, string? comment = null) =>
        await (await (await Office()).PostJson($"/api/v1/plan-reviews/{reviewId}/decision", new { decision, comment }))
            .ShouldBe<ReviewView>(HttpStatusCode.OK);

    /// <summary>A library project with version 1 of its plan approved by one department.</summary>
    public async Task<(SmallCommunity Community, ProjectView Project, PlanView Plan)> ApprovedPlan()
    {
        var (community, project) = await LibraryProject();
        var plan = await DraftPlan(project.Id);
        await Submit(plan.Id);
        var panel = await SetPanel(plan.Id, "住建局");
        await Decide(panel.Reviews[0].Id, ReviewDecision.Approved);
        return (community, project, await GetPlan(plan.Id));
    }

    public async Task<PlanView> GetPlan(Guid planId) =>
        await (await (await Officer()).GetAsync($"/api/v1/plans/{planId}")).ShouldBe<PlanView>(HttpStatusCode.OK);

    public async Task<PlanView> SchedulePublicity(Guid planId, DateTimeOffset startsAt, TimeSpan length) =>
        await (await (await Officer()).PostJson($"/api/v1/plans/{planId}/publicity", new { startsAt, endsAt = startsAt + length }))
            .ShouldBe<PlanView>(HttpStatusCode.OK);

    /// <summary>An approved plan whose 7-day publicity opened now.</summary>
    public async Task<(SmallCommunity Community, ProjectView Project, PlanView Plan)> PlanInPublicity()
    {
        var (community, project, plan) = await ApprovedPlan();
        await SchedulePublicity(plan.Id, api.Clock.GetUtcNow(), TimeSpan.FromDays(7));
        await Sweep();
        plan = await GetPlan(plan.Id);
        Assert.Equal(PlanState.InPublicity, plan.State);
        return (community, project, plan);
    }

    public Task Sweep() => api.Services.GetRequiredService<JobRunner>().RunNowAsync<PublicitySweep>();

    public static async Task<CommentView> Comment(Resident resident, Guid planId, CommentKind kind, string text) =>
        await (await resident.Client.PostJson($"/api/v1/plans/{planId}/comments", new { kind, text }))
            .ShouldBe<CommentView>(HttpStatusCode.Created);

    public async Task<CommentView> AnswerComment(Guid commentId, string text = "已研究，将在施工中一并解决") =>
        await (await (await Officer()).PostJson($"/api/v1/publicity-comments/{commentId}/answer", new { text }))
            .ShouldBe<CommentView>(HttpStatusCode.OK);

    public Task<List<string>> EventKinds(Guid communityId) => api.WithDb(db =>
        db.OutboxEvents.Where(e => e.Audience == $"community:{communityId}").OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync());
}
