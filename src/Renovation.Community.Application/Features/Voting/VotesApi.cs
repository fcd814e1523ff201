using Renovation.Community.Application.Extensions;
using Microsoft.Extensions.Options;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Events;
using Renovation.Community.Application.Common.Paging;
using Renovation.Community.Application.Common.Validation;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Voting;

/// <summary><c>minimumNoticeDays</c>: the notice this community's votes need (never below <c>legalMinimumNoticeDays</c>).</summary>
public sealed record VotingSettingsView(Guid CommunityId, bool LastBallotWins, int ResultPublicityDays, bool SilenceCountsAsConsent,
    int MinimumNoticeDays, int LegalMinimumNoticeDays)
{
    public static VotingSettingsView Of(VotingSettings s, int legalMinimum) => new(s.CommunityId, s.LastBallotWins,
        s.ResultPublicityDays, s.SilenceCountsAsConsent, s.NoticeDays(legalMinimum), legalMinimum);
}

/// <summary>
/// Unknown fields are refused (400), not ignored; <c>minimumNoticeDays</c> (optional) may lengthen the notice, never
/// shorten it below the legal minimum (422 <c>below_legal_minimum</c>).
/// </summary>
[System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
public sealed record ChangeVotingSettings(bool LastBallotWins, int ResultPublicityDays, bool SilenceCountsAsConsent,
    int? MinimumNoticeDays = null) : IValidatable
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
        community.MapPost("/votes", ConveneVote.HandleAsync).WithName("ConveneVote")
            .WithSummary("Convene an owners' vote (street officer)")
            .WithDescription("Convenes a vote (motion or election) on a matter of the owners' assembly, opening at least the community's notice period from now. planId is optional and ties the vote to a plan that finished publicity; seats is needed for elections only.");
        community.MapGet("/votes", ListAsync).WithName("ListVotes")
            .WithSummary("Votes of a community")
            .WithDescription("The votes of a community, optionally in one state, newest first. Paged.");
        community.MapGet("/voting-settings", GetSettingsAsync).WithName("GetVotingSettings")
            .WithSummary("Voting settings of a community")
            .WithDescription("Whether the last ballot wins, how long results are publicised and whether silence counts as consent.");
        community.MapPut("/voting-settings", ChangeSettingsAsync).WithName("ChangeVotingSettings").RetryWhenRaceLost()
            .WithSummary("Change the community's voting practice")
            .WithDescription("Committee chair or street officer. Every field is applied or refused, never ignored: unknown " +
                "fields are 400; minimumNoticeDays below the legal minimum (Voting:MinimumNoticeDays, 15) is 422 " +
                "below_legal_minimum naming the field and the minimum; silenceCountsAsConsent=true is 422 " +
                "silence_consent_unsupported; resultPublicityDays outside 1 to 90 is 400.");


        var votes = api.MapGroup("/votes/{voteId:guid}").WithTags("Voting");
        votes.MapGet("", GetAsync).WithName("GetVote")
            .WithSummary("One vote")
            .WithDescription("A vote with its matter, times, thresholds and state; counts only when the vote shows them before closing or after it closed.");
        votes.MapPost("/cancel", CancelAsync).WithName("CancelVote").RetryWhenRaceLost()
            .WithSummary("Cancel a vote before it opens")
            .WithDescription("Cancels a scheduled vote. Once it has opened it cannot be cancelled (409 vote_cannot_cancel).");
        votes.MapPost("/ballots", CastBallot.HandleAsync).WithName("CastBallot")
            .DeclaresHeader(CastBallot.KeyHeader, required: true,
                "The voter's secret ballot key: 16 to 128 random letters, digits, '-' or '_', made and kept on the device. A retry with the same key returns the first receipt.")
            .WithRequestExample("""{"choice":"Agree"}""")
            .WithSummary("Cast the party's ballot; the Idempotency-Key header is the voter's secret ballot key")
            .WithDescription("Casts the ballot of one of the caller's owner parties (partyId is optional when the caller acts for one party only), as the owner or as an approved proxy. The Idempotency-Key header is required: a random secret of 16 to 128 characters that only the voter keeps; it makes retries return the first receipt and lets the voter check the ballot later. replacesKey is optional and only used where the last ballot wins.");
        votes.MapGet("/my-status", MyStatusAsync).WithName("MyVotingStatus")
            .WithSummary("My parties in a vote")
            .WithDescription("For each owner party the caller may vote for (as owner or proxy): whether it has voted, by which channel, and any standing proxy.");
        votes.MapGet("/participants", ParticipantsAsync).WithName("ListParticipants")
            .WithSummary("Who took part (public)")
            .WithDescription("Which owner parties took part, with their area, so anyone can check the head count and area totals; not how they voted in a secret vote.");
        votes.MapGet("/non-voters", NonVotersAsync).WithName("ListNonVoters")
            .WithSummary("Parties that have not voted yet (for reminders)")
            .WithDescription("Owner parties that have not voted yet, for the committee's reminders.");
        votes.MapNonVoterDownload();
        votes.MapGet("/receipts/{receipt}", CheckReceiptAsync).WithName("CheckReceipt")
            .WithSummary("Check a ballot receipt")
            .WithDescription("Says whether a ballot with this receipt was counted and whether a later ballot replaced it, so a voter can check their ballot with the receipt.");
        votes.MapGet("/record", RecordAsync).WithName("GetVoteRecord")
            .WithSummary("The published record of a closed vote")
            .WithDescription("The published record of a closed vote: totals by head count and by area, the result and the ballot list that lets anyone recompute the totals.");
        votes.MapPost("/paper-ballots", PaperBallots.EnterAsync).WithName("EnterPaperBallot").RetryWhenRaceLost()
            .WithSummary("Enter a paper ballot (first reading)")
            .WithDescription("A committee member enters a paper ballot for an owner party; it counts only after a second member confirms the same reading. correctsEntryId is optional and names a confirmed entry this one corrects (one correction per entry, 409 correction_exists).");
        votes.MapGet("/paper-ballots", PaperBallots.ListAsync).WithName("ListPaperBallots")
            .WithSummary("Paper ballot entries")
            .WithDescription("Paper ballot entries of a vote, optionally in one state, for the committee. Paged.");
        votes.MapPost("/proxies", Proxies.RequestAsync).WithName("RequestProxy")
            .WithSummary("Upload a written proxy (PDF or image body) for ?partyId=&proxyUserId=")
            .WithDescription("Files a written proxy: the body is the signed document (application/pdf, image/png or image/jpeg), the query names partyId and proxyUserId. One proxy per party may stand (409 proxy_exists); the street approves it.").Accepts<byte[]>("application/pdf", "image/png", "image/jpeg");
        votes.MapGet("/proxies", Proxies.ListAsync).WithName("ListProxies")
            .WithSummary("Proxies of a vote")
            .WithDescription("Written proxies filed for a vote with their state, for the staff who decide them.");

        api.MapPost("/paper-ballots/{entryId:guid}/confirm", PaperBallots.ConfirmAsync).WithTags("Voting").WithName("ConfirmPaperBallot")
            .WithSummary("Confirm a paper ballot (second reading)")
            .WithDescription("A second committee member enters the same choice again; the ballot is then cast. A different choice answers 409 paper_entry_mismatch, the same member 422 paper_entry_same_member, a second confirmation 409 paper_entry_already_confirmed. replacesReceiptCode is optional.");
        var proxies = api.MapGroup("/proxies/{id:guid}").WithTags("Voting");
        proxies.MapGet("/document", Proxies.DocumentAsync).WithName("GetProxyDocument")
            .WithSummary("Download a proxy document")
            .WithDescription("The signed proxy document, for the staff who decide it and the owner who filed it.");
        proxies.MapPost("/approve", Proxies.ApproveAsync).WithName("ApproveProxy")
            .WithSummary("Approve a written proxy (street officer)")
            .WithDescription("Approves a proxy: the proxy may then vote for the party, and the owner does not vote while it stands. 409 proxy_already_decided when already decided.");
        proxies.MapPost("/reject", Proxies.RejectAsync).WithName("RejectProxy")
            .WithSummary("Reject a written proxy (street officer)")
            .WithDescription("Rejects a pending proxy. 409 proxy_already_decided when already decided.");
        proxies.MapPost("/withdraw", Proxies.WithdrawAsync).WithName("WithdrawProxy")
            .WithSummary("Withdraw a proxy")
            .WithDescription("The owner who filed it (or who acts for the party) withdraws a proxy, so the owner may vote again.");
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
        // Turnout as the single view shows it, read for the whole page at once.
        var opened = result.Items.Where(v => v.State is VoteState.Open or VoteState.Closed).Select(v => v.Id).ToList();
        var tallies = await TallyStore.ReadManyAsync(db, opened, ct);
        return TypedResults.Ok(new Page<VoteView>(result.Items.Select(v => VoteViews.View(v, tallies.GetValueOrDefault(v.Id))).ToList(),
            result.PageNumber, result.PageSize, result.Total));
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
        IOptions<VotingOptions> options, CancellationToken ct)
    {
        await access.RequireAsync(communityId, Permission.ViewCommunity, ct);
        var s = await db.VotingSettings.AsNoTracking().SingleOrDefaultAsync(x => x.CommunityId == communityId, ct)
            ?? new VotingSettings(communityId);
        return TypedResults.Ok(VotingSettingsView.Of(s, options.Value.MinimumNoticeDays));
    }

    private static async Task<Ok<VotingSettingsView>> ChangeSettingsAsync(Guid communityId, ChangeVotingSettings request,
        Access access, AppDbContext db, IOptions<VotingOptions> options, CancellationToken ct)
    {
        await access.RequireAsync(communityId, Permission.ManageVotingSettings, ct);
        var s = await db.VotingSettings.SingleOrDefaultAsync(x => x.CommunityId == communityId, ct);
        if (s is null)
        {
            s = new VotingSettings(communityId);
            db.VotingSettings.Add(s);
        }
        s.Change(request.LastBallotWins, request.ResultPublicityDays, request.SilenceCountsAsConsent, request.MinimumNoticeDays,
            options.Value.MinimumNoticeDays);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(VotingSettingsView.Of(s, options.Value.MinimumNoticeDays));
    }
}
