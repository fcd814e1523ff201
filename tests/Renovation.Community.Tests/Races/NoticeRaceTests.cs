using System.Net;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Features.Notices;
using Renovation.Community.Tests.Infrastructure;
using Renovation.Community.Tests.Notices;

namespace Renovation.Community.Tests.Races;

/// <summary>Notice edits, withdrawals, read receipts and subscribe-message consents under N identical simultaneous requests.</summary>
public sealed class NoticeRaceTests(NoticesApiFactory api) : IClassFixture<NoticesApiFactory>
{
    private readonly NoticesWorld _world = new(api);

    [Fact]
    public async Task Five_simultaneous_identical_edits_make_one_revision_and_one_update()
    {
        var c = await _world.Community();
        var notice = await _world.Publish(c.Committee, NoticeTargetKind.Community, c.Id, "原标题");
        // One at a time the same edit twice changes nothing the second time; at once, the losers get that same 200.
        var answers = await Race.Run(Race.DefaultRacers,
            () => c.Committee.PutJson($"/api/v1/notices/{notice.Id}", new { title = "新标题", body = "新正文", pinned = true }));
        Assert.All(answers.All, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.All(answers.All, a => Assert.Equal(2, a.As<NoticeView>().Revision));
        Assert.Equal(1, await api.WithDb(db => db.NoticeRevisions.CountAsync(r => r.NoticeId == notice.Id)));
        Assert.Equal([NoticeEvents.Published, NoticeEvents.Updated], await _world.EventKinds(notice.Id));
    }

    [Fact]
    public async Task Five_simultaneous_withdrawals_withdraw_once()
    {
        var c = await _world.Community();
        var notice = await _world.Publish(c.Committee, NoticeTargetKind.Community, c.Id, "要撤回的通知");
        await Race.Run(Race.DefaultRacers, () => c.Committee.PostJson($"/api/v1/notices/{notice.Id}/withdraw", new { reason = "内容有误" }))
            .ContinueWith(t => t.Result.ExactlyOne(HttpStatusCode.OK).OthersAre(HttpStatusCode.UnprocessableEntity, "notice_ended"));
        Assert.Equal([NoticeEvents.Published, NoticeEvents.Withdrawn], await _world.EventKinds(notice.Id));
    }

    [Fact]
    public async Task Five_simultaneous_read_receipts_record_one_read()
    {
        var c = await _world.Community();
        var notice = await _world.Publish(c.Committee, NoticeTargetKind.Community, c.Id, "回执测试");
        var answers = await Race.Run(Race.DefaultRacers, () => c.InOne.Client.PostAsync($"/api/v1/notices/{notice.Id}/read", null));
        Assert.All(answers.All, a => Assert.Equal(HttpStatusCode.NoContent, a.Status));
        Assert.Equal(1, await api.WithDb(db => db.NoticeReads.CountAsync(r => r.NoticeId == notice.Id)));
    }

    [Fact]
    public async Task Five_simultaneous_first_consents_make_one_row_that_counts_every_answer()
    {
        var c = await _world.Community();
        var answers = await Race.Run(Race.DefaultRacers,
            () => c.InTwo.Client.PostJson("/api/v1/subscriptions", new { templateId = NoticesApiFactory.TemplateId, result = "Accept" }));
        Assert.All(answers.All, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        // Each accepted wx.requestSubscribeMessage answer grants one message: none lost, none doubled, one row.
        var rows = await api.WithDb(db => db.SubscriptionConsents.AsNoTracking().Where(s => s.UserId == c.InTwo.UserId).ToListAsync());
        Assert.Equal(Race.DefaultRacers, Assert.Single(rows).Remaining);

        var bans = await Race.Run(Race.DefaultRacers,
            () => c.InTwo.Client.PostJson("/api/v1/subscriptions", new { templateId = NoticesApiFactory.TemplateId, result = "Ban" }));
        Assert.All(bans.All, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        var banned = await api.WithDb(db => db.SubscriptionConsents.AsNoTracking().SingleAsync(s => s.UserId == c.InTwo.UserId));
        Assert.True(banned.Banned);
        Assert.Equal(0, banned.Remaining);
    }
}
