using Microsoft.EntityFrameworkCore;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Identity;

/// <summary>
/// A real resource of one community for each kind of route parameter (the first the database holds), so a matrix aims
/// at what exists and not only at ids nobody has. A parameter with nothing behind it gets a fresh id.
/// </summary>
public sealed class CommunityResources
{
    private readonly Dictionary<string, string> _ids;

    private CommunityResources(Dictionary<string, string> ids) => _ids = ids;

    /// <summary>The parameters that found nothing in this community and fell back to a fresh id.</summary>
    public IReadOnlySet<string> Missing => _ids.Where(p => p.Value.Length == 0).Select(p => p.Key).ToHashSet();

    /// <summary>The route with each parameter replaced by this community's resource of that kind.</summary>
    public string Fill(MappedEndpoint endpoint)
    {
        var path = endpoint.Route;
        foreach (var (collection, name) in endpoint.Parameters)
            path = path.Replace("{" + name + "}", Id(collection, name));
        return path;
    }

    private string Id(string collection, string name) => name switch
    {
        "date" => "2026-11-27",
        "receipt" => "R" + Guid.NewGuid().ToString("N")[..12],
        _ => _ids.TryGetValue(Key(collection, name), out var id) && id.Length > 0 ? id : Guid.NewGuid().ToString(),
    };

    /// <summary>A parameter named after its resource keeps its name; a bare <c>{id}</c> is known by the collection before it.</summary>
    public static string Key(string collection, string name) => name == "id" ? collection : name;

    public static Task<CommunityResources> Of(ApiFactory api, Guid c) => api.WithDb(async db =>
    {
        var community = await db.Communities.SingleAsync(x => x.Id == c);
        var votes = db.Votes.Where(v => v.CommunityId == c).Select(v => v.Id);
        var meetings = db.CommitteeMeetings.Where(m => m.CommunityId == c).Select(m => m.Id);
        var notices = db.Notices.Where(n => n.CommunityId == c).Select(n => n.Id);
        var items = db.ServiceItemCommunities.Where(i => i.CommunityId == c).Select(i => i.ItemId);
        var queries = new Dictionary<string, IQueryable<Guid>>
        {
            ["communityId"] = db.Communities.Where(x => x.Id == c).Select(x => x.Id),
            ["communities"] = db.Communities.Where(x => x.Id == c).Select(x => x.Id),
            ["districtId"] = db.Streets.Where(s => s.Id == community.StreetId).Select(s => s.DistrictId),
            ["companyId"] = db.PropertyCompanies.Where(p => p.Id == community.PropertyCompanyId).Select(p => p.Id),
            ["units"] = db.Units.Where(u => u.CommunityId == c).Select(u => u.Id),
            ["unitId"] = db.Units.Where(u => u.CommunityId == c).Select(u => u.Id),
            ["owner-parties"] = db.OwnerParties.Where(p => p.CommunityId == c).Select(p => p.Id),
            ["bindings"] = db.UnitBindings.Where(b => b.CommunityId == c).Select(b => b.Id),
            ["role-grants"] = db.RoleGrants.Where(g => g.ScopeId == c).Select(g => g.Id),
            ["projects"] = db.Projects.Where(p => p.CommunityId == c).Select(p => p.Id),
            ["files"] = db.ProjectFiles.Where(f => f.CommunityId == c).Select(f => f.Id),
            ["projectId"] = db.Projects.Where(p => p.CommunityId == c).Select(p => p.Id),
            ["plans"] = db.Plans.Where(p => p.CommunityId == c).Select(p => p.Id),
            ["plan-reviews"] = db.PlanReviews.Where(r => r.CommunityId == c).Select(r => r.Id),
            ["publicity-comments"] = db.PublicityComments.Where(p => p.CommunityId == c).Select(p => p.Id),
            ["voteId"] = votes,
            ["proxies"] = db.ProxyAuthorizations.Where(p => votes.Contains(p.VoteId)).Select(p => p.Id),
            ["entryId"] = db.PaperBallotEntries.Where(p => votes.Contains(p.VoteId)).Select(p => p.Id),
            ["notices"] = notices,
            ["attachmentId"] = db.NoticeAttachments.Where(a => notices.Contains(a.NoticeId)).Select(a => a.Id),
            ["meetingId"] = meetings,
            ["itemId"] = db.CommitteeAgendaItems.Where(i => meetings.Contains(i.MeetingId)).Select(i => i.Id),
            ["positionId"] = db.CommitteeMemberPositions.Where(p => meetings.Contains(p.MeetingId)).Select(p => p.Id),
            ["callId"] = db.CommitteeMeetingCalls.Where(x => x.CommunityId == c).Select(x => x.Id),
            ["assemblyId"] = db.OwnersAssemblies.Where(a => a.CommunityId == c).Select(a => a.Id),
            ["demandId"] = db.AssemblyDemands.Where(d => d.CommunityId == c).Select(d => d.Id),
            ["service-items"] = items,
            ["photoId"] = db.ServiceItemPhotos.Where(p => items.Contains(p.ItemId)).Select(p => p.Id),
            ["slotId"] = db.ServiceSlots.Where(s => items.Contains(s.ItemId)).Select(s => s.Id),
            ["service-orders"] = db.ServiceOrders.Where(o => o.CommunityId == c).Select(o => o.Id),
            ["payments"] = db.Payments.Where(p => p.CommunityId == c).Select(p => p.Id),
            ["incidents"] = db.PaymentIncidents.Where(i => i.CommunityId == c).Select(i => i.Id),
            ["discrepancies"] = db.ReconciliationDiscrepancies.Where(d => d.CommunityId == c).Select(d => d.Id),
            ["campaignId"] = db.FundTopUpCampaigns.Where(x => x.CommunityId == c).Select(x => x.Id),
            ["shareId"] = db.FundTopUpShares.Where(x => x.CommunityId == c).Select(x => x.Id),
            ["offlineId"] = db.FundOfflineTopUps.Where(x => x.CommunityId == c).Select(x => x.Id),
            ["planId"] = db.FundWorksPlans.Where(x => x.CommunityId == c).Select(x => x.Id),
            ["invoiceId"] = db.FundWorksInvoices.Where(x => x.CommunityId == c).Select(x => x.Id),
            ["statementId"] = db.FundPublishedStatements.Where(x => x.CommunityId == c).Select(x => x.Id),
            ["householdId"] = db.FundHouseholds.Where(x => x.CommunityId == c).Select(x => x.Id),
        };
        var ids = new Dictionary<string, string>();
        foreach (var (key, query) in queries)
            ids[key] = (await query.Select(id => (Guid?)id).FirstOrDefaultAsync())?.ToString() ?? "";
        return new CommunityResources(ids);
    });
}
