using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Events;
using Renovation.Community.Application.Common.Paging;
using Renovation.Community.Application.Common.Validation;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Meetings;

public sealed record StartMeetingCallRequest(string Reason) : IValidatable
{
    public void Validate(Validator v) => v.Text(Reason, "reason", "提议事由", MeetingLimits.Description);
}

/// <summary>A third of the members calling for a committee meeting; each member's call counts once.</summary>
public static class MeetingCalls
{
    public static async Task<Created<MeetingCallView>> StartAsync(Guid communityId, StartMeetingCallRequest request, Access access,
        AppDbContext db, EventOutbox outbox, TimeProvider clock, IOptions<MeetingsOptions> options, CancellationToken ct)
    {
        await access.RequireAsync(communityId, Permission.SitOnCommittee, ct);
        var now = clock.GetUtcNow();
        var members = await MeetingsAccess.CommitteeAsync(db, communityId, ct);
        var call = new CommitteeMeetingCall(communityId, request.Reason, members.Count, access.UserId, now);
        db.CommitteeMeetingCalls.Add(call);
        db.CommitteeMeetingCallSignatures.Add(new MeetingCallSignature(call.Id, access.UserId, now));
        // A committee of one or two: the starter alone may already be a third.
        if (call.Reach(1, options.Value.CalledMeetingWithinDays, now))
            Reached(outbox, call);
        outbox.Add("committee_meeting_call.started", MeetingsAccess.Chair(communityId), new { callId = call.Id, call.Reason });
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/committee-meeting-calls/{call.Id}", await ViewAsync(db, call, now, ct));
    }

    public static async Task<Ok<MeetingCallView>> SignAsync(Guid callId, Access access, AppDbContext db, EventOutbox outbox,
        TimeProvider clock, IOptions<MeetingsOptions> options, CancellationToken ct)
    {
        var call = await db.CommitteeMeetingCalls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == callId, ct) ?? throw NotFound();
        await access.RequireAsync(call.CommunityId, Permission.SitOnCommittee, ct, NotFound);
        var userId = access.UserId;
        if (await db.CommitteeMeetingCallSignatures.AnyAsync(s => s.CallId == callId && s.UserId == userId, ct))
            throw MeetingCallSignature.Exists();
        var now = clock.GetUtcNow();
        db.CommitteeMeetingCallSignatures.Add(new MeetingCallSignature(callId, userId, now));
        await db.SaveOrAnswerAsync(MeetingCallSignature.Exists, ct);

        // Whoever commits the signature that makes a third records the obligation; a racing signer that loses the
        // token finds it already recorded.
        db.ChangeTracker.Clear();
        var tracked = await db.CommitteeMeetingCalls.SingleAsync(c => c.Id == callId, ct);
        var signatures = await db.CommitteeMeetingCallSignatures.CountAsync(s => s.CallId == callId, ct);
        if (tracked.Reach(signatures, options.Value.CalledMeetingWithinDays, now))
        {
            Reached(outbox, tracked);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                tracked = await db.CommitteeMeetingCalls.AsNoTracking().SingleAsync(c => c.Id == callId, ct);
            }
        }
        return TypedResults.Ok(await ViewAsync(db, tracked, now, ct));
    }

    public static async Task<Ok<Page<MeetingCallView>>> ListAsync(Guid communityId, [AsParameters] PageRequest page, Access access,
        AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        await access.RequireAsync(communityId, Permission.ReadCommitteeMeetings, ct);
        var result = await db.CommitteeMeetingCalls.AsNoTracking().Where(c => c.CommunityId == communityId)
            .OrderByDescending(c => c.CreatedAt).ThenBy(c => c.Id).ToPageAsync(page, ct);
        var now = clock.GetUtcNow();
        var views = new List<MeetingCallView>();
        foreach (var call in result.Items)
            views.Add(await ViewAsync(db, call, now, ct));
        return TypedResults.Ok(new Page<MeetingCallView>(views, result.PageNumber, result.PageSize, result.Total));
    }

    private static void Reached(EventOutbox outbox, CommitteeMeetingCall call) =>
        outbox.Add("committee_meeting_call.reached", MeetingsAccess.Chair(call.CommunityId),
            new { callId = call.Id, call.HoldBy });

    /// <summary>
    /// Overdue: a third called and no meeting was convened on the call within the days allowed. The obligation is met
    /// by convening (the agenda's own notice period then runs), because a meeting both announced 7 days ahead and held
    /// within 7 days of the call could only be convened in the very minute the call reached a third.
    /// </summary>
    public static bool Overdue(CommitteeMeetingCall call, DateTimeOffset now) =>
        call.HoldBy is { } holdBy && holdBy <= now && call.MeetingId is null;

    private static async Task<MeetingCallView> ViewAsync(AppDbContext db, CommitteeMeetingCall call, DateTimeOffset now, CancellationToken ct)
    {
        var signatures = await db.CommitteeMeetingCallSignatures.CountAsync(s => s.CallId == call.Id, ct);
        return new MeetingCallView(call.Id, call.CommunityId, call.Reason, call.MemberCount, signatures, call.ReachedAt is not null,
            call.ReachedAt, call.HoldBy, call.MeetingId, Overdue(call, now));
    }

    private static AppProblem NotFound() => AppProblem.NotFound("call_not_found", "会议提议不存在或不在您的范围内");
}
