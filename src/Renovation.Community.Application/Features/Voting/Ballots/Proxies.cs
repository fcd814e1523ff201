using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Events;
using Renovation.Community.Application.Common.Files;
using Renovation.Community.Application.Common.Validation;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Voting;

public sealed record RejectProxyRequest(string Reason) : IValidatable
{
    public void Validate(Validator v) => v.Text(Reason, "reason", "驳回理由", 200);
}

public sealed record ProxyView(Guid Id, Guid VoteId, Guid PartyId, Guid GrantorUserId, Guid ProxyUserId, ProxyStatus Status,
    DateTimeOffset RequestedAt, DateTimeOffset? DecidedAt, string? RejectionReason)
{
    public static ProxyView From(ProxyAuthorization p) => new(p.Id, p.VoteId, p.OwnerPartyId, p.GrantorUserId, p.ProxyUserId,
        p.Status, p.RequestedAt, p.DecidedAt, p.RejectionReason);
}

/// <summary>
/// Written proxies (委托书): an owner uploads the signed authorisation (PDF or image, checked by its bytes), the
/// convener approves or rejects it, and an approved proxy then casts the party's ballot. While an approved proxy
/// stands the owner does not vote; the owner may withdraw it first (pending or approved).
/// </summary>
public static class Proxies
{
    public static async Task<Created<ProxyView>> RequestAsync(Guid voteId, Guid partyId, Guid proxyUserId, HttpRequest http,
        Access access, AppDbContext db, IFileStore files, EventOutbox outbox, TimeProvider clock, IOptions<VotingOptions> options,
        CancellationToken ct)
    {
        var vote = await VotingAccess.FindVisibleAsync(db, access, voteId, ct);
        if (vote.State is VoteState.Closed or VoteState.Cancelled || clock.GetUtcNow() >= vote.ClosesAt)
            throw new DomainRuleViolation("vote_not_open", "投票已结束，不能再委托", StatusCodes.Status409Conflict);
        if (!await OwnsPartyAsync(db, access, vote, partyId, ct))
            throw AppProblem.Forbidden("只有该户已绑定的业主可以委托他人投票");
        if (!await db.Users.AnyAsync(u => u.Id == proxyUserId, ct))
            throw AppProblem.NotFound("user_not_found", "受托人不存在，请让受托人先登录小程序");
        ProxyAuthorization.EnsureNotSelf(access.UserId, proxyUserId);
        if (await db.ProxyAuthorizations.AnyAsync(p => p.VoteId == voteId && p.OwnerPartyId == partyId
                && (p.Status == ProxyStatus.Pending || p.Status == ProxyStatus.Approved), ct))
            throw ProxyAuthorization.Exists();

        var document = await ReadDocumentAsync(http, options.Value.MaxProxyDocumentBytes, ct);
        var stored = await files.SaveAsync(document.Content, ct);
        var proxy = new ProxyAuthorization(voteId, partyId, access.UserId, proxyUserId, stored.Key, document.Type.ContentType,
            clock.GetUtcNow());
        db.ProxyAuthorizations.Add(proxy);
        outbox.Add("proxy.requested", Audience.Community(vote.CommunityId), new { proxyId = proxy.Id, voteId });
        await db.SaveOrAnswerAsync(ProxyAuthorization.Exists, ct);
        return TypedResults.Created($"/api/v1/proxies/{proxy.Id}", ProxyView.From(proxy));
    }

    public static async Task<Ok<List<ProxyView>>> ListAsync(Guid voteId, Access access, AppDbContext db, CancellationToken ct)
    {
        await VotingAccess.FindVisibleAsync(db, access, voteId, ct, Permission.ConveneVotes);
        var proxies = await db.ProxyAuthorizations.AsNoTracking().Where(p => p.VoteId == voteId).OrderBy(p => p.RequestedAt).ToListAsync(ct);
        return TypedResults.Ok(proxies.Select(ProxyView.From).ToList());
    }

    public static async Task<IResult> DocumentAsync(Guid id, Access access, AppDbContext db, IFileStore files, CancellationToken ct)
    {
        var proxy = await FindAsync(db, id, ct);
        if (proxy.GrantorUserId != access.UserId)
            await VotingAccess.FindVisibleAsync(db, access, proxy.VoteId, ct, Permission.ConveneVotes);
        var stream = await files.OpenReadAsync(proxy.DocumentKey, ct)
            ?? throw AppProblem.NotFound("proxy_document_missing", "委托书文件不存在");
        return TypedResults.Stream(stream, proxy.DocumentContentType);
    }

