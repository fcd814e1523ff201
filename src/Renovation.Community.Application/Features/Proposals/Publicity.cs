using RequiredAttribute = System.ComponentModel.DataAnnotations.RequiredAttribute;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Concurrency;
using Renovation.Community.Application.Common.Events;
using Renovation.Community.Application.Common.Validation;
using Renovation.Community.Application.Data;
using Renovation.Community.Application.Features.Projects;

namespace Renovation.Community.Application.Features.Proposals;

public sealed record SchedulePublicity([property: Required] DateTimeOffset? StartsAt, [property: Required] DateTimeOffset? EndsAt, int? ExpectedVersion) : IValidatable
{
    public void Validate(Validator v)
    {
        if (StartsAt is null)
            v.Add("startsAt", "请填写公示开始时间");
        if (EndsAt is null)
            v.Add("endsAt", "请填写公示结束时间");
        else if (StartsAt is not null && EndsAt <= StartsAt)
            v.Add("endsAt", "公示结束时间须晚于开始时间");
    }
}

/// <summary>
/// Publicity (公示): the convener sets the period of an approved plan; <see cref="PublicitySweep"/> opens and closes it
/// by the clock, so nothing depends on a timer surviving a restart.
/// </summary>
public static class Publicity
{
    public static async Task<Ok<PlanView>> ScheduleAsync(Guid id, SchedulePublicity request, Access access, AppDbContext db,
        EventOutbox outbox, IOptions<ProjectsOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var plan = await db.LoadPlanAsync(id, access, ct, Permission.ConveneRenovation);
        db.ExpectVersion(plan, request.ExpectedVersion, p => p.Version);
        if (!plan.SchedulePublicity(request.StartsAt!.Value, request.EndsAt!.Value, options.Value.MinPublicityDays, clock.GetUtcNow()))
            return TypedResults.Ok(await db.ViewOfAsync(plan, ct));
        outbox.Publish("plan.publicity_scheduled", plan.CommunityId, plan.StreetId,
            new { planId = plan.Id, projectId = plan.ProjectId, startsAt = plan.PublicityStartsAt, endsAt = plan.PublicityEndsAt });
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await db.ViewOfAsync(plan, ct));
    }
}
