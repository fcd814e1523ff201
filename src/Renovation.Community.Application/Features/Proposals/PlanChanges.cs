using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Proposals;

/// <summary>One changed field: <c>Before</c> null means added, <c>After</c> null means removed.</summary>
public sealed record FieldChange(string Field, string? Before, string? After);

public sealed record PlanChangesView(Guid FromPlanId, int FromNumber, Guid ToPlanId, int ToNumber, IReadOnlyList<FieldChange> Changes);

/// <summary>
/// What changed between two versions of a plan, field by field, so residents need not compare two long documents.
/// Cost lines are matched by name and attachments by file, because positions shift when a line is inserted.
/// </summary>
public static class PlanChanges
{
    public static async Task<Ok<PlanChangesView>> GetAsync(Guid id, Guid? from, Access access, AppDbContext db, CancellationToken ct)
    {
        var to = await db.LoadPlanAsync(id, access, ct);
        var fromId = from ?? to.PreviousVersionId
            ?? throw new DomainRuleViolation("no_previous_version", "这是方案的第一个版本，没有可比较的上一版本");
        var before = await db.LoadPlanAsync(fromId, access, ct);
        if (before.ProjectId != to.ProjectId)
            throw new DomainRuleViolation("plans_of_different_projects", "只能比较同一项目的方案版本");
        return TypedResults.Ok(new PlanChangesView(before.Id, before.Number, to.Id, to.Number, Compare(before.Content, to.Content)));
    }

    public static IReadOnlyList<FieldChange> Compare(PlanContent a, PlanContent b)
    {
        var changes = new List<FieldChange>();
        void Field(string name, string? x, string? y)
        {
            if (x != y)
                changes.Add(new FieldChange(name, x, y));
        }
        static string Fen(long fen) => fen.ToString(CultureInfo.InvariantCulture);

        Field("title", a.Title, b.Title);
        Field("design", a.Design, b.Design);
        Field("afterCare", a.AfterCare, b.AfterCare);

        var itemsA = a.CostItems.ToDictionary(i => i.Name, i => i.AmountFen);
        var itemsB = b.CostItems.ToDictionary(i => i.Name, i => i.AmountFen);
        foreach (var name in itemsA.Keys.Union(itemsB.Keys))
            Field($"costItems[{name}].amountFen",
                itemsA.TryGetValue(name, out var x) ? Fen(x) : null, itemsB.TryGetValue(name, out var y) ? Fen(y) : null);
        Field("totalFen", Fen(a.CostItems.Sum(i => i.AmountFen)), Fen(b.CostItems.Sum(i => i.AmountFen)));

        Field("funding.governmentFen", Fen(a.Funding.GovernmentFen), Fen(b.Funding.GovernmentFen));
        Field("funding.utilitiesFen", Fen(a.Funding.UtilitiesFen), Fen(b.Funding.UtilitiesFen));
        Field("funding.residentsFen", Fen(a.Funding.ResidentsFen), Fen(b.Funding.ResidentsFen));
        Field("funding.maintenanceFundFen", Fen(a.Funding.MaintenanceFundFen), Fen(b.Funding.MaintenanceFundFen));

        var filesA = a.Attachments.ToDictionary(f => f.FileId, f => f.Title);
        var filesB = b.Attachments.ToDictionary(f => f.FileId, f => f.Title);
        foreach (var file in filesA.Keys.Union(filesB.Keys))
            Field($"attachments[{file}]", filesA.GetValueOrDefault(file), filesB.GetValueOrDefault(file));
        return changes;
    }
}
