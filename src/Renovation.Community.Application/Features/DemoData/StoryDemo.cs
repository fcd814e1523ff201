using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Renovation.Community.Application.Common.Time;
using Renovation.Community.Application.Data;
using Renovation.Community.Application.Features.Identity;
using Renovation.Community.Application.Features.Places;
using Renovation.Community.Application.Features.Projects;
using Renovation.Community.Application.Features.Proposals;
using Renovation.Community.Application.Features.Voting;

namespace Renovation.Community.Application.Features.DemoData;

/// <summary>
/// The quick-start's story (<c>DemoData:Story</c>, on in Development): in each demo community, weeks of history written
/// through the domain objects with the times they would have happened, so every rule holds on default settings.
/// <list type="bullet">
/// <item>A renovation project: surveyed, admitted with more than 2/3 of households consenting, planned into this year,
/// its plan jointly reviewed and now in publicity (8 days, from 3 days ago) with a resident's comment and the street's
/// answer.</item>
/// <item>An open vote convened 20 days ago (16 days' notice), open for another 10 days: the demo residents can vote now.</item>
/// <item>A closed vote convened 30 days ago, opened 12 days ago, closed 2 days ago on paper ballots (entered by one
/// committee member, confirmed by a second), counted, with its published record.</item>
/// </list>
/// Nothing here switches a rule off: a change to a rule that the story no longer meets makes seeding fail loudly.
/// </summary>
public sealed class StoryDemo(AppDbContext db, TimeProvider clock, IConfiguration config, IOptions<ProjectsOptions> projects,
    IOptions<VotingOptions> voting, VoteConvening convening)
{
    public const string ProjectTitle = "老旧小区综合改造";
    public const string OpenVoteTitle = "关于使用专项维修资金维修屋面防水的决定";
    public const string ClosedVoteTitle = "关于续聘物业服务企业的决定";

    private static readonly (string Community, string Chair, string Member, string Resident)[] Casts =
    [
        ("幸福里小区", "chair-a", "committee-a", "resident-a"),
        ("和平新村", "chair-b", "committee-b", "resident-b"),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        if (!config.GetValue("DemoData:Story", false))
            return;
        await db.InTransactionAsync(async innerCt =>
        {
            foreach (var cast in Casts)
                await SeedCommunityAsync(cast, innerCt);
            return 0;
        }, ct);
    }

    private async Task SeedCommunityAsync((string Community, string Chair, string Member, string Resident) cast, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var community = await db.Communities.SingleAsync(c => c.Name == cast.Community, ct);
        var openIds = new[] { "street-officer", "city-admin", cast.Chair, cast.Member, cast.Resident }.Select(AuthApi.DevOpenId).ToList();
        var users = await db.Users.Where(u => openIds.Contains(u.OpenId)).ToDictionaryAsync(u => u.OpenId, u => u.Id, ct);
        Guid User(string name) => users[AuthApi.DevOpenId(name)];
        var (officer, office, chair, member, resident) =
            (User("street-officer"), User("city-admin"), User(cast.Chair), User(cast.Member), User(cast.Resident));

        var residentUnit = await db.UnitBindings.Where(b => b.UserId == resident && b.CommunityId == community.Id)
            .Select(b => b.UnitId).FirstAsync(ct);
        await SeedProjectAsync(community, officer, office, resident, residentUnit, now, ct);
        await SeedOpenVoteAsync(community, member, now, ct);
        await SeedClosedVoteAsync(community, member, chair, now, ct);
    }

    private async Task SeedProjectAsync(ResidentialCommunity community, Guid officer, Guid office, Guid resident, Guid residentUnit,
        DateTimeOffset now, CancellationToken ct)
    {
        var settings = projects.Value;
        var project = new RenovationProject(community.Id, community.StreetId, $"{community.Name}{ProjectTitle}",
            [FacilityItem.WaterSupply, FacilityItem.Sewage, FacilityItem.Roads, FacilityItem.StreetLights, FacilityItem.Parking],
            "雨污合流、路面破损、夜间照明不足、停车无序", settings.ConsentNumerator, settings.ConsentDenominator, officer,
            now.AddDays(-70));
        db.Projects.Add(project);

        // Willingness survey: the demo resident answered in the app; the other households answered on the street's paper
        // questionnaire (入户调查), entered by the street officer. Eight in ten consent, one in ten opposes, one did not answer.
        var units = await db.Units.Where(u => u.CommunityId == community.Id).OrderBy(u => u.BuildingId).ThenBy(u => u.Number)
            .Select(u => new { u.Id, u.OwnerPartyId }).ToListAsync(ct);
        for (var i = 0; i < units.Count; i++)
        {
            var own = units[i].Id == residentUnit;
            if (i % 10 == 9 && !own)
                continue;
            db.SurveyAnswers.Add(new SurveyAnswer(project.Id, units[i].Id, units[i].OwnerPartyId, consents: own || i % 10 != 7,
                own ? resident : officer, now.AddDays(-65 + i % 5)));
        }
        await db.SaveChangesAsync(ct);

        project.Admit(await db.QualificationOfAsync(project, ct), office, now.AddDays(-50));
        var plannedAt = now.AddDays(-45);
        project.PlanInto(plannedAt.ToChina().Year, plannedAt.ToChina().Year, plannedAt);

        var plan = new PlanVersion(project.Id, community.Id, community.StreetId, 1, null, DemoPlan(), officer, now.AddDays(-40));
        db.Plans.Add(plan);
        plan.Submit(now.AddDays(-35));
        plan.StartReview(now.AddDays(-34));
        var review = new PlanReview(plan.Id, community.Id, "住房和城乡建设局", office, office, now.AddDays(-34));
        review.Decide(ReviewDecision.Approved, "同意", now.AddDays(-28));
        db.PlanReviews.Add(review);
        plan.ReviewDecided([review.Decision], now.AddDays(-28));
        plan.SchedulePublicity(now.AddDays(-3), now.AddDays(5), settings.MinPublicityDays, now.AddDays(-10));
        plan.OpenPublicityIfDue(now.AddDays(-3));

        var comment = new PublicityComment(plan.Id, project.Id, community.Id, residentUnit, resident, CommentKind.Comment,
            "建议施工期间保留一条消防通道，并提前张贴停水停电通知。", Moderation.Published, clientKey: null, now.AddDays(-2));
        comment.AnswerWith("已采纳：施工分段进行，每段保留消防通道；停水停电至少提前三天在单元门口和小程序公告。", officer, now.AddDays(-1));
        db.PublicityComments.Add(comment);
        await db.SaveChangesAsync(ct);
    }

    private static PlanContent DemoPlan() => new(
        "综合改造方案（第一版）",
        "一、雨污分流：新建污水管网 1.2 公里，接入市政管网。二、道路：破损路面全部翻新，增设无障碍坡道。三、照明：更换路灯 40 盏。四、停车：划设停车位 60 个。",
        "改造完成后由物业服务企业负责日常养护，业委会每季度检查一次。",
        [new CostLine("雨污分流", 180_000_000), new CostLine("道路与无障碍", 120_000_000), new CostLine("照明与停车", 60_000_000)],
        new Funding(GovernmentFen: 270_000_000, UtilitiesFen: 50_000_000, ResidentsFen: 40_000_000, MaintenanceFundFen: 0),
        []);

    private async Task SeedOpenVoteAsync(ResidentialCommunity community, Guid convener, DateTimeOffset now, CancellationToken ct)
    {
        var vote = await ConveneAsync(community.Id, OpenVoteTitle, "3 幢、4 幢屋面渗漏，拟使用专项维修资金 38 万元维修屋面防水，详见公示的预算。",
            Matter.UseMaintenanceFund, convener, convenedAt: now.AddDays(-20), opensAt: now.AddDays(-4), closesAt: now.AddDays(10), ct);
        await OpenAsync(vote, ct);
        await db.SaveChangesAsync(ct);
    }

    private async Task SeedClosedVoteAsync(ResidentialCommunity community, Guid enteredBy, Guid confirmedBy,
        DateTimeOffset now, CancellationToken ct)
    {
        var vote = await ConveneAsync(community.Id, ClosedVoteTitle, "物业服务合同到期，拟按原收费标准续聘现物业服务企业三年。",
            Matter.HireOrDismissManager, enteredBy, convenedAt: now.AddDays(-30), opensAt: now.AddDays(-12), closesAt: now.AddDays(-2), ct);
        await OpenAsync(vote, ct);
        await db.SaveChangesAsync(ct);

        // Paper ballots (书面表决), each entered by one member and confirmed by a second reading of another. Parties of
        // the demo users are left out so they see a vote they had no part in; the developer did not vote.
        var demoParties = await db.UnitBindings.Where(b => b.CommunityId == community.Id && b.Status == BindingStatus.Approved)
            .Join(db.Units, b => b.UnitId, u => u.Id, (_, u) => u.OwnerPartyId).ToListAsync(ct);
        var roll = await db.ElectorateParties.Where(p => p.VoteId == vote.Id).OrderBy(p => p.Name).ThenBy(p => p.OwnerPartyId)
            .ToListAsync(ct);
        var random = new Random(20261129);
        var ballots = new List<Ballot>();
        for (var i = 0; i < roll.Count; i++)
        {
            var party = roll[i];
            if (demoParties.Contains(party.OwnerPartyId) || party.Units > 3 || i % 8 == 5)
                continue;
            var choice = new BallotChoice(i % 9 == 4 ? Choice.Oppose : i % 13 == 6 ? Choice.Abstain : Choice.Agree, []);
            var enteredAt = now.AddDays(-10 + i % 6);
            var entry = new PaperBallotEntry(vote.Id, party.OwnerPartyId, choice.Code, enteredBy, null, enteredAt);
            var key = BallotKeys.NewPaperKey();
            var ballot = Ballot.Cast(vote, party.OwnerPartyId, party.AreaHundredths, choice,
                BallotKeys.Receipt(vote.Id, choice.Code, party.AreaHundredths, key), BallotKeys.KeyHash(vote.Id, key),
                random.Next(VoteTally.Shards), supersedesBallotId: null, confirmedBy, BallotChannel.Paper, enteredAt.AddHours(2));
            entry.Confirm(confirmedBy, choice.Code, vote.Secrecy, ballot.Id, enteredAt.AddHours(2));
            db.PaperBallotEntries.Add(entry);
            db.Ballots.Add(ballot);
            db.Participations.Add(new Participation(vote.Id, party.OwnerPartyId, BallotChannel.Paper, ballot.Id));
            ballots.Add(ballot);
        }
        await db.SaveChangesAsync(ct);
        foreach (var shard in ballots.GroupBy(b => b.Shard))
            await TallyStore.ApplyAsync(db, vote.Id, shard.Key,
                TallyStore.Sum(shard.Select(b => BallotChoice.Parse(b.ChoiceCode).Contribution(b.AreaHundredths))), +1, ct);

        // The chain as BallotChainer builds it: in receipt order from the vote's genesis link.
        var link = BallotKeys.Genesis(vote.Id);
        var index = 0L;
        foreach (var ballot in ballots.OrderBy(b => b.ReceiptHash, StringComparer.Ordinal))
            ballot.Chain(++index, link = BallotKeys.Link(link, ballot.ReceiptHash));

        var settings = await db.VotingSettings.AsNoTracking().SingleOrDefaultAsync(s => s.CommunityId == community.Id, ct)
            ?? new VotingSettings(community.Id);
        var counted = await TallyStore.RecountAsync(db, vote.Id, ct);
        vote.Close(TallyCalculator.Compute(vote, counted), vote.ClosesAt.AddSeconds(voting.Value.CloseGraceSeconds),
            settings.ResultPublicityDays);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Convening as <see cref="ConveneVote"/> does it, with the notice rule every vote meets checked here too.</summary>
    private async Task<Vote> ConveneAsync(Guid communityId, string title, string description, Matter matter, Guid convener,
        DateTimeOffset convenedAt, DateTimeOffset opensAt, DateTimeOffset closesAt, CancellationToken ct)
    {
        await convening.RequireNoticeAsync(communityId, opensAt, convenedAt, ct);
        var vote = new Vote(communityId, title, description, matter, VoteKind.Motion, Secrecy.Named, showCountsBeforeClose: false,
            seats: 0, opensAt, closesAt, convener, planId: null, [], convenedAt);
        db.Votes.Add(vote);
        return vote;
    }

    /// <summary>Opening as <see cref="VotingSweep"/> does it at the opening time: the roll is frozen then.</summary>
    private async Task OpenAsync(Vote vote, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        var (area, heads, units) = await ElectorateFreezer.FreezeAsync(db, vote, ct);
        var settings = await db.VotingSettings.AsNoTracking().SingleOrDefaultAsync(s => s.CommunityId == vote.CommunityId, ct)
            ?? new VotingSettings(vote.CommunityId);
        vote.Open(area, heads, units, settings.LastBallotWins, vote.OpensAt);
        TallyStore.Create(db, vote);
    }
}
