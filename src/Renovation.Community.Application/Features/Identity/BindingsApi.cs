using Renovation.Community.Application.Extensions;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Events;
using Renovation.Community.Application.Common.Paging;
using Renovation.Community.Application.Common.Validation;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Identity;

public sealed partial record RequestBinding(Guid UnitId, string Name, string IdLast4, string CertificateNumber) : IValidatable
{
    public void Validate(Validator v) => v
        .NotEmpty(UnitId, "unitId", "房屋")
        .Text(Name, "name", "姓名", 32)
        .Required(IdLast4, "idLast4", "身份证号后四位")
        .Matches(IdLast4, IdSuffix(), "idLast4", "身份证号后四位应为 4 位数字或字母 X")
        .Text(CertificateNumber, "certificateNumber", "不动产权证号", 64);

    [GeneratedRegex("^[0-9]{3}[0-9Xx]$")]
    private static partial Regex IdSuffix();
}

public sealed record RejectBinding(string Reason) : IValidatable
{
    public void Validate(Validator v) => v.Text(Reason, "reason", "驳回理由", 200);
}

/// <summary>
/// Approving a claim that does not match the register needs <c>confirmMismatch: true</c> and a <c>reason</c>; a
/// matching claim needs no body.
/// </summary>
public sealed record ApproveBinding(bool? ConfirmMismatch, string? Reason) : IValidatable
{
    public void Validate(Validator v) => v.Text(Reason, "reason", "批准理由", 200, required: ConfirmMismatch == true);
}

/// <summary>A binding with the labels a person reads (community, building, unit number) beside the ids.</summary>
public sealed record BindingView(Guid Id, Guid UserId, Guid UnitId, Guid CommunityId, string CommunityName, string BuildingName,
    string UnitNumber, string ClaimedName, string IdLast4, string CertificateNumber, bool MatchesRegister, BindingStatus Status,
    DateTimeOffset RequestedAt, DateTimeOffset? DecidedAt, string? RejectionReason, string? MismatchReason);

/// <summary>Residents ask to act for a unit; committee members or property staff of that community decide.</summary>
public static class BindingsApi
{
    public static RouteGroupBuilder MapBindingsApi(this RouteGroupBuilder api)
    {
        var bindings = api.MapGroup("/bindings").WithTags("Bindings");
        bindings.MapPost("/", RequestAsync).WithName("RequestBinding")
            .WithRequestExample("""{"unitId":"0197a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b","name":"张伟","idLast4":"123X","certificateNumber":"沪(2003)徐汇区不动产权第001234号"}""")
            .WithSummary("Ask to bind a unit")
            .WithDescription("A signed-in WeChat user asks to act for a unit by giving the owner's name, the last four characters of the ID number and the certificate number. The claim is compared with the register and waits for the committee or property staff to approve it. One open request per user and unit (409 binding_exists).");
        bindings.MapGet("/mine", MineAsync).WithName("MyBindings")
            .WithSummary("My binding requests")
            .WithDescription("The caller's binding requests in every state, newest first, with the unit they name.");
        bindings.MapPost("/{id:guid}/approve", ApproveAsync).WithName("ApproveBinding")
            .WithSummary("Approve a binding request (committee, property staff)")
            .WithDescription("Approves a pending binding; the resident then acts for the unit's owner party and their open live " +
                "connections join the community's event groups at once. A claim that does not match the owners' register " +
                "(matchesRegister=false) needs the body {\"confirmMismatch\":true,\"reason\":\"…\"}, else 422 " +
                "mismatch_confirmation_required; the reason is kept and audited. A request that was already decided answers " +
                "409 binding_already_decided.");
        bindings.MapPost("/{id:guid}/reject", RejectAsync).WithName("RejectBinding")
            .WithSummary("Reject a binding request (committee, property staff)")
            .WithDescription("Rejects a pending binding with an optional reason. A request that was already decided answers 409 binding_already_decided.");
        bindings.MapPost("/{id:guid}/revoke", RevokeAsync).WithName("RevokeBinding")
            .WithSummary("End an approved binding (the resident or community staff)")
            .WithDescription("Ends an approved binding. The resident loses access to the community at once, live connections included. 409 binding_not_approved when it is not approved (any more).");
        api.MapGet("/communities/{communityId:guid}/bindings", ListForCommunityAsync).WithTags("Bindings")
            .WithName("ListCommunityBindings")
            .WithSummary("Binding requests of a community, pending first")
            .WithDescription("Binding requests of one community for the staff who decide them, pending first, with whether each claim matches the register. Paged.");
        return api;
    }

