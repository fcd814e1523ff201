namespace Renovation.Community.Application.Common;

public static class Ids
{
    /// <summary>Version 7 GUIDs sort by creation time, which keeps clustered indexes on MySQL compact.</summary>
    public static Guid New() => Guid.CreateVersion7();
}
