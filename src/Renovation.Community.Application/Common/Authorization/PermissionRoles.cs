namespace Renovation.Community.Application.Common.Authorization;

internal static class PermissionRoles
{
    /// <summary>Deny by default: a permission lists exactly the roles that confer it.</summary>
    public static Role[] For(Permission permission) => permission switch
    {
        Permission.ViewCommunity => [Role.CommitteeMember, Role.CommitteeChair, Role.PropertyStaff, Role.StreetOfficer, Role.CityAdmin],
        Permission.ViewRegister => [Role.CommitteeMember, Role.CommitteeChair, Role.PropertyStaff, Role.StreetOfficer, Role.CityAdmin],
        Permission.DecideBindings => [Role.CommitteeMember, Role.CommitteeChair, Role.PropertyStaff],
        Permission.ManagePlaces => [Role.StreetOfficer, Role.CityAdmin],
        Permission.MaintainOwnerParties => [Role.CommitteeMember, Role.CommitteeChair, Role.StreetOfficer, Role.CityAdmin],
        Permission.ManageRoles => [Role.StreetOfficer, Role.CityAdmin],
        Permission.ConveneRenovation => [Role.StreetOfficer],
        Permission.ManageRenovationLibrary => [Role.CityAdmin],
        Permission.ReviewRenovationPlans => [Role.CityAdmin],
        Permission.ConveneVotes => [Role.CommitteeMember, Role.CommitteeChair, Role.StreetOfficer],
        Permission.EnterPaperBallots => [Role.CommitteeMember, Role.CommitteeChair],
        Permission.ManageVotingSettings => [Role.CommitteeChair, Role.StreetOfficer],
        Permission.PublishNotices => [Role.CommitteeMember, Role.CommitteeChair, Role.PropertyStaff, Role.StreetOfficer],
        Permission.ViewFundPayments => [Role.CommitteeMember, Role.CommitteeChair, Role.StreetOfficer, Role.CityAdmin],
        Permission.ViewServicePayments => [Role.PropertyStaff, Role.StreetOfficer, Role.CityAdmin],
        Permission.RefundFundPayments => [Role.CommitteeChair],
        Permission.RefundServicePayments => [Role.PropertyStaff],
        Permission.ConveneCommitteeMeetings => [Role.CommitteeChair],
        Permission.SitOnCommittee => [Role.CommitteeMember, Role.CommitteeChair],
        Permission.ReadCommunityAudit => [Role.CommitteeMember, Role.CommitteeChair, Role.StreetOfficer, Role.CityAdmin],
        Permission.ReadCommitteeMeetings => [Role.CommitteeMember, Role.CommitteeChair, Role.StreetOfficer, Role.CityAdmin],
        Permission.ManageServices => [Role.PropertyStaff],
        Permission.ViewServiceOversight => [Role.CommitteeMember, Role.CommitteeChair, Role.StreetOfficer, Role.CityAdmin],
        Permission.ViewFund => [Role.CommitteeMember, Role.CommitteeChair, Role.StreetOfficer, Role.CityAdmin],
        Permission.RunFund => [Role.CommitteeMember, Role.CommitteeChair],
        Permission.DraftWorksPlans => [Role.CommitteeMember, Role.CommitteeChair, Role.PropertyStaff],
        Permission.ApplyEmergencyFundUse => [Role.CommitteeMember, Role.CommitteeChair, Role.StreetOfficer],
        _ => [],
    };
}
