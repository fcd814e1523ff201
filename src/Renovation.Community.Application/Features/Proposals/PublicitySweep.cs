using Microsoft.EntityFrameworkCore;
using Quartz;
using Renovation.Community.Application.Common.Events;
using Renovation.Community.Application.Data;
using Renovation.Community.Application.Features.Projects;
using Renovation.Community.Application.Common.Authorization;

namespace Renovation.Community.Application.Features.Proposals;

/// <summary>
/// Moves publicity by the clock: scheduled → in publicity at the start, in publicity → ready for vote (or awaiting
/// answers while an objection is unanswered) at the end, awaiting answers → ready for vote once all are answered.
/// It asks the database what is due, so a restart loses nothing, and a second run finds nothing left to do. Each plan
/// is saved on its own: another node moving the same plan first makes this one's save fail on the version token,
/// and that plan is simply left to the winner.
/// </summary>
[DisallowConcurrentExecution]
public sealed class PublicitySweep(IServiceScopeFactory scopes, TimeProvider clock, ILogger<PublicitySweep> logger) : IJob
{
    private const int BatchSize = 200;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        // The audit log names the job as the actor of what it changes.
        using var actor = JobActor.Run(context.JobDetail.Key.Name);
        var now = clock.GetUtcNow();
        foreach (var planId in await DuePlansAsync(now, ct))
        {
            try
            {
                await MoveAsync(planId, now, ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                logger.LogInformation("Plan {PlanId} was moved concurrently; leaving it", planId);
            }
        }
    }

    private async Task<List<Guid>> DuePlansAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Plans.AsNoTracking()
            .Where(p => (p.State == PlanState.PublicityScheduled && p.PublicityStartsAt <= now)
                || (p.State == PlanState.InPublicity && p.PublicityEndsAt <= now)
                || (p.State == PlanState.AwaitingAnswers && !db.PublicityComments.Any(c => c.PlanId == p.Id
                    && c.Kind == CommentKind.Objection && c.Moderation != Moderation.Rejected && c.AnsweredAt == null)))
            .OrderBy(p => p.Id).Select(p => p.Id).Take(BatchSize).ToListAsync(ct);
    }

    private async Task MoveAsync(Guid planId, DateTimeOffset now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<EventOutbox>();
        var plan = await db.Plans.SingleAsync(p => p.Id == planId, ct);
        var unanswered = await db.UnansweredObjectionsAsync(planId, ct);

        // A clock that jumped past both ends (a node down for the whole period) takes every due step in one go.
        if (plan.OpenPublicityIfDue(now))
            Emit(outbox, "plan.publicity_opened", plan, unanswered);
        if (plan.ClosePublicityIfDue(unanswered, now))
            Emit(outbox, plan.State == PlanState.AwaitingAnswers ? "plan.publicity_awaiting_answers" : "plan.ready_for_vote",
                plan, unanswered);
        else if (plan.FinishIfAllAnswered(unanswered, now))
            Emit(outbox, "plan.ready_for_vote", plan, unanswered);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Plan {PlanId} publicity is now {State}", planId, plan.State);
    }

    private static void Emit(EventOutbox outbox, string kind, PlanVersion plan, int unansweredObjections) =>
        outbox.Publish(kind, plan.CommunityId, plan.StreetId, new
        {
            planId = plan.Id,
            projectId = plan.ProjectId,
            state = plan.State,
            endsAt = plan.PublicityEndsAt,
            unansweredObjections,
        });
}
