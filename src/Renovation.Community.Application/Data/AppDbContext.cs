using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Events;
using Renovation.Community.Application.Common.Leases;
using Renovation.Community.Application.Features.Audit;
using Renovation.Community.Application.Features.Fund;
using Renovation.Community.Application.Features.Identity;
using Renovation.Community.Application.Features.Meetings;
using Renovation.Community.Application.Features.Notices;
using Renovation.Community.Application.Features.Payments;
using Renovation.Community.Application.Features.Payments.Reconciliation;
using Renovation.Community.Application.Features.Places;
using Renovation.Community.Application.Features.Projects;
using Renovation.Community.Application.Features.Proposals;
using Renovation.Community.Application.Features.Services;
using Renovation.Community.Application.Features.Voting;
using Renovation.Community.Application.Features.WeChatIntegration;

namespace Renovation.Community.Application.Data;

/// <summary>
/// The one unit of work. Provider specifics live in <see cref="SqliteAppDbContext"/> and
/// <see cref="MySqlAppDbContext"/>, each with its own migrations.
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<District> Districts => Set<District>();
    public DbSet<Street> Streets => Set<Street>();
    public DbSet<ResidentialCommunity> Communities => Set<ResidentialCommunity>();
    public DbSet<Building> Buildings => Set<Building>();
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<OwnerParty> OwnerParties => Set<OwnerParty>();
    public DbSet<PartyMember> PartyMembers => Set<PartyMember>();
    public DbSet<OwnerPartyKey> OwnerPartyKeys => Set<OwnerPartyKey>();
    public DbSet<OwnerPartyMerge> OwnerPartyMerges => Set<OwnerPartyMerge>();
    public DbSet<PropertyCompany> PropertyCompanies => Set<PropertyCompany>();

    public DbSet<AppUser> Users => Set<AppUser>();
    public DbSet<RoleGrant> RoleGrants => Set<RoleGrant>();
    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();
    public DbSet<ConsoleSignInTicket> ConsoleSignInTickets => Set<ConsoleSignInTicket>();
    public DbSet<UnitBinding> UnitBindings => Set<UnitBinding>();

    public DbSet<OutboxEvent> OutboxEvents => Set<OutboxEvent>();
    public DbSet<Lease> Leases => Set<Lease>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<StoredWeChatToken> WeChatAccessTokens => Set<StoredWeChatToken>();

    public DbSet<RenovationProject> Projects => Set<RenovationProject>();
    public DbSet<SurveyAnswer> SurveyAnswers => Set<SurveyAnswer>();
    public DbSet<ProgressEntry> ProgressEntries => Set<ProgressEntry>();
    public DbSet<ProjectFile> ProjectFiles => Set<ProjectFile>();
    public DbSet<PlanVersion> Plans => Set<PlanVersion>();
    public DbSet<PlanCostItem> PlanCostItems => Set<PlanCostItem>();
    public DbSet<PlanAttachment> PlanAttachments => Set<PlanAttachment>();
    public DbSet<PlanReview> PlanReviews => Set<PlanReview>();
    public DbSet<PublicityComment> PublicityComments => Set<PublicityComment>();

    public DbSet<Vote> Votes => Set<Vote>();
    public DbSet<ElectorateUnit> ElectorateUnits => Set<ElectorateUnit>();
    public DbSet<ElectorateParty> ElectorateParties => Set<ElectorateParty>();
    public DbSet<Participation> Participations => Set<Participation>();
    public DbSet<Ballot> Ballots => Set<Ballot>();
    public DbSet<VoteTally> VoteTallies => Set<VoteTally>();
    public DbSet<CandidateTally> CandidateTallies => Set<CandidateTally>();
    public DbSet<ProxyAuthorization> ProxyAuthorizations => Set<ProxyAuthorization>();
    public DbSet<PaperBallotEntry> PaperBallotEntries => Set<PaperBallotEntry>();
    public DbSet<VotingSettings> VotingSettings => Set<VotingSettings>();

    public DbSet<Notice> Notices => Set<Notice>();
    public DbSet<NoticeRevision> NoticeRevisions => Set<NoticeRevision>();
    public DbSet<NoticeAttachment> NoticeAttachments => Set<NoticeAttachment>();
    public DbSet<NoticeRead> NoticeReads => Set<NoticeRead>();
    public DbSet<SubscriptionConsent> SubscriptionConsents => Set<SubscriptionConsent>();
    public DbSet<SubscribeDelivery> SubscribeDeliveries => Set<SubscribeDelivery>();
    public DbSet<OutboxCursor> OutboxCursors => Set<OutboxCursor>();

    public DbSet<Payment> Payments => Set<Payment>();
    public DbSet<PaymentRefund> PaymentRefunds => Set<PaymentRefund>();
    public DbSet<PaymentNotificationRecord> PaymentNotifications => Set<PaymentNotificationRecord>();
    public DbSet<PaymentIncident> PaymentIncidents => Set<PaymentIncident>();

    public DbSet<ReconciliationDiscrepancy> ReconciliationDiscrepancies => Set<ReconciliationDiscrepancy>();
    public DbSet<ReconciliationDay> ReconciliationDays => Set<ReconciliationDay>();
    public DbSet<ReconciliationReportLine> ReconciliationReportLines => Set<ReconciliationReportLine>();

    public DbSet<CommitteeMeeting> CommitteeMeetings => Set<CommitteeMeeting>();
    public DbSet<MeetingMember> CommitteeMeetingMembers => Set<MeetingMember>();
    public DbSet<AgendaItem> CommitteeAgendaItems => Set<AgendaItem>();
    public DbSet<MemberPosition> CommitteeMemberPositions => Set<MemberPosition>();
    public DbSet<MeetingObserver> CommitteeMeetingObservers => Set<MeetingObserver>();
    public DbSet<CommitteeMeetingCall> CommitteeMeetingCalls => Set<CommitteeMeetingCall>();
    public DbSet<MeetingCallSignature> CommitteeMeetingCallSignatures => Set<MeetingCallSignature>();
    public DbSet<OwnersAssembly> OwnersAssemblies => Set<OwnersAssembly>();
    public DbSet<AssemblyItem> OwnersAssemblyItems => Set<AssemblyItem>();
    public DbSet<AssemblyDemand> AssemblyDemands => Set<AssemblyDemand>();
    public DbSet<DemandSupport> AssemblyDemandSupports => Set<DemandSupport>();
    public DbSet<MeetingSettings> MeetingSettings => Set<MeetingSettings>();
    public DbSet<MeetingAlert> MeetingAlerts => Set<MeetingAlert>();
    public DbSet<ServiceItem> ServiceItems => Set<ServiceItem>();
    public DbSet<ServiceItemCommunity> ServiceItemCommunities => Set<ServiceItemCommunity>();
    public DbSet<ServiceItemPhoto> ServiceItemPhotos => Set<ServiceItemPhoto>();
    public DbSet<ServiceSlot> ServiceSlots => Set<ServiceSlot>();
    public DbSet<ServiceOrder> ServiceOrders => Set<ServiceOrder>();
    public DbSet<ServiceDispute> ServiceDisputes => Set<ServiceDispute>();
    public DbSet<ContactPhoneRead> ContactPhoneReads => Set<ContactPhoneRead>();
    public DbSet<FundAccount> FundAccounts => Set<FundAccount>();
    public DbSet<FundHousehold> FundHouseholds => Set<FundHousehold>();
    public DbSet<FundEntry> FundEntries => Set<FundEntry>();
    public DbSet<FundAllocation> FundAllocations => Set<FundAllocation>();
    public DbSet<FundAllocationShare> FundAllocationShares => Set<FundAllocationShare>();
    public DbSet<TopUpCampaign> FundTopUpCampaigns => Set<TopUpCampaign>();
    public DbSet<TopUpShare> FundTopUpShares => Set<TopUpShare>();
    public DbSet<OfflineTopUp> FundOfflineTopUps => Set<OfflineTopUp>();
    public DbSet<WorksPlan> FundWorksPlans => Set<WorksPlan>();
    public DbSet<FundDue> FundDues => Set<FundDue>();
    public DbSet<FundSettings> FundSettings => Set<FundSettings>();
    public DbSet<WorksInvoice> FundWorksInvoices => Set<WorksInvoice>();
    public DbSet<PublishedStatement> FundPublishedStatements => Set<PublishedStatement>();
    public DbSet<DisclosureReminder> FundDisclosureReminders => Set<DisclosureReminder>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
}
