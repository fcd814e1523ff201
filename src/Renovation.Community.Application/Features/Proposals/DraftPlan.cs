using RequiredAttribute = System.ComponentModel.DataAnnotations.RequiredAttribute;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Concurrency;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Events;
using Renovation.Community.Application.Common.Validation;
using Renovation.Community.Application.Data;
using Renovation.Community.Application.Features.Projects;

namespace Renovation.Community.Application.Features.Proposals;

/// <summary>The whole content of a plan version; <see cref="ExpectedVersion"/> guards edits against lost updates.</summary>
public sealed record SavePlan(string Title, string Design, string AfterCare, [property: Required] IReadOnlyList<CostLine>? CostItems,
    [property: Required] Funding? Funding, IReadOnlyList<AttachmentLine>? Attachments, int? ExpectedVersion) : IValidatable
{
    public const int MaxCostItems = 200;
    public const int MaxAttachments = 20;
    /// <summary>One line at most 10 billion yuan: far above any community's works, far below overflow.</summary>
    public const long MaxLineFen = 1_000_000_000_000;

    public void Validate(Validator v)
    {
        v.Text(Title, "title", "方案名称", 100).Text(Design, "design", "设计方案", 20_000)
            .Text(AfterCare, "afterCare", "后续管理方案", 5_000);
        if (CostItems is null || CostItems.Count == 0)
            v.Add("costItems", "请至少填写一项造价估算");
        else if (CostItems.Count > MaxCostItems)
            v.Add("costItems", $"造价估算不超过 {MaxCostItems} 项");
        else
        {
            for (var i = 0; i < CostItems.Count; i++)
                v.Text(CostItems[i]?.Name, $"costItems[{i}].name", "造价项目名称", 100)
                    .Range(CostItems[i]?.AmountFen ?? 0, 1, MaxLineFen, $"costItems[{i}].amountFen", $"金额以分为单位，应为 1 到 {MaxLineFen}");
            if (CostItems.Select(c => c?.Name?.Trim()).Distinct().Count() != CostItems.Count)
                v.Add("costItems", "造价项目名称不能重复");
        }
        if (Funding is null)
            v.Add("funding", "请填写资金筹措方案");
        else
            foreach (var (field, amount) in new[] { ("governmentFen", Funding.GovernmentFen), ("utilitiesFen", Funding.UtilitiesFen),
                         ("residentsFen", Funding.ResidentsFen), ("maintenanceFundFen", Funding.MaintenanceFundFen) })
                v.Range(amount, 0, MaxLineFen * MaxCostItems, $"funding.{field}", $"金额以分为单位，应为 0 到 {MaxLineFen * MaxCostItems}");
        var attachments = Attachments ?? [];
        if (attachments.Count > MaxAttachments)
            v.Add("attachments", $"附件不超过 {MaxAttachments} 个");
        for (var i = 0; i < attachments.Count; i++)
            v.NotEmpty(attachments[i]?.FileId ?? Guid.Empty, $"attachments[{i}].fileId", "附件文件")
                .Text(attachments[i]?.Title, $"attachments[{i}].title", "附件标题", 100);
        if (attachments.Select(a => a?.FileId).Distinct().Count() != attachments.Count)
            v.Add("attachments", "同一文件不能重复附加");
    }

    public PlanContent ToContent() => new(Title, Design, AfterCare,
        CostItems!.Select(c => c with { Name = c.Name.Trim() }).ToList(), Funding!, Attachments ?? []);
}

