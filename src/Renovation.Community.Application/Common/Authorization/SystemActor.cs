namespace Renovation.Community.Application.Common.Authorization;

/// <summary>
/// The system as an actor: what a scheduled job (a sweep) records where a row needs the id of whoever acted, such as the
/// publisher of a notice it publishes. A fixed, recognisable id that no user can have (users get version-7 GUIDs), so a
/// reader can tell "the system did this" from a person, unlike <see cref="Guid.Empty"/>, which reads as "not set".
/// The audit log names the job itself (<c>job:&lt;JobName&gt;</c>, see <see cref="JobActor"/>).
/// </summary>
public static class SystemActor
{
    public static readonly Guid Id = new("00000000-0000-0000-0000-000000000001");
}
