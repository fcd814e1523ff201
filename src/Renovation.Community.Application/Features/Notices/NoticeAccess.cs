using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Events;
using Renovation.Community.Application.Data;
using Renovation.Community.Application.Features.Identity;
using Renovation.Community.Application.Features.Places;

namespace Renovation.Community.Application.Features.Notices;

/// <summary>Who may publish where, who may read what, and who a target reaches.</summary>
public static class NoticeAccess
{
    public static AppProblem NoticeNotFound() => AppProblem.NotFound("notice_not_found", "通知不存在或不在您的范围内");

    /// <summary>Resolves a target and checks the caller may publish there (404 when they cannot see it, 403 when they can but may not).</summary>
    public static async Task<NoticeTarget> RequireTargetAsync(Access access, AppDbContext db, NoticeTargetKind kind, Guid id,
        CancellationToken ct)
    {
        switch (kind)
        {
            case NoticeTargetKind.Street:
            {
                var scope = await access.ScopeAsync(ct);
                var street = await db.Streets.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
                if (street is not null && scope.Grants.Any(g => g.Role == Role.StreetOfficer && g.ScopeId == id))
                    return new NoticeTarget(kind, id, id, null, street.Name);
                var sees = street is not null
                    && await scope.Filter(db.Communities, Permission.ViewCommunity).AnyAsync(c => c.StreetId == id, ct);
                throw sees ? AppProblem.Forbidden("只有本街道的工作人员可以发布全街道通知")
                    : AppProblem.NotFound("street_not_found", "街道不存在或不在您的管辖范围内");
            }
            case NoticeTargetKind.Community:
            {
                var place = await access.RequireAsync(id, Permission.PublishNotices, ct);
                var name = await db.Communities.Where(c => c.Id == id).Select(c => c.Name).SingleAsync(ct);
                return new NoticeTarget(kind, id, place.StreetId, id, name);
            }
            case NoticeTargetKind.Building:
            {
                var building = await db.Buildings.AsNoTracking().Where(b => b.Id == id)
                    .Select(b => new { b.CommunityId, b.Name }).SingleOrDefaultAsync(ct)
                    ?? throw AppProblem.NotFound("building_not_found", "楼栋不存在或不在您的管辖范围内");
                var place = await access.RequireAsync(building.CommunityId, Permission.PublishNotices, ct);
                var community = await db.Communities.Where(c => c.Id == building.CommunityId).Select(c => c.Name).SingleAsync(ct);
                return new NoticeTarget(kind, id, place.StreetId, building.CommunityId, $"{community} {building.Name}");
            }
            default:
                throw AppProblem.BadRequest("invalid_target", "通知对象无效");
        }
    }

    /// <summary>Loads a notice for its publishers (edit, withdraw, counts, revisions, attachments).</summary>
    public static async Task<Notice> LoadForPublisherAsync(this AppDbContext db, Guid id, Access access, CancellationToken ct)
    {
        var notice = await db.Notices.SingleOrDefaultAsync(n => n.Id == id, ct) ?? throw NoticeNotFound();
        if (await CanPublishAsync(access, db, notice, ct))
            return notice;
        // A resident who can read it learns it exists; anyone else does not.
        throw IsReader(await access.ScopeAsync(ct), notice)
            ? AppProblem.Forbidden("只有发布范围内的街道、业委会或物业工作人员可以管理该通知")
            : NoticeNotFound();
    }

    /// <summary>Loads a notice the caller may read: a published one of their units, or any one they may publish.</summary>
    public static async Task<Notice> LoadForReaderAsync(this AppDbContext db, Guid id, Access access, TimeProvider clock,
        CancellationToken ct)
    {
        var notice = await db.Notices.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, ct) ?? throw NoticeNotFound();
        var scope = await access.ScopeAsync(ct);
        if (IsReader(scope, notice) && notice.IsLive(clock.GetUtcNow()))
            return notice;
        if (await CanPublishAsync(access, db, notice, ct))
            return notice;
        throw NoticeNotFound();
    }

    public static bool IsReader(CallerScope scope, Notice notice) => notice.TargetKind switch
    {
        NoticeTargetKind.Street => scope.Units.Any(u => u.StreetId == notice.TargetId),
        NoticeTargetKind.Community => scope.Units.Any(u => u.CommunityId == notice.TargetId),
        NoticeTargetKind.Building => scope.Units.Any(u => u.BuildingId == notice.TargetId),
        _ => false,
    };

    public static async Task<bool> CanPublishAsync(Access access, AppDbContext db, Notice notice, CancellationToken ct)
    {
        var scope = await access.ScopeAsync(ct);
        if (notice.TargetKind == NoticeTargetKind.Street)
            return scope.Grants.Any(g => g.Role == Role.StreetOfficer && g.ScopeId == notice.StreetId);
        var place = await access.FindPlaceAsync(notice.CommunityId!.Value, ct);
        return place is not null && scope.Allows(Permission.PublishNotices, place);
    }

    /// <summary>Users bound (approved) to a unit inside the target.</summary>
    public static IQueryable<Guid> Residents(AppDbContext db, NoticeTargetKind kind, Guid targetId) =>
        from b in db.ApprovedBindings()
        join u in db.Units on b.UnitId equals u.Id
        join c in db.Communities on u.CommunityId equals c.Id
        where (kind == NoticeTargetKind.Building && u.BuildingId == targetId)
            || (kind == NoticeTargetKind.Community && u.CommunityId == targetId)
            || (kind == NoticeTargetKind.Street && c.StreetId == targetId)
        select b.UserId;

    public static Audience AudienceOf(Notice notice) => notice.TargetKind switch
    {
        NoticeTargetKind.Street => Audience.Street(notice.TargetId),
        NoticeTargetKind.Community => Audience.Community(notice.TargetId),
        _ => Audience.Building(notice.TargetId),
    };
}
