using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Files;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Proposals;

public sealed record AttachmentView(Guid FileId, string Title, string FileName, FileKind Kind, string ContentType,
    long SizeBytes, string Url);

public sealed record ReviewView(Guid Id, Guid PlanId, string Department, Guid ReviewerUserId, ReviewDecision Decision,
    string? Comment, DateTimeOffset AssignedAt, DateTimeOffset? DecidedAt)
{
    public static ReviewView From(PlanReview r) =>
        new(r.Id, r.PlanId, r.Department, r.ReviewerUserId, r.Decision, r.Comment, r.AssignedAt, r.DecidedAt);
}

public sealed record PlanView(Guid Id, Guid ProjectId, Guid CommunityId, int Number, Guid? PreviousVersionId, PlanState State,
    string Title, string Design, string AfterCare, IReadOnlyList<CostLine> CostItems, long TotalFen, Funding Funding,
    IReadOnlyList<AttachmentView> Attachments, IReadOnlyList<ReviewView> Reviews,
    DateTimeOffset? PublicityStartsAt, DateTimeOffset? PublicityEndsAt, DateTimeOffset? PublicityOpenedAt,
    DateTimeOffset? PublicityClosedAt, DateTimeOffset? ReadyForVoteAt, int UnansweredObjections,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int Version);

public sealed record PlanSummary(Guid Id, Guid ProjectId, Guid CommunityId, int Number, PlanState State, string Title,
    long TotalFen, DateTimeOffset? PublicityStartsAt, DateTimeOffset? PublicityEndsAt, DateTimeOffset UpdatedAt);

public static class PlanViews
{
    public static async Task<PlanView> ViewOfAsync(this AppDbContext db, PlanVersion p, CancellationToken ct)
    {
        var fileIds = p.Attachments.Select(a => a.FileId).ToList();
        var files = await db.ProjectFiles.AsNoTracking().Where(f => fileIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, ct);
        var attachments = p.Attachments.OrderBy(a => a.Position).Select(a =>
        {
            var f = files[a.FileId];
            return new AttachmentView(a.FileId, a.Title, f.FileName, f.Kind, f.ContentType, f.SizeBytes, $"/api/v1/files/{f.Id}");
        }).ToList();
        var reviews = await db.PlanReviews.AsNoTracking().Where(r => r.PlanId == p.Id).OrderBy(r => r.AssignedAt)
            .ThenBy(r => r.Department).ToListAsync(ct);
        return new PlanView(p.Id, p.ProjectId, p.CommunityId, p.Number, p.PreviousVersionId, p.State, p.Title, p.Design,
            p.AfterCare, p.Content.CostItems, p.TotalFen, p.Funding, attachments, reviews.Select(ReviewView.From).ToList(),
            p.PublicityStartsAt, p.PublicityEndsAt, p.PublicityOpenedAt, p.PublicityClosedAt, p.ReadyForVoteAt,
            await db.UnansweredObjectionsAsync(p.Id, ct), p.CreatedAt, p.UpdatedAt, p.Version);
    }

    public static IQueryable<PlanSummary> Summaries(this IQueryable<PlanVersion> plans) =>
        plans.Select(p => new PlanSummary(p.Id, p.ProjectId, p.CommunityId, p.Number, p.State, p.Title, p.TotalFen,
            p.PublicityStartsAt, p.PublicityEndsAt, p.UpdatedAt));
}