    private static async Task<Created<BindingView>> RequestAsync(RequestBinding request, Access access, AppDbContext db,
        EventOutbox outbox, TimeProvider clock, CancellationToken ct)
    {
        var userId = access.UserId;
        var unit = await db.Units.AsNoTracking().Include(u => u.OwnerParty).ThenInclude(p => p!.Members)
            .SingleOrDefaultAsync(u => u.Id == request.UnitId, ct)
            ?? throw AppProblem.NotFound("unit_not_found", "房屋不存在");
        var open = await db.UnitBindings.AnyAsync(b => b.UserId == userId && b.UnitId == unit.Id
            && (b.Status == BindingStatus.Pending || b.Status == BindingStatus.Approved), ct);
        if (open)
            throw BindingExists();

        var idLast4 = request.IdLast4.ToUpperInvariant();
        var matches = unit.CertificateNumber == request.CertificateNumber.Trim()
            && unit.OwnerParty!.Members.Any(m => m.Name == request.Name.Trim() && m.IdLast4 == idLast4);
        var binding = new UnitBinding(userId, unit.Id, unit.CommunityId, request.Name, idLast4, request.CertificateNumber,
            matches, clock.GetUtcNow());
        db.UnitBindings.Add(binding);
        var payload = new { bindingId = binding.Id, unitId = unit.Id, communityId = unit.CommunityId };
        outbox.Add("binding.requested", Audience.RoleHolders(Role.CommitteeMember, unit.CommunityId), payload);
        outbox.Add("binding.requested", Audience.RoleHolders(Role.CommitteeChair, unit.CommunityId), payload);
        await db.SaveOrAnswerAsync(BindingExists, ct);
        return TypedResults.Created($"/api/v1/bindings/{binding.Id}", await ViewOfAsync(db, binding.Id, ct));
    }

    private static async Task<Ok<List<BindingView>>> MineAsync(Access access, AppDbContext db, CancellationToken ct)
    {
        var userId = access.UserId;
        return TypedResults.Ok(await Views(db, db.UnitBindings.Where(b => b.UserId == userId)).ToListAsync(ct));
    }

    private static async Task<Ok<Page<BindingView>>> ListForCommunityAsync(Guid communityId, BindingStatus? status,
        [AsParameters] PageRequest page, Access access, AppDbContext db, CancellationToken ct)
    {
        await access.RequireAsync(communityId, Permission.DecideBindings, ct);
        var query = db.UnitBindings.AsNoTracking().Where(b => b.CommunityId == communityId);
        if (status is not null)
            query = query.Where(b => b.Status == status);
        var result = await Views(db, query, pendingFirst: true).ToPageAsync(page, ct);
        return TypedResults.Ok(result);
    }

    /// <summary>Approval also joins the resident's open hub connections to the community's groups (no reconnect needed).</summary>
    private static async Task<Ok<BindingView>> ApproveAsync(Guid id, ApproveBinding? request, Access access, AppDbContext db,
        EventOutbox outbox, IAccessChanges accessChanges, TimeProvider clock, CancellationToken ct)
    {
        var binding = await FindForDecisionAsync(id, access, db, ct);
        binding.Approve(access.UserId, clock.GetUtcNow(), request?.ConfirmMismatch == true ? request.Reason : null);
        outbox.Add("binding.approved", Audience.User(binding.UserId), new { bindingId = binding.Id, unitId = binding.UnitId });
        await db.SaveOrAnswerAsync(UnitBinding.AlreadyDecided, ct);
        await accessChanges.ChangedAsync(binding.UserId, ct);
        return TypedResults.Ok(await ViewOfAsync(db, binding.Id, ct));
    }

