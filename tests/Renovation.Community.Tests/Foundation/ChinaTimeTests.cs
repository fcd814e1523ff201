using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renovation.Community.Application.Features.Meetings;
using Renovation.Community.Application.Features.Notices;
using Renovation.Community.Tests.Infrastructure;
using Renovation.Community.Tests.Meetings;
using Renovation.Community.Tests.Voting;

namespace Renovation.Community.Tests.Foundation;

/// <summary>
/// Times are China time: a time sent without an offset means Asia/Shanghai, one with an offset keeps its instant,
/// every time the API returns carries the +08:00 offset, and text for people prints China time.
/// </summary>
public sealed class ChinaTimeTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly MeetingsWorld _meetings = new(api);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_time_sent_without_an_offset_is_China_time_and_comes_back_with_its_offset()
    {
        var c = await _meetings.Committee(3);
        var day = api.Clock.ChinaToday.AddDays(9);
        var response = await c.Chair.Client.PostJson($"/api/v1/communities/{c.CommunityId}/committee-meetings", new
        {
            title = "业委会例会", startsAt = $"{Day(day)}T19:00:00", place = "社区活动室", observerCapacity = 0,
            items = MeetingsWorld.Agenda(1),
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        var utc = new DateTimeOffset(day.ToDateTime(new TimeOnly(11, 0)), TimeSpan.Zero);
        Assert.Equal($"{Day(day)}T19:00:00.000+08:00", created.GetProperty("startsAt").GetString());
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal(utc, await api.WithDb(db => db.CommitteeMeetings.Where(m => m.Id == id).Select(m => m.StartsAt).SingleAsync()));
    }

    [Fact]
    public async Task A_time_sent_with_Z_or_another_offset_keeps_its_instant()
    {
        var community = await new VotingWorld(api).Community(PartySpec.Owner(10000));
        var day = api.Clock.ChinaToday.AddDays(20);
        var response = await (await api.ClientFor("street-officer")).PostJson($"/api/v1/communities/{community.Id}/votes", new
        {
            title = "时区表决", matter = "OtherMajorMatter", kind = "Motion", secrecy = "Named", showCountsBeforeClose = false,
            opensAt = $"{Day(day)}T11:00:00Z", closesAt = $"{Day(day.AddDays(7))}T20:00:00+09:00",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal($"{Day(day)}T19:00:00.000+08:00", created.GetProperty("opensAt").GetString());
        Assert.Equal($"{Day(day.AddDays(7))}T19:00:00.000+08:00", created.GetProperty("closesAt").GetString());
    }

    [Fact]
    public async Task A_meeting_notice_prints_China_time_when_the_UTC_date_is_the_day_before()
    {
        var c = await _meetings.Committee(3);
        // At 01:00 in China it is 17:00 of the day before in UTC: a notice printed in UTC would show the wrong day and hour.
        var today = DateOnly.FromDateTime(api.Clock.AdvanceToNext(new TimeOnly(1, 0)).DateTime);
        var day = today.AddDays(9);
        var meeting = await (await _meetings.TryConvene(c.Chair.Client, c.CommunityId,
            new DateTimeOffset(day.ToDateTime(new TimeOnly(1, 30)), TimeSpan.FromHours(8)))).ShouldBe<CommitteeMeetingView>(HttpStatusCode.Created);
        var notice = await (await c.Chair.Client.GetAsync($"/api/v1/notices/{meeting.NoticeId}")).ShouldBe<NoticeView>(HttpStatusCode.OK);
        Assert.Contains($"时间：{day.ToString("yyyy年M月d日", CultureInfo.InvariantCulture)} 01:30", notice.Body);
    }

    [Fact]
    public void No_endpoint_reads_a_time_from_the_query_string_route_or_a_header()
    {
        // Only the JSON converter (Timestamps.Json) reads a time without an offset as China time; the framework's
        // binding of a query, route or header value would read it in the server's zone. An endpoint that needs a time
        // there takes a string and reads it by the converter's rule.
        var instants = new[] { typeof(DateTimeOffset), typeof(DateTimeOffset?), typeof(DateTime), typeof(DateTime?) };
        var handlers = api.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => (Name: e.DisplayName, Method: e.Metadata.GetMetadata<MethodInfo>()))
            .Where(e => e.Method is not null).ToList();
        Assert.True(handlers.Count > 100, $"only {handlers.Count} handlers found");
        Assert.Empty(handlers.SelectMany(e => e.Method!.GetParameters().SelectMany(p => Bound(p, instants)).Select(p => $"{e.Name}: {p}")));
    }

    private static IEnumerable<string> Bound(ParameterInfo parameter, Type[] instants)
    {
        if (instants.Contains(parameter.ParameterType))
            yield return parameter.Name!;
        if (parameter.IsDefined(typeof(AsParametersAttribute)))
            foreach (var property in parameter.ParameterType.GetProperties().Where(p => instants.Contains(p.PropertyType)))
                yield return $"{parameter.Name}.{property.Name}";
    }
}
