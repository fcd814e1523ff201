using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common;
using Renovation.Community.Application.Features.Places;

namespace Renovation.Community.Application.Features.Audit;

/// <summary>
/// Writes an <see cref="AuditEntry"/> for every added, changed or deleted <see cref="IAudited"/> entity in the same
/// transaction as the change, so no administrative change can skip the log.
/// </summary>
public sealed class AuditInterceptor(ICurrentActor actor, TimeProvider clock) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        AddEntries(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        AddEntries(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void AddEntries(DbContext? context)
    {
        if (context is null)
            return;
        context.ChangeTracker.DetectChanges();
        var now = clock.GetUtcNow();
        var entries = context.ChangeTracker.Entries<IAudited>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => ToAuditEntry(e, now))
            .ToList();
        context.Set<AuditEntry>().AddRange(entries);
    }

    private AuditEntry ToAuditEntry(EntityEntry<IAudited> entry, DateTimeOffset now)
    {
        var action = entry.State switch
        {
            EntityState.Added => "created",
            EntityState.Deleted => "deleted",
            _ => "updated",
        };
        var before = entry.State == EntityState.Added ? null : Snapshot(entry, original: true);
        var after = entry.State == EntityState.Deleted ? null : Snapshot(entry, original: false);
        return new AuditEntry(actor.UserId, actor.Name, CommunityOf(entry), action, entry.Metadata.ClrType.Name,
            entry.Entity.Id.ToString(), before, after, now, actor.CorrelationId);
    }

    /// <summary>
    /// The community a row belongs to: its <c>CommunityId</c> (a deleted row's as it was), or the community's own id.
    /// Rows above communities (districts, streets, users, grants) have none.
    /// </summary>
    private static Guid? CommunityOf(EntityEntry<IAudited> entry)
    {
        if (entry.Entity is ResidentialCommunity)
            return entry.Entity.Id;
        if (entry.Metadata.FindProperty(CommunityIdProperty) is not { } property)
            return null;
        var value = entry.State == EntityState.Deleted ? entry.Property(property.Name).OriginalValue : entry.Property(property.Name).CurrentValue;
        return value is Guid id ? id : null;
    }

    /// <summary>The name every community-owned entity gives its community (Unit, Vote, FundAccount, Notice …).</summary>
    private const string CommunityIdProperty = "CommunityId";

    // The log is read by people, not rendered as HTML: keep Chinese readable instead of \u-escaped; enums by name
    // ("Status":"Approved"), because a number means nothing to its reader and changes meaning if members are reordered.
    private static readonly JsonSerializerOptions SnapshotJson = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    private static string Snapshot(EntityEntry entry, bool original) =>
        JsonSerializer.Serialize(entry.Properties.ToDictionary(
            p => p.Metadata.Name,
            p => original ? p.OriginalValue : p.CurrentValue), SnapshotJson);
}
