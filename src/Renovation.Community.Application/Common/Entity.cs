namespace Renovation.Community.Application.Common;

/// <summary>Marks entities whose every change is written to the audit log with before and after values.</summary>
public interface IAudited
{
    Guid Id { get; }
}

public static class Ids
{
    /// <summary>Version 7 GUIDs sort by creation time, which keeps clustered indexes on MySQL compact.</summary>
    public static Guid New() => Guid.CreateVersion7();
}
