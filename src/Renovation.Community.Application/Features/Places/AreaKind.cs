namespace Renovation.Community.Application.Features.Places;

/// <summary>
/// Which of a unit's two areas a split or a count uses. The law names a different one for different purposes: Order 165
/// (《住宅专项维修资金管理办法》 Arts. 7 and 22) counts the fund by building area (建筑面积); Civil Code Art. 278 counts
/// votes, and Art. 283 common-part income, by exclusive area (专有部分面积).
/// </summary>
public enum AreaKind
{
    /// <summary>专有部分面积: the area inside the unit's own walls, as registered.</summary>
    Exclusive = 0,
    /// <summary>建筑面积: the exclusive area plus the unit's share of the building's common parts.</summary>
    Building = 1,
}
