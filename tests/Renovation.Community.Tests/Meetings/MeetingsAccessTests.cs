using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Features.DemoData;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Meetings;

/// <summary>
/// The id-addressed meeting endpoints (the community-scoped ones are in the authorisation matrix): outsiders of the
/// meeting's community are told it does not exist, owners are refused the committee's acts, nothing is written.
/// </summary>
public sealed class MeetingsAccessTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly string[] MemberActs =
    [
        "POST /api/v1/committee-meetings/{m}/attendance",
        "POST /api/v1/committee-meetings/{m}/close",
        "POST /api/v1/committee-meetings/{m}/minutes",
        "POST /api/v1/committee-meeting-items/{i}/positions",
        "POST /api/v1/committee-meeting-items/{i}/decide",
        "POST /api/v1/committee-meetings/{m}/cancel",
        "POST /api/v1/committee-meetings/{m}/reschedule",
    ];

    public static TheoryData<string, string> OutsidersOfCommunityA()
    {
        var data = new TheoryData<string, string>();
        foreach (var user in new[] { "resident-b", "committee-b", "property-b" })
            foreach (var endpoint in MemberActs.Append("GET /api/v1/committee-meetings/{m}").Append("POST /api/v1/committee-meetings/{m}/observers"))
                data.Add(user, endpoint);
        return data;
    }

    public static TheoryData<string, string> OwnersAndStreetOfCommunityA()
    {
        var data = new TheoryData<string, string>();
        foreach (var user in new[] { "resident-a", "coowner-a", "property-a", "street-officer" })
            foreach (var endpoint in MemberActs)
                data.Add(user, endpoint);
        return data;
    }

    [Theory]
    [MemberData(nameof(OutsidersOfCommunityA))]
    public async Task Outsiders_of_the_community_are_told_the_meeting_does_not_exist(string user, string endpoint)
    {
        var (request, _) = await Build(endpoint);
        var before = await RowCounts.Settled(api);
        await (await (await api.ClientFor(user)).SendAsync(request)).ShouldBeProblem(HttpStatusCode.NotFound);
        Assert.Equal(before, await RowCounts.Of(api));
    }

    [Theory]
    [MemberData(nameof(OwnersAndStreetOfCommunityA))]
    public async Task Owners_property_staff_and_street_officers_read_but_do_not_act_for_the_committee(string user, string endpoint)
    {
        var (request, meetingId) = await Build(endpoint);
        var client = await api.ClientFor(user);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/committee-meetings/{meetingId}")).StatusCode);
        var before = await RowCounts.Settled(api);
        await (await client.SendAsync(request)).ShouldBeProblem(HttpStatusCode.Forbidden);
        Assert.Equal(before, await RowCounts.Of(api));
    }

    private async Task<(HttpRequestMessage Request, Guid MeetingId)> Build(string endpoint)
    {
        var demo = await Demo.Of(api);
        var (meetingId, itemId, chairId) = await api.WithDb(async db =>
        {
            // The demo's upcoming meeting (the demo also has one in session and one past).
            var meeting = await db.CommitteeMeetings.Include(m => m.Items).Include(m => m.Members)
                .SingleAsync(m => m.CommunityId == demo.CommunityA && m.Title == MeetingsDemo.UpcomingTitle);
            return (meeting.Id, meeting.Items[0].Id, meeting.Members.Single(m => m.IsChair).UserId);
        });
        var parts = endpoint.Split(' ');
        var request = new HttpRequestMessage(new HttpMethod(parts[0]), parts[1].Replace("{m}", meetingId.ToString()).Replace("{i}", itemId.ToString()));
        object? body = parts[1] switch
        {
            var p when p.EndsWith("/attendance") => new { memberUserId = chairId },
            var p when p.EndsWith("/minutes") => new { minutes = "纪要" },
            var p when p.EndsWith("/positions") => new { memberUserId = chairId, stance = "For" },
            var p when p.EndsWith("/cancel") => new { reason = "误发" },
            var p when p.EndsWith("/reschedule") => (object)new { startsAt = TestRunClock.UtcNow.AddDays(20), reason = "误发" },
            _ => null,
        };
        if (body is not null)
            request.Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(body, Json.Options), Encoding.UTF8, "application/json");
        return (request, meetingId);
    }
}
