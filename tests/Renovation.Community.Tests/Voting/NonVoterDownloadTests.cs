using System.Net;
using System.Text;
using Renovation.Community.Application.Common.Text;
using Renovation.Community.Application.Features.Voting;
using Renovation.Community.Tests.Infrastructure;
using Renovation.Community.Tests.Places;
using static Renovation.Community.Tests.Voting.PartySpec;

namespace Renovation.Community.Tests.Voting;

public sealed class NonVoterDownloadTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly VotingWorld _world = new(api);

    [Fact]
    public async Task The_non_voters_download_as_xlsx_and_csv_with_only_those_who_have_not_voted()
    {
        var community = await _world.Community(Owner(8956), Owner(10000, 5000));
        var vote = await _world.OpenVote(community.Id);
        await (await VotingWorld.Cast(community.Parties[0].Voter.Client, vote.Id, new { choice = "Agree" })).ShouldBe<BallotReceipt>(HttpStatusCode.Created);
        var officer = await _world.Officer();

        var xlsx = await officer.GetAsync($"/api/v1/votes/{vote.Id}/non-voters/download?format=xlsx");
        Assert.Equal(Spreadsheet.XlsxMediaType, xlsx.Content.Headers.ContentType?.MediaType);
        var bytes = await xlsx.Content.ReadAsByteArrayAsync();
        var rows = RegisterFileTests.SheetRows(bytes);
        Assert.Equal(["业主", "房屋", "专有面积（平方米）", "房屋套数"], rows[0]);
        var row = Assert.Single(rows.Skip(1));
        Assert.Equal(["业主2#2", "1幢 102；1幢 103", "150", "2"], row);
        Assert.DoesNotContain("<x:f>", RegisterFileTests.SheetXml(bytes));

        var csv = Encoding.UTF8.GetString(await officer.GetByteArrayAsync($"/api/v1/votes/{vote.Id}/non-voters/download"));
        Assert.StartsWith("\uFEFF\"业主\"", csv);
        Assert.DoesNotContain("业主1#1", csv);
    }

    [Fact]
    public async Task Voters_cannot_download_who_has_not_voted()
    {
        var community = await _world.Community(Owner(8956));
        var vote = await _world.OpenVote(community.Id);
        // The voter sees the vote (their community) but may not convene votes: forbidden, not hidden.
        await (await community.Parties[0].Voter.Client.GetAsync($"/api/v1/votes/{vote.Id}/non-voters/download?format=xlsx"))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
    }
}
