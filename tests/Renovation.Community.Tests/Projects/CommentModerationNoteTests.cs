using System.Net;
using Renovation.Community.Application.Common.Paging;
using Renovation.Community.Application.Features.Proposals;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Projects;

/// <summary>An author whose comment is held is told why, in the answer to the post and in their lists.</summary>
public sealed class CommentModerationNoteTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly RenovationWorld _world = new(api);

    [Fact]
    public async Task A_held_comment_tells_its_author_why_and_a_published_one_carries_no_note()
    {
        var (community, _, plan) = await _world.PlanInPublicity();
        var author = community.Residents[0];
        var held = await RenovationWorld.Comment(author, plan.Id, CommentKind.Comment, ContentMarkers.Review + "物业收费问题");
        Assert.Equal(Moderation.Held, held.Moderation);
        Assert.Equal(HoldReason.ContentReview, held.HoldReason);
        Assert.Contains("人工复核", held.ModerationNote);
        var listed = await (await author.Client.GetAsync("/api/v1/publicity-comments/mine"))
            .ShouldBe<Page<CommentView>>(HttpStatusCode.OK);
        Assert.Equal(held.ModerationNote, Assert.Single(listed.Items, c => c.Id == held.Id).ModerationNote);

        var published = await RenovationWorld.Comment(author, plan.Id, CommentKind.Comment, "支持改造");
        Assert.Equal(Moderation.Published, published.Moderation);
        Assert.Null(published.ModerationNote);
        Assert.Null(published.HoldReason);

        var rejected = await (await (await _world.Officer()).PostJson($"/api/v1/publicity-comments/{held.Id}/moderation", new { publish = false }))
            .ShouldBe<CommentView>(HttpStatusCode.OK);
        Assert.Equal("经工作人员审核，该意见未予公开", rejected.ModerationNote);
    }
}
