using System.Net;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Paging;
using Renovation.Community.Application.Features.Proposals;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Projects;

/// <summary>Publicity (公示): its period, the sweep, comments and objections, the convener's answers.</summary>
public sealed class PublicityTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly RenovationWorld _world = new(api);

    [Fact]
    public async Task Publicity_shorter_than_the_minimum_is_refused()
    {
        var (_, _, plan) = await _world.ApprovedPlan();
        var now = api.Clock.GetUtcNow();
        var before = await RowCounts.Settled(api);
        await (await (await _world.Officer()).PostJson($"/api/v1/plans/{plan.Id}/publicity",
                new { startsAt = now, endsAt = now.AddDays(7).AddSeconds(-1) }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "publicity_too_short");
        await (await (await _world.Officer()).PostJson($"/api/v1/plans/{plan.Id}/publicity",
                new { startsAt = now.AddDays(-1), endsAt = now.AddDays(7) }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "publicity_start_in_past");
        await (await (await _world.Officer()).PostJson($"/api/v1/plans/{plan.Id}/publicity", new { startsAt = now }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(before, await RowCounts.Of(api));
        // Exactly the minimum is enough.
        var scheduled = await _world.SchedulePublicity(plan.Id, now, TimeSpan.FromDays(7));
        Assert.Equal(PlanState.PublicityScheduled, scheduled.State);
    }

    [Fact]
    public async Task Publicity_opens_and_closes_by_the_sweep_when_the_clock_moves()
    {
        var (community, _, plan) = await _world.ApprovedPlan();
        await _world.SchedulePublicity(plan.Id, api.Clock.GetUtcNow().AddDays(2), TimeSpan.FromDays(7));
        await _world.Sweep();
        Assert.Equal(PlanState.PublicityScheduled, (await _world.GetPlan(plan.Id)).State);
        await (await community.Residents[0].Client.PostJson($"/api/v1/plans/{plan.Id}/comments", new { kind = "Comment", text = "提前发表" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "publicity_not_open");

        api.Clock.Advance(TimeSpan.FromDays(2));
        await _world.Sweep();
        var opened = await _world.GetPlan(plan.Id);
        Assert.Equal(PlanState.InPublicity, opened.State);
        Assert.NotNull(opened.PublicityOpenedAt);

        api.Clock.Advance(TimeSpan.FromDays(7));
        await _world.Sweep();
        Assert.Equal(PlanState.ReadyForVote, (await _world.GetPlan(plan.Id)).State);
        var kinds = await _world.EventKinds(community.Id);
        Assert.Contains("plan.publicity_opened", kinds);
        Assert.Contains("plan.ready_for_vote", kinds);

        // Another run finds nothing due and writes nothing.
        var before = await RowCounts.Settled(api);
        await _world.Sweep();
        Assert.Equal(before, await RowCounts.Of(api));
    }

    [Fact]
    public async Task Publicity_cannot_end_while_an_objection_is_unanswered()
    {
        var (community, _, plan) = await _world.PlanInPublicity();
        var objection = await RenovationWorld.Comment(community.Residents[1], plan.Id, CommentKind.Objection, "反对拆除自行车棚");
        api.Clock.Advance(TimeSpan.FromDays(7));
        await _world.Sweep();
        var waiting = await _world.GetPlan(plan.Id);
        Assert.Equal((PlanState.AwaitingAnswers, 1), (waiting.State, waiting.UnansweredObjections));
        // The period is over for new comments, and the sweep keeps it waiting until the answer.
        await (await community.Residents[0].Client.PostJson($"/api/v1/plans/{plan.Id}/comments", new { kind = "Objection", text = "迟到的异议" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "publicity_not_open");
        await _world.Sweep();
        Assert.Equal(PlanState.AwaitingAnswers, (await _world.GetPlan(plan.Id)).State);

        await _world.AnswerComment(objection.Id, "车棚将就近重建");
        await _world.Sweep();
        Assert.Equal(PlanState.ReadyForVote, (await _world.GetPlan(plan.Id)).State);
        var kinds = await _world.EventKinds(community.Id);
        Assert.True(kinds.IndexOf("plan.publicity_awaiting_answers") < kinds.IndexOf("plan.ready_for_vote"));
    }

    [Fact]
    public async Task An_unanswered_comment_does_not_hold_up_the_vote()
    {
        var (community, _, plan) = await _world.PlanInPublicity();
        await RenovationWorld.Comment(community.Residents[0], plan.Id, CommentKind.Comment, "支持改造");
        api.Clock.Advance(TimeSpan.FromDays(7));
        await _world.Sweep();
        Assert.Equal(PlanState.ReadyForVote, (await _world.GetPlan(plan.Id)).State);
    }

    [Theory]
    [InlineData("street-officer", HttpStatusCode.Forbidden, "not_a_resident")]
    [InlineData("resident-b", HttpStatusCode.NotFound, "plan_not_found")]
    [InlineData("committee-a", HttpStatusCode.NotFound, "plan_not_found")]
    public async Task Only_residents_bound_in_the_community_comment_during_publicity(string user, HttpStatusCode status, string code)
    {
        var (_, _, plan) = await _world.PlanInPublicity();
        var before = await RowCounts.Settled(api);
        await (await (await api.ClientFor(user)).PostJson($"/api/v1/plans/{plan.Id}/comments", new { kind = "Objection", text = "异议" }))
            .ShouldBeProblem(status, code);
        Assert.Equal(before, await RowCounts.Of(api));
    }

    [Fact]
    public async Task Comments_flagged_for_review_are_held_until_released()
    {
        var (community, _, plan) = await _world.PlanInPublicity();
        var held = await RenovationWorld.Comment(community.Residents[0], plan.Id, CommentKind.Comment, ContentMarkers.Review + "物业收费问题");
        Assert.Equal(Moderation.Held, held.Moderation);
        Assert.DoesNotContain(await Comments(community.Residents[1].Client, plan.Id), c => c.Id == held.Id);
        Assert.Contains(await Comments(community.Residents[0].Client, plan.Id), c => c.Id == held.Id);
        Assert.Contains(await Comments(await _world.Officer(), plan.Id), c => c.Id == held.Id);
        Assert.DoesNotContain("publicity.comment_posted", await _world.EventKinds(community.Id));

        var released = await (await (await _world.Officer()).PostJson($"/api/v1/publicity-comments/{held.Id}/moderation", new { publish = true }))
            .ShouldBe<CommentView>(HttpStatusCode.OK);
        Assert.Equal(Moderation.Published, released.Moderation);
        Assert.Contains(await Comments(community.Residents[1].Client, plan.Id), c => c.Id == held.Id);
        await (await (await _world.Officer()).PostJson($"/api/v1/publicity-comments/{held.Id}/moderation", new { publish = false }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "comment_not_held");
    }

    [Fact]
    public async Task A_held_objection_that_is_rejected_does_not_block_the_vote()
    {
        var (community, _, plan) = await _world.PlanInPublicity();
        var held = await RenovationWorld.Comment(community.Residents[0], plan.Id, CommentKind.Objection, ContentMarkers.Review + "广告内容");
        await (await (await _world.Officer()).PostJson($"/api/v1/publicity-comments/{held.Id}/moderation", new { publish = false }))
            .ShouldBe<CommentView>(HttpStatusCode.OK);
        api.Clock.Advance(TimeSpan.FromDays(7));
        await _world.Sweep();
        Assert.Equal(PlanState.ReadyForVote, (await _world.GetPlan(plan.Id)).State);
    }

    [Fact]
    public async Task Risky_comments_are_refused_and_write_nothing()
    {
        var (community, _, plan) = await _world.PlanInPublicity();
        var before = await RowCounts.Settled(api);
        await (await community.Residents[0].Client.PostJson($"/api/v1/plans/{plan.Id}/comments", new { kind = "Objection", text = ContentMarkers.Risky + "辱骂" }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "content_risky");
        await (await community.Residents[0].Client.PostJson($"/api/v1/plans/{plan.Id}/comments", new { kind = "Objection", text = "" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        await (await community.Residents[0].Client.PostJson($"/api/v1/plans/{plan.Id}/comments", new { kind = "Praise", text = "好" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_request");
        Assert.Equal(before, await RowCounts.Of(api));
    }

    [Fact]
    public async Task Only_the_convener_answers_objections_and_only_once()
    {
        var (community, _, plan) = await _world.PlanInPublicity();
        var objection = await RenovationWorld.Comment(community.Residents[0], plan.Id, CommentKind.Objection, "噪音扰民");
        var before = await RowCounts.Settled(api);
        await (await (await _world.Office()).PostJson($"/api/v1/publicity-comments/{objection.Id}/answer", new { text = "答复" }))
            .ShouldBeProblem(HttpStatusCode.Forbidden);
        await (await community.Residents[1].Client.PostJson($"/api/v1/publicity-comments/{objection.Id}/answer", new { text = "答复" }))
            .ShouldBeProblem(HttpStatusCode.Forbidden);
        await (await (await api.ClientFor("resident-b")).PostJson($"/api/v1/publicity-comments/{objection.Id}/answer", new { text = "答复" }))
            .ShouldBeProblem(HttpStatusCode.NotFound, "comment_not_found");
        await (await (await _world.Officer()).PostJson($"/api/v1/publicity-comments/{objection.Id}/answer", new { text = "" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(before, await RowCounts.Of(api));

        var answered = await _world.AnswerComment(objection.Id, "夜间不施工");
        Assert.Equal("夜间不施工", answered.Answer);
        await (await (await _world.Officer()).PostJson($"/api/v1/publicity-comments/{objection.Id}/answer", new { text = "再答" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "comment_already_answered");
        Assert.True(await api.WithDb(db => db.OutboxEvents.AnyAsync(e => e.Kind == "publicity.comment_answered"
            && e.Audience == $"user:{community.Residents[0].UserId}")));
    }

    [Fact]
    public async Task A_retried_comment_with_the_same_idempotency_key_is_stored_once()
    {
        var (community, _, plan) = await _world.PlanInPublicity();
        var client = community.Residents[0].Client;
        HttpRequestMessage Post(string key) => new(HttpMethod.Post, $"/api/v1/plans/{plan.Id}/comments")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { kind = "Objection", text = "停车位不足" }),
            Headers = { { "Idempotency-Key", key } },
        };
        var key = Guid.NewGuid().ToString("N");
        var first = await (await client.SendAsync(Post(key))).ShouldBe<CommentView>(HttpStatusCode.Created);
        var before = await RowCounts.Settled(api);
        var retry = await (await client.SendAsync(Post(key))).ShouldBe<CommentView>(HttpStatusCode.OK);
        Assert.Equal(first.Id, retry.Id);
        Assert.Equal(before, await RowCounts.Of(api));
        await (await client.SendAsync(Post("bad key with spaces"))).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Other_residents_do_not_see_who_wrote_a_comment()
    {
        var (community, _, plan) = await _world.PlanInPublicity();
        var mine = await RenovationWorld.Comment(community.Residents[0], plan.Id, CommentKind.Comment, "建议保留绿化");
        Assert.True(mine.Mine);
        var seen = Assert.Single(await Comments(community.Residents[1].Client, plan.Id), c => c.Id == mine.Id);
        Assert.Equal((false, (Guid?)null, (Guid?)null), (seen.Mine, seen.AuthorUserId, seen.UnitId));
        var staffView = Assert.Single(await Comments(await _world.Officer(), plan.Id), c => c.Id == mine.Id);
        Assert.Equal(community.Residents[0].UnitId, staffView.UnitId);
    }

    [Fact]
    public async Task A_plan_in_publicity_cannot_be_revised()
    {
        var (_, _, plan) = await _world.PlanInPublicity();
        var before = await RowCounts.Settled(api);
        await (await (await _world.Officer()).PostJson($"/api/v1/plans/{plan.Id}/revisions", RenovationWorld.PlanBody()))
            .ShouldBeProblem(HttpStatusCode.Conflict, "plan_not_revisable");
        Assert.Equal(before, await RowCounts.Of(api));
    }

    [Fact]
    public async Task Residents_list_their_own_comments()
    {
        var (community, _, plan) = await _world.PlanInPublicity();
        var posted = await RenovationWorld.Comment(community.Residents[2], plan.Id, CommentKind.Objection, "电梯加装费用分摊不公");
        var mine = await (await community.Residents[2].Client.GetAsync("/api/v1/publicity-comments/mine"))
            .ShouldBe<Page<CommentView>>(HttpStatusCode.OK);
        Assert.Equal(posted.Id, Assert.Single(mine.Items).Id);
        var unanswered = await (await (await _world.Officer()).GetAsync($"/api/v1/plans/{plan.Id}/comments?kind=Objection&unanswered=true"))
            .ShouldBe<Page<CommentView>>(HttpStatusCode.OK);
        Assert.Equal(posted.Id, Assert.Single(unanswered.Items).Id);
    }

    private static async Task<IReadOnlyList<CommentView>> Comments(HttpClient client, Guid planId) =>
        (await (await client.GetAsync($"/api/v1/plans/{planId}/comments?pageSize=100")).ShouldBe<Page<CommentView>>(HttpStatusCode.OK)).Items;
}
