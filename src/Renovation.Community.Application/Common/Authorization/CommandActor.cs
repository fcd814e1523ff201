namespace Renovation.Community.Application.Common.Authorization;

/// <summary>
/// The command an operator runs on the host (<c>grant-role</c>) while it changes data: the audit log names it
/// <c>command:&lt;verb&gt;</c>, since no signed-in user and no job acts. An <see cref="AsyncLocal{T}"/> like <see cref="JobActor"/>.
/// </summary>
public static class CommandActor
{
    private static readonly AsyncLocal<string?> Running = new();

    public static string? Current => Running.Value;

    public static IDisposable Run(string verb)
    {
        var outer = Running.Value;
        Running.Value = verb;
        return new Restore(outer);
    }

    private sealed class Restore(string? outer) : IDisposable
    {
        public void Dispose() => Running.Value = outer;
    }
}