/// <summary>
/// Writing the plan (编制改造方案): the street drafts version 1 for a project in the library and edits it in place;
/// once submitted, any change is a new version (a revision) that supersedes the old one.
/// </summary>
public static class DraftPlan
{
    public static async Task<Created<PlanView>> CreateAsync(Guid projectId, SavePlan request, Access access, AppDbContext db,
        EventOutbox outbox, TimeProvider clock, CancellationToken ct)
    {
        var project = await db.LoadProjectAsync(projectId, access, ct, Permission.ConveneRenovation);
        EnsureProjectAcceptsPlans(project);
        if (await db.Plans.AnyAsync(p => p.ProjectId == projectId, ct))
            throw AppProblem.Conflict("plan_exists", "该项目已有改造方案，请修改草稿或创建新版本");
        await EnsureAttachmentsBelongAsync(db, projectId, request, ct);

        var plan = new PlanVersion(projectId, project.CommunityId, project.StreetId, 1, null, request.ToContent(),
            access.UserId, clock.GetUtcNow());
        db.Plans.Add(plan);
        outbox.Publish("plan.drafted", plan.CommunityId, plan.StreetId, Payload(plan));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/plans/{plan.Id}", await db.ViewOfAsync(plan, ct));
    }

    public static async Task<Ok<PlanView>> EditAsync(Guid id, SavePlan request, Access access, AppDbContext db,
        EventOutbox outbox, TimeProvider clock, CancellationToken ct)
    {
        var plan = await db.LoadPlanAsync(id, access, ct, Permission.ConveneRenovation);
        db.ExpectVersion(plan, request.ExpectedVersion, p => p.Version);
        await EnsureAttachmentsBelongAsync(db, plan.ProjectId, request, ct);
        plan.Edit(request.ToContent(), clock.GetUtcNow());
        outbox.Publish("plan.edited", plan.CommunityId, plan.StreetId, Payload(plan));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await db.ViewOfAsync(plan, ct));
    }

    /// <summary>A change after submission: version N+1 as a new draft; version N is superseded.</summary>
    public static async Task<Created<PlanView>> ReviseAsync(Guid id, SavePlan request, Access access, AppDbContext db,
        EventOutbox outbox, TimeProvider clock, CancellationToken ct)
    {
        var current = await db.LoadPlanAsync(id, access, ct, Permission.ConveneRenovation);
        db.ExpectVersion(current, request.ExpectedVersion, p => p.Version);
        var project = await db.Projects.SingleAsync(p => p.Id == current.ProjectId, ct);
        EnsureProjectAcceptsPlans(project);
        await EnsureAttachmentsBelongAsync(db, current.ProjectId, request, ct);

        var now = clock.GetUtcNow();
        current.Supersede(now);
        var next = new PlanVersion(current.ProjectId, current.CommunityId, current.StreetId, current.Number + 1, current.Id,
            request.ToContent(), access.UserId, now);
        db.Plans.Add(next);
        outbox.Publish("plan.revised", next.CommunityId, next.StreetId,
            new { planId = next.Id, projectId = next.ProjectId, number = next.Number, supersededPlanId = current.Id });
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/plans/{next.Id}", await db.ViewOfAsync(next, ct));
    }

    private static void EnsureProjectAcceptsPlans(RenovationProject project)
    {
        if (!project.AcceptsPlans)
            throw new DomainRuleViolation("project_not_in_library",
                project.State == ProjectState.Surveying ? "项目入库后才能编制改造方案" : "项目已开工或已验收，不能再编制或修改方案",
                StatusCodes.Status409Conflict);
    }

    private static async Task EnsureAttachmentsBelongAsync(AppDbContext db, Guid projectId, SavePlan request, CancellationToken ct)
    {
        var ids = (request.Attachments ?? []).Select(a => a.FileId).ToList();
        if (ids.Count == 0)
            return;
        var found = await db.ProjectFiles.CountAsync(f => f.ProjectId == projectId && ids.Contains(f.Id), ct);
        if (found != ids.Count)
            throw new DomainRuleViolation("attachment_not_found", "附件文件不存在，或不是本项目上传的文件");
    }

    internal static object Payload(PlanVersion p) =>
        new { planId = p.Id, projectId = p.ProjectId, number = p.Number, state = p.State };
}