    private static async Task<Ok<BindingView>> RejectAsync(Guid id, RejectBinding request, Access access, AppDbContext db,
        EventOutbox outbox, TimeProvider clock, CancellationToken ct)
    {
        var binding = await FindForDecisionAsync(id, access, db, ct);
        binding.Reject(access.UserId, request.Reason, clock.GetUtcNow());
        outbox.Add("binding.rejected", Audience.User(binding.UserId),
            new { bindingId = binding.Id, unitId = binding.UnitId, reason = binding.RejectionReason });
        await db.SaveOrAnswerAsync(UnitBinding.AlreadyDecided, ct);
        return TypedResults.Ok(await ViewOfAsync(db, binding.Id, ct));
    }

    private static async Task<Ok<BindingView>> RevokeAsync(Guid id, Access access, AppDbContext db, EventOutbox outbox,
        IAccessChanges accessChanges, TimeProvider clock, CancellationToken ct)
    {
        static AppProblem NotFound() => AppProblem.NotFound("binding_not_found", "绑定记录不存在");
        var binding = await db.UnitBindings.SingleOrDefaultAsync(b => b.Id == id, ct) ?? throw NotFound();
        if (binding.UserId != access.UserId)
            await access.RequireAsync(binding.CommunityId, Permission.DecideBindings, ct, NotFound);
        binding.Revoke(access.UserId, clock.GetUtcNow());
        outbox.Add("binding.revoked", Audience.User(binding.UserId), new { bindingId = binding.Id, unitId = binding.UnitId });
        await db.SaveOrAnswerAsync(UnitBinding.NotApproved, ct);
        await accessChanges.ChangedAsync(binding.UserId, ct);
        return TypedResults.Ok(await ViewOfAsync(db, binding.Id, ct));
    }

    /// <summary>Bindings with their labels; the committee's lists put pending first, a resident's the newest first.</summary>
    private static IQueryable<BindingView> Views(AppDbContext db, IQueryable<UnitBinding> bindings, bool pendingFirst = false)
    {
        var joined = from b in bindings.AsNoTracking()
                     join u in db.Units on b.UnitId equals u.Id
                     join c in db.Communities on b.CommunityId equals c.Id
                     select new { b, u, c };
        var ordered = pendingFirst
            ? joined.OrderBy(x => x.b.Status).ThenBy(x => x.b.RequestedAt)
            : joined.OrderByDescending(x => x.b.RequestedAt);
        return ordered.Select(x => new BindingView(x.b.Id, x.b.UserId, x.b.UnitId, x.b.CommunityId, x.c.Name, x.u.Building!.Name,
            x.u.Number, x.b.ClaimedName, x.b.IdLast4, x.b.CertificateNumber, x.b.MatchesRegister, x.b.Status, x.b.RequestedAt,
            x.b.DecidedAt, x.b.RejectionReason, x.b.MismatchReason));
    }

    private static Task<BindingView> ViewOfAsync(AppDbContext db, Guid id, CancellationToken ct) =>
        Views(db, db.UnitBindings.Where(b => b.Id == id)).SingleAsync(ct);

    private static AppProblem BindingExists() => AppProblem.Conflict("binding_exists", "您已绑定该房屋或申请正在审核中");

    private static async Task<UnitBinding> FindForDecisionAsync(Guid id, Access access, AppDbContext db, CancellationToken ct)
    {
        static AppProblem NotFound() => AppProblem.NotFound("binding_not_found", "绑定申请不存在");
        var binding = await db.UnitBindings.SingleOrDefaultAsync(b => b.Id == id, ct) ?? throw NotFound();
        // Someone outside the community must not learn that the request exists.
        await access.RequireAsync(binding.CommunityId, Permission.DecideBindings, ct, NotFound);
        return binding;
    }
}
