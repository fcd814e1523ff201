namespace Renovation.Community.Application.Features.Voting;

/// <summary>The nine matters Civil Code Article 278 reserves to the owners jointly; the matter fixes the thresholds.</summary>
public enum Matter
{
    /// <summary>Make or change the owners' assembly rules of procedure.</summary>
    RulesOfProcedure = 1,
    /// <summary>Make or change the management statute.</summary>
    ManagementStatute = 2,
    /// <summary>Elect the owners' committee or replace members.</summary>
    ElectCommittee = 3,
    /// <summary>Hire or dismiss the property company or other manager.</summary>
    HireOrDismissManager = 4,
    /// <summary>Use the maintenance fund.</summary>
    UseMaintenanceFund = 5,
    /// <summary>Raise the maintenance fund.</summary>
    RaiseMaintenanceFund = 6,
    /// <summary>Rebuild or reconstruct buildings and their facilities.</summary>
    RebuildBuildings = 7,
    /// <summary>Change the use of common parts or run business on them.</summary>
    ChangeUseOfCommonParts = 8,
    /// <summary>Other major matters of common ownership and management.</summary>
    OtherMajorMatter = 9,
}
