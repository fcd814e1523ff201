using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Api.Common.Authorization;
using Renovation.Community.Api.Common.Errors;
using Renovation.Community.Api.Common.Events;
using Renovation.Community.Api.Common.Paging;
using Renovation.Community.Api.Common.Validation;
using Renovation.Community.Api.Data;
using Renovation.Community.Api.Features.Realtime;

namespace Renovation.Community.Api.Features.Voting;

public sealed record VotingSettingsView(Guid CommunityId, bool LastBallotWins, int ResultPublicityDays, bool SilenceCountsAsConsent);

public sealed record ChangeVotingSettings(bool LastBallotWins, int ResultPublicityDays, bool SilenceCountsAsConsent) : IValidatable
{
    public void Validate(Validator v) => v.Range(ResultPublicityDays, 1, 90, "resultPublicityDays", "结果公示期应为 1 到 90 天");
}

/// <summary>
/// A party the caller may vote for. <c>StandingProxyId</c> is set on the caller's own party while an approved proxy
/// stands for it: the owner does not vote then, unless they withdraw that proxy first.
/// </summary>
public sealed record MyVotingParty(Guid PartyId, string Name, long AreaHundredths, bool AsProxy, bool Voted, BallotChannel? Channel,
    Guid? StandingProxyId);

/// <summary>
/// Whether a receipt is in the vote's chain. Choice and area are shown for named votes only: in a secret vote receipts
/// are public in the record, so showing them here would let anyone read any ballot; the voter knows both anyway (they
/// went into the receipt they recomputed).
/// </summary>
public sealed record ReceiptCheck(string Receipt, bool Found, long? ChainIndex, string? LinkHash,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Choice,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? AreaHundredths, bool Counted);

/// <summary>Owners' votes under Civil Code Article 278 (业主共同决定).</summary>
public static class VotesApi
{
    public static RouteGroupBuilder MapVotingApi(this RouteGroupBuilder api)
    {
        var community = api.MapGroup("/communities/{communityId:guid}").WithTags("Voting");
        community.MapPost("/votes", ConveneVote.HandleAsync).WithName("ConveneVote");
        community.MapGet("/votes", ListAsync).WithName("ListVotes");
        community.MapGet("/voting-settings", GetSettingsAsync).WithName("GetVotingSettings");
        community.MapPut("/voting-settings", ChangeSettingsAsync).WithName("ChangeVotingSettings");

        var votes = api.MapGroup("/votes/{voteId:guid}").WithTags("Voting");
        votes.MapGet("", GetAsync).WithName("GetVote");
        votes.MapPost("/cancel", CancelAsync).WithName("CancelVote");
        votes.MapPost("/ballots", CastBallot.HandleAsync).WithName("CastBallot")
            .WithSummary("Cast the party's ballot; the Idempotency-Key header is the voter's secret ballot key");
        votes.MapGet("/my-status", MyStatusAsync).WithName("MyVotingStatus");
        votes.MapGet("/participants", ParticipantsAsync).WithName("ListParticipants").WithSummary("Who took part (public)");
        votes.MapGet("/non-voters", NonVotersAsync).WithName("ListNonVoters").WithSummary("Parties that have not voted yet (for reminders)");
        votes.MapNonVoterDownload();
        votes.MapGet("/receipts/{receipt}", CheckReceiptAsync).WithName("CheckReceipt");
        votes.MapGet("/record", RecordAsync).WithName("GetVoteRecord").WithSummary("The published record of a closed vote");
        votes.MapPost("/paper-ballots", PaperBallots.EnterAsync).WithName("EnterPaperBallot");
        votes.MapGet("/paper-ballots", PaperBallots.ListAsync).WithName("ListPaperBallots");
        votes.MapPost("/proxies", Proxies.RequestAsync).WithName("RequestProxy")
            .WithSummary("Upload a written proxy (PDF or image body) for ?partyId=&proxyUserId=").Accepts<byte[]>("application/pdf", "image/png", "image/jpeg");
        votes.MapGet("/proxies", Proxies.ListAsync).WithName("ListProxies");

        api.MapPost("/paper-ballots/{entryId:guid}/confirm", PaperBallots.ConfirmAsync).WithTags("Voting").WithName("ConfirmPaperBallot");
        var proxies = api.MapGroup("/proxies/{id:guid}").WithTags("Voting");
        proxies.MapGet("/document", Proxies.DocumentAsync).WithName("GetProxyDocument");
        proxies.MapPost("/approve", Proxies.ApproveAsync).WithName("ApproveProxy");
        proxies.MapPost("/reject", Proxies.RejectAsync).WithName("RejectProxy");
        proxies.MapPost("/withdraw", Proxies.WithdrawAsync).WithName("WithdrawProxy");
        return api;
    }

