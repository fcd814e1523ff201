namespace Renovation.Community.Application.Features.Voting;

/// <summary>
/// A candidate as a person: a registered owner (a member of an owner party) or a registered user acting for a unit of
/// the community. <see cref="Key"/> is who the person is: the same name and ID suffix is the same person however they
/// were named (the register identifies persons the same way), otherwise the member or the user.
/// </summary>
public sealed record CandidatePerson(string Key, string Name, string? Flat, string? IdLast4, Guid? PartyMemberId, Guid? UserId)
{
    public const int MaxKey = 100;
    public const int MaxFlat = 64;

    public static string KeyOf(string name, string? idLast4, string fallback) =>
        idLast4 is { Length: > 0 } ? $"person:{name}|{idLast4}" : fallback;

    /// <summary>How the candidate is shown, apart from anyone of the same name: "王五（1幢 101，证件尾号 1234）".</summary>
    public static string Label(string name, string? flat, string? idLast4)
    {
        var parts = new[] { flat, idLast4 is null ? null : $"证件尾号 {idLast4}" }.Where(p => !string.IsNullOrEmpty(p)).ToList();
        return parts.Count == 0 ? name : $"{name}（{string.Join("，", parts)}）";
    }
}