    public static async Task<Ok<ProxyView>> ApproveAsync(Guid id, Access access, AppDbContext db, EventOutbox outbox,
        TimeProvider clock, CancellationToken ct)
    {
        var proxy = await FindAsync(db, id, ct);
        await VotingAccess.FindVisibleAsync(db, access, proxy.VoteId, ct, Permission.ConveneVotes);
        proxy.Approve(access.UserId, clock.GetUtcNow());
        outbox.Add("proxy.approved", Audience.User(proxy.ProxyUserId), new { proxyId = id, proxy.VoteId, partyId = proxy.OwnerPartyId });
        outbox.Add("proxy.approved", Audience.User(proxy.GrantorUserId), new { proxyId = id, proxy.VoteId, partyId = proxy.OwnerPartyId });
        await db.SaveOrAnswerAsync(ProxyAuthorization.AlreadyDecided, ct);
        return TypedResults.Ok(ProxyView.From(proxy));
    }

    public static async Task<Ok<ProxyView>> RejectAsync(Guid id, RejectProxyRequest request, Access access, AppDbContext db,
        EventOutbox outbox, TimeProvider clock, CancellationToken ct)
    {
        var proxy = await FindAsync(db, id, ct);
        await VotingAccess.FindVisibleAsync(db, access, proxy.VoteId, ct, Permission.ConveneVotes);
        proxy.Reject(access.UserId, request.Reason, clock.GetUtcNow());
        outbox.Add("proxy.rejected", Audience.User(proxy.GrantorUserId), new { proxyId = id, proxy.VoteId, reason = proxy.RejectionReason });
        await db.SaveOrAnswerAsync(ProxyAuthorization.AlreadyDecided, ct);
        return TypedResults.Ok(ProxyView.From(proxy));
    }

    /// <summary>An owner of the party takes the proxy back (the rule book: then, and only then, the owner votes).</summary>
    public static async Task<Ok<ProxyView>> WithdrawAsync(Guid id, Access access, AppDbContext db, EventOutbox outbox,
        CancellationToken ct)
    {
        var proxy = await FindAsync(db, id, ct);
        var vote = await VotingAccess.FindVisibleAsync(db, access, proxy.VoteId, ct);
        if (proxy.GrantorUserId != access.UserId && !await OwnsPartyAsync(db, access, vote, proxy.OwnerPartyId, ct))
            throw AppProblem.Forbidden("只有该户已绑定的业主可以撤回委托");
        proxy.Withdraw();
        outbox.Add("proxy.withdrawn", Audience.User(proxy.ProxyUserId), new { proxyId = id, proxy.VoteId, partyId = proxy.OwnerPartyId });
        outbox.Add("proxy.withdrawn", Audience.Community(vote.CommunityId), new { proxyId = id, proxy.VoteId });
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ProxyView.From(proxy));
    }

    private static async Task<ProxyAuthorization> FindAsync(AppDbContext db, Guid id, CancellationToken ct) =>
        await db.ProxyAuthorizations.SingleOrDefaultAsync(p => p.Id == id, ct)
        ?? throw AppProblem.NotFound("proxy_not_found", "委托不存在");

    /// <summary>Before opening the roll is not frozen yet, so the current register decides; after, the frozen roll.</summary>
    private static async Task<bool> OwnsPartyAsync(AppDbContext db, Access access, Vote vote, Guid partyId, CancellationToken ct)
    {
        var scope = await access.ScopeAsync(ct);
        if (vote.State == VoteState.Open)
            return (await OpenVotes.OwnPartiesAsync(db, vote.Id, access.UserId, ct)).Any(p => p.OwnerPartyId == partyId);
        return scope.Units.Any(u => u.OwnerPartyId == partyId && u.CommunityId == vote.CommunityId);
    }

    private sealed record Document(MemoryStream Content, DetectedType Type);

    private static async Task<Document> ReadDocumentAsync(HttpRequest http, int maxBytes, CancellationToken ct)
    {
        if (http.ContentLength > maxBytes)
            throw new AppProblem(StatusCodes.Status413PayloadTooLarge, "payload_too_large", $"委托书不能超过 {maxBytes / 1024 / 1024} MB");
        if (http.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = maxBytes;
        var content = new MemoryStream();
        await http.Body.CopyToAsync(content, ct);
        var type = FileSignature.Detect(content.GetBuffer().AsSpan(0, (int)Math.Min(content.Length, FileSignature.BytesNeeded)))
            ?? throw new AppProblem(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type", "委托书须为 PDF 或图片（PNG、JPEG、WebP）");
        content.Position = 0;
        return new Document(content, type);
    }
}
