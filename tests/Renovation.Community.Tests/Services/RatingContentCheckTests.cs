using Microsoft.EntityFrameworkCore;
using System.Net;
using Renovation.Community.Application.Features.Services;
using Renovation.Community.Tests.Infrastructure;
using Renovation.Community.Tests.Projects;

namespace Renovation.Community.Tests.Services;

/// <summary>
/// A rating comment goes through the simulator's real content check (msgSecCheck). The rule (docs/services.md): a
/// risky comment refuses the whole rating, which stays unrated so the resident can rate again; a comment WeChat is
/// unsure about ("review") is stored as written, as there is no moderation queue for ratings.
/// </summary>
public sealed class RatingContentCheckTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly ServicesWorld _world = new(api);

    private async Task<ServiceOrderView> Confirmed()
    {
        var order = await _world.InService(await _world.NewItem());
        await _world.Move(order.Id, "complete", "property-a");
        return await _world.Move(order.Id, "confirm", "resident-a");
    }

    [Fact]
    public async Task A_risky_rating_comment_is_refused_with_a_clear_answer_and_the_order_stays_unrated()
    {
        var order = await Confirmed();
        // Counted on this order: another test's late payment notification may land meanwhile.
        var orderId = order.Id.ToString();
        var audited = await api.WithDb(db => db.AuditLog.CountAsync(a => a.EntityId == orderId));

        var refused = await (await _world.Post(order.Id, "rate", "resident-a", new { stars = 1, comment = "这里" + ContentMarkers.Risky }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "content_risky");
        Assert.Contains("违规", refused.GetProperty("detail").GetString());

        var row = await _world.Row(order.Id);
        Assert.Equal((ServiceOrderState.Confirmed, (int?)null, (string?)null), (row.State, row.Stars, row.RatingComment));
        Assert.Equal(0, await _world.Events(ServiceEvents.Rated, order.Id));
        Assert.Equal(audited, await api.WithDb(db => db.AuditLog.CountAsync(a => a.EntityId == orderId)));

        // The resident rewrites it and rates once.
        var rated = await _world.Move(order.Id, "rate", "resident-a", new { stars = 2, comment = "来晚了半小时" });
        Assert.Equal((ServiceOrderState.Rated, 2, "来晚了半小时"), (rated.State, rated.Stars, rated.RatingComment));
    }

    [Fact]
    public async Task A_rating_comment_WeChat_is_unsure_about_is_stored_as_written()
    {
        var order = await Confirmed();
        var comment = "师傅很好，可以" + ContentMarkers.Review;
        var rated = await _world.Move(order.Id, "rate", "resident-a", new { stars = 5, comment });
        Assert.Equal((ServiceOrderState.Rated, comment), (rated.State, rated.RatingComment));
        await (await _world.Post(order.Id, "rate", "resident-a", new { stars = 4 })).ShouldBeProblem(HttpStatusCode.Conflict, "order_not_ratable");
    }
}