    private static async Task<Ok<Page<VoteView>>> ListAsync(Guid communityId, VoteState? state, [AsParameters] PageRequest page,
        Access access, AppDbContext db, CancellationToken ct)
    {
        await access.RequireAsync(communityId, Permission.ViewCommunity, ct);
        var query = db.Votes.AsNoTracking().Include(v => v.Candidates).Where(v => v.CommunityId == communityId);
        if (state is not null)
            query = query.Where(v => v.State == state);
        var result = await query.OrderByDescending(v => v.OpensAt).ToPageAsync(page, ct);
        return TypedResults.Ok(new Page<VoteView>(result.Items.Select(v => VoteViews.View(v, null)).ToList(), result.PageNumber,
            result.PageSize, result.Total));
    }

    private static async Task<Ok<VoteView>> GetAsync(Guid voteId, Access access, AppDbContext db, CancellationToken ct)
    {
        var vote = await VotingAccess.FindVisibleAsync(db, access, voteId, ct);
        var tally = vote.State is VoteState.Open or VoteState.Closed ? await TallyStore.ReadAsync(db, voteId, ct) : null;
        return TypedResults.Ok(VoteViews.View(vote, tally));
    }

    private static async Task<Ok<VoteView>> CancelAsync(Guid voteId, Access access, AppDbContext db, EventOutbox outbox,
        CancellationToken ct)
    {
        var vote = await VotingAccess.FindVisibleAsync(db, access, voteId, ct, Permission.ConveneVotes, tracked: true);
        vote.Cancel();
        outbox.Add("vote.cancelled", Audience.Community(vote.CommunityId), new { voteId });
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(VoteViews.View(vote, null));
    }

    private static async Task<Ok<List<MyVotingParty>>> MyStatusAsync(Guid voteId, Access access, AppDbContext db, CancellationToken ct)
    {
        var vote = await VotingAccess.FindVisibleAsync(db, access, voteId, ct);
        var own = (await OpenVotes.OwnPartiesAsync(db, vote.Id, access.UserId, ct)).Select(p => (p, AsProxy: false));
        var proxied = (await VotingAccess.ProxiedPartiesAsync(db, access.UserId, vote.Id, ct)).Select(p => (p, AsProxy: true));
        var parties = own.Concat(proxied).ToList();
        var ids = parties.Select(x => x.p.OwnerPartyId).ToList();
        var taken = await db.Participations.AsNoTracking().Where(p => p.VoteId == voteId && ids.Contains(p.OwnerPartyId))
            .ToDictionaryAsync(p => p.OwnerPartyId, p => p.Channel, ct);
        var standing = await db.ProxyAuthorizations.AsNoTracking()
            .Where(p => p.VoteId == voteId && ids.Contains(p.OwnerPartyId) && p.Status == ProxyStatus.Approved)
            .ToDictionaryAsync(p => p.OwnerPartyId, p => p.Id, ct);
        return TypedResults.Ok(parties.Select(x => new MyVotingParty(x.p.OwnerPartyId, x.p.Name, x.p.AreaHundredths, x.AsProxy,
            taken.ContainsKey(x.p.OwnerPartyId), taken.TryGetValue(x.p.OwnerPartyId, out var c) ? c : null,
            x.AsProxy ? null : standing.TryGetValue(x.p.OwnerPartyId, out var proxyId) ? proxyId : null)).ToList());
    }

