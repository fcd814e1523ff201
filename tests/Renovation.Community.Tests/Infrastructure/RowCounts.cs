using Microsoft.EntityFrameworkCore;
using Renovation.Community.Api.Data;

namespace Renovation.Community.Tests.Infrastructure;

/// <summary>How many rows each table holds: taken before and after a refused request to prove nothing was written.</summary>
public sealed record RowCounts(int Districts, int Streets, int Communities, int Buildings, int Units, int Parties,
    int Members, int Companies, int Users, int Grants, int Bindings, int Outbox, int Audit,
    int Projects, int SurveyAnswers, int ProgressEntries, int ProjectFiles, int Plans, int PlanCostItems,
    int PlanAttachments, int PlanReviews, int PublicityComments, int Notices, int NoticeRevisions, int NoticeAttachments,
    int NoticeReads, int SubscriptionConsents, int SubscribeDeliveries, int Votes, int Electorate, int Participations,
    int Ballots, int PaperEntries, int Proxies, int VotingSettings)
{
    public static Task<RowCounts> Of(ApiFactory factory) => factory.WithDb(async db => new RowCounts(
        await db.Districts.CountAsync(), await db.Streets.CountAsync(), await db.Communities.CountAsync(),
        await db.Buildings.CountAsync(), await db.Units.CountAsync(), await db.OwnerParties.CountAsync(),
        await db.PartyMembers.CountAsync(), await db.PropertyCompanies.CountAsync(), await db.Users.CountAsync(),
        await db.RoleGrants.CountAsync(), await db.UnitBindings.CountAsync(), await db.OutboxEvents.CountAsync(),
        await db.AuditLog.CountAsync(),
        await db.Projects.CountAsync(), await db.SurveyAnswers.CountAsync(), await db.ProgressEntries.CountAsync(),
        await db.ProjectFiles.CountAsync(), await db.Plans.CountAsync(), await db.PlanCostItems.CountAsync(),
        await db.PlanAttachments.CountAsync(), await db.PlanReviews.CountAsync(), await db.PublicityComments.CountAsync(),
        await db.Notices.CountAsync(), await db.NoticeRevisions.CountAsync(), await db.NoticeAttachments.CountAsync(),
        await db.NoticeReads.CountAsync(), await db.SubscriptionConsents.CountAsync(), await db.SubscribeDeliveries.CountAsync(),
        await db.Votes.CountAsync(), await db.ElectorateUnits.CountAsync(), await db.Participations.CountAsync(),
        await db.Ballots.CountAsync(), await db.PaperBallotEntries.CountAsync(), await db.ProxyAuthorizations.CountAsync(),
        await db.VotingSettings.CountAsync()));
}
