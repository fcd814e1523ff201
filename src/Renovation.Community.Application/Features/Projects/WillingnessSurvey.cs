using RequiredAttribute = System.ComponentModel.DataAnnotations.RequiredAttribute;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Events;
using Renovation.Community.Application.Common.Validation;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Projects;

public sealed record AnswerSurvey([property: Required] bool? Consents) : IValidatable
{
    public void Validate(Validator v)
    {
        if (Consents is null)
            v.Add("consents", "请选择是否同意改造");
    }
}

/// <summary>
/// The willingness survey (改造意愿调查): one answer per household (unit), given by a resident bound to the unit.
/// The answer is a PUT on the unit's answer: sending it again is harmless, sending a different one replaces it.
/// </summary>
public static class WillingnessSurvey
{
    public static async Task<Ok<SurveyAnswerView>> AnswerAsync(Guid id, Guid unitId, AnswerSurvey request, Access access,
        AppDbContext db, EventOutbox outbox, TimeProvider clock, CancellationToken ct)
    {
        var project = await db.LoadProjectAsync(id, access, ct);
        var unit = (await access.UnitsInAsync(project.CommunityId, ct)).FirstOrDefault(u => u.UnitId == unitId)
            ?? throw new AppProblem(StatusCodes.Status403Forbidden, "unit_not_bound", "您未绑定该房屋，不能代表该户填写意愿调查");
        project.EnsureSurveyOpen();

        var now = clock.GetUtcNow();
        var consents = request.Consents!.Value;
        var answer = await db.SurveyAnswers.SingleOrDefaultAsync(a => a.ProjectId == id && a.UnitId == unitId, ct);
        if (answer is null)
        {
            answer = new SurveyAnswer(id, unitId, unit.OwnerPartyId, consents, access.UserId, now);
            db.SurveyAnswers.Add(answer);
        }
        else if (!answer.Replace(consents, access.UserId, now))
        {
            return TypedResults.Ok(new SurveyAnswerView(id, unitId, answer.Consents, answer.AnsweredAt));
        }
        outbox.Add("project.survey_answered", Audience.Unit(unitId), new { projectId = id, unitId, consents });
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new SurveyAnswerView(id, unitId, answer.Consents, answer.AnsweredAt));
    }

    /// <summary>The caller's units in the project's community with their answers (null: not answered yet).</summary>
    public static async Task<Ok<List<SurveyAnswerView>>> MineAsync(Guid id, Access access, AppDbContext db, CancellationToken ct)
    {
        var project = await db.LoadProjectAsync(id, access, ct);
        var units = (await access.UnitsInAsync(project.CommunityId, ct)).Select(u => u.UnitId).ToList();
        var answers = await db.SurveyAnswers.AsNoTracking().Where(a => a.ProjectId == id && units.Contains(a.UnitId))
            .ToDictionaryAsync(a => a.UnitId, ct);
        return TypedResults.Ok(units.Select(u => answers.TryGetValue(u, out var a)
            ? new SurveyAnswerView(id, u, a.Consents, a.AnsweredAt)
            : new SurveyAnswerView(id, u, null, null)).ToList());
    }
}
