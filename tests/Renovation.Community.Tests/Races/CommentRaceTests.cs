using System.Net;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Features.Proposals;
using Renovation.Community.Tests.Infrastructure;
using Renovation.Community.Tests.Projects;

namespace Renovation.Community.Tests.Races;

public sealed class CommentRaceTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly RenovationWorld _world = new(api);

    [Fact]
    public async Task Five_simultaneous_posts_with_one_idempotency_key_publish_one_comment_and_all_get_it_back()
    {
        var (community, _, plan) = await _world.PlanInPublicity();
        var client = community.Residents[0].Client;
        var key = Guid.NewGuid().ToString("N");
        var answers = await Race.ExactlyOneEffect(api, Race.DefaultRacers, () => client.SendAsync(
                new HttpRequestMessage(HttpMethod.Post, $"/api/v1/plans/{plan.Id}/comments")
                {
                    Content = System.Net.Http.Json.JsonContent.Create(new { kind = "Objection", text = "停车位不足" }),
                    Headers = { { "Idempotency-Key", key } },
                }),
            db => db.PublicityComments.CountAsync(c => c.PlanId == plan.Id),
            HttpStatusCode.Created, HttpStatusCode.OK, null);
        var first = answers.Winner.As<CommentView>();
        Assert.All(answers.All, a => Assert.Equal(first.Id, a.As<CommentView>().Id));
    }
}
