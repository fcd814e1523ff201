namespace Renovation.Community.Application.Common.Leases;

/// <summary>A named, expiring lock row: the node holding it runs the singleton work (the outbox dispatcher).</summary>
public sealed class Lease
{
    private Lease() { }

    public Lease(string name, string holder, DateTimeOffset expiresAt)
    {
        Name = name;
        Holder = holder;
        ExpiresAt = expiresAt;
    }

    public string Name { get; private set; } = "";
    public string Holder { get; private set; } = "";
    public DateTimeOffset ExpiresAt { get; private set; }
}