    private static async Task<Ok<Page<Participant>>> ParticipantsAsync(Guid voteId, [AsParameters] PageRequest page, Access access,
        AppDbContext db, CancellationToken ct)
    {
        await VotingAccess.FindVisibleAsync(db, access, voteId, ct);
        return TypedResults.Ok(await (
            from p in db.Participations.AsNoTracking()
            where p.VoteId == voteId
            join r in db.ElectorateParties on new { p.VoteId, p.OwnerPartyId } equals new { r.VoteId, r.OwnerPartyId }
            orderby r.Name, r.OwnerPartyId
            select new Participant(p.OwnerPartyId, r.Name, p.Channel, p.Replacements)).ToPageAsync(page, ct));
    }

    private static async Task<Ok<Page<RollEntry>>> NonVotersAsync(Guid voteId, [AsParameters] PageRequest page, Access access,
        AppDbContext db, CancellationToken ct)
    {
        await VotingAccess.FindVisibleAsync(db, access, voteId, ct, Permission.ConveneVotes);
        return TypedResults.Ok(await db.ElectorateParties.AsNoTracking()
            .Where(r => r.VoteId == voteId && !db.Participations.Any(p => p.VoteId == voteId && p.OwnerPartyId == r.OwnerPartyId))
            .OrderBy(r => r.Name).ThenBy(r => r.OwnerPartyId)
            .Select(r => new RollEntry(r.OwnerPartyId, r.Name, r.AreaHundredths, r.Units)).ToPageAsync(page, ct));
    }

    private static async Task<Ok<ReceiptCheck>> CheckReceiptAsync(Guid voteId, string receipt, Access access, AppDbContext db,
        CancellationToken ct)
    {
        var vote = await VotingAccess.FindVisibleAsync(db, access, voteId, ct);
        var ballot = await db.Ballots.AsNoTracking().SingleOrDefaultAsync(b => b.VoteId == voteId && b.ReceiptHash == receipt, ct);
        if (ballot is null)
            return TypedResults.Ok(new ReceiptCheck(receipt, false, null, null, null, null, false));
        var replaced = await db.Ballots.AnyAsync(b => b.SupersedesBallotId == ballot.Id, ct);
        var named = vote.Secrecy == Secrecy.Named;
        return TypedResults.Ok(new ReceiptCheck(receipt, true, ballot.ChainIndex, ballot.LinkHash, named ? ballot.ChoiceCode : null,
            named ? ballot.AreaHundredths : null, !replaced));
    }

    private static async Task<Ok<VoteRecord>> RecordAsync(Guid voteId, Access access, AppDbContext db, CancellationToken ct)
    {
        var vote = await VotingAccess.FindVisibleAsync(db, access, voteId, ct);
        if (vote.State != VoteState.Closed)
            throw new DomainRuleViolation("vote_not_closed", "投票结束后才公布完整记录", StatusCodes.Status409Conflict);
        return TypedResults.Ok(await VoteRecords.BuildAsync(db, vote, await TallyStore.ReadAsync(db, voteId, ct), ct));
    }

    private static async Task<Ok<VotingSettingsView>> GetSettingsAsync(Guid communityId, Access access, AppDbContext db,
        CancellationToken ct)
    {
        await access.RequireAsync(communityId, Permission.ViewCommunity, ct);
        var s = await db.VotingSettings.AsNoTracking().SingleOrDefaultAsync(x => x.CommunityId == communityId, ct)
            ?? new VotingSettings(communityId);
        return TypedResults.Ok(new VotingSettingsView(communityId, s.LastBallotWins, s.ResultPublicityDays, s.SilenceCountsAsConsent));
    }

    private static async Task<Ok<VotingSettingsView>> ChangeSettingsAsync(Guid communityId, ChangeVotingSettings request,
        Access access, AppDbContext db, CancellationToken ct)
    {
        await access.RequireAsync(communityId, Permission.ManageVotingSettings, ct);
        var s = await db.VotingSettings.SingleOrDefaultAsync(x => x.CommunityId == communityId, ct);
        if (s is null)
        {
            s = new VotingSettings(communityId);
            db.VotingSettings.Add(s);
        }
        s.Change(request.LastBallotWins, request.ResultPublicityDays, request.SilenceCountsAsConsent);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new VotingSettingsView(communityId, s.LastBallotWins, s.ResultPublicityDays, s.SilenceCountsAsConsent));
    }
}
