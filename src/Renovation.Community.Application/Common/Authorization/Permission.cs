namespace Renovation.Community.Application.Common.Authorization;

/// <summary>What a caller wants to do in one community; <see cref="CallerScope"/> decides from roles and bindings.</summary>
public enum Permission
{
    /// <summary>See the community and its public information: residents bound there and every staff role over it.</summary>
    ViewCommunity,
    /// <summary>See the register of units and owners (names, ID suffixes, areas).</summary>
    ViewRegister,
    /// <summary>Approve or reject residents' binding requests.</summary>
    DecideBindings,
    /// <summary>Create and change buildings, units and owner parties, import the register.</summary>
    ManagePlaces,
    /// <summary>Appoint committee members and property staff.</summary>
    ManageRoles,
    /// <summary>
    /// Convene renovation (街道): open projects and record the facility survey, draft and revise plans, schedule
    /// publicity, moderate and answer residents' comments and objections.
    /// </summary>
    ConveneRenovation,
    /// <summary>Run the project library (旧改办): admit projects, plan them into a year, name reviewers, record progress and acceptance.</summary>
    ManageRenovationLibrary,
    /// <summary>Record a department's opinion in a plan's joint review (only on reviews assigned to the caller).</summary>
    ReviewRenovationPlans,
    /// <summary>Convene an Article 278 vote, approve proxies, see who has not voted yet (committee or street).</summary>
    ConveneVotes,
    /// <summary>Enter and confirm paper ballots (committee members; a second member confirms).</summary>
    EnterPaperBallots,
    /// <summary>Change the community's voting practice (committee chair or street).</summary>
    ManageVotingSettings,
    /// <summary>
    /// Publish, edit and withdraw notices to the community or its buildings and see their read counts (committee,
    /// property staff of the serving company, street). Street-wide notices are for the street's officers only.
    /// </summary>
    PublishNotices,
    /// <summary>See payments of owners' money (maintenance fund …) in the community: committee, street, city.</summary>
    ViewFundPayments,
    /// <summary>See payments for the property company's services in the community: its staff, street, city.</summary>
    ViewServicePayments,
    /// <summary>Refund owners' money (committee chair).</summary>
    RefundFundPayments,
    /// <summary>Refund service money (property staff of the serving company).</summary>
    RefundServicePayments,
    /// <summary>Convene an owners' committee meeting on the chair's own initiative (committee chair).</summary>
    ConveneCommitteeMeetings,
    /// <summary>
    /// Sit on the owners' committee: call a meeting with other members, attend, state and sign positions, convene an
    /// owners' assembly (committee members and chair).
    /// </summary>
    SitOnCommittee,
    /// <summary>Read committee meetings in full (attendance, positions, calls) and get overdue alerts: committee, street, city.</summary>
    ReadCommitteeMeetings,
    /// <summary>Publish service items and slots, see and work the company's service orders and income (property staff).</summary>
    ManageServices,
    /// <summary>See the ratings and disputes of paid services in the community, per company (committee, street, city).</summary>
    ViewServiceOversight,
    /// <summary>Read the maintenance fund: the account, every household's ledger, campaigns, works (committee, street, city).</summary>
    ViewFund,
    /// <summary>Run the maintenance fund: open it, import balances, raise top-ups from a vote, approve and charge works, allocate (committee).</summary>
    RunFund,
    /// <summary>Draft works plans paid from the fund (committee and the serving property company).</summary>
    DraftWorksPlans,
    /// <summary>Apply for an emergency use of the fund without a prior vote (committee or street; Order 165 Art. 24).</summary>
    ApplyEmergencyFundUse,
    /// <summary>Merge duplicate owner parties and remove empty ones (committee, street, city): the register's head count.</summary>
    MaintainOwnerParties,
    /// <summary>Read the community's audit log (committee, its street, city): who changed what in the community and when.</summary>
    ReadCommunityAudit,
}
