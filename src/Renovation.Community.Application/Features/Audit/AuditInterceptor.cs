using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common;

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
        return new AuditEntry(actor.UserId, action, entry.Metadata.ClrType.Name, entry.Entity.Id.ToString(),
            before, after, now, actor.CorrelationId);
    }

    // The log is read by people, not rendered as HTML: keep Chinese readable instead of \u-escaped.
    private static readonly JsonSerializerOptions SnapshotJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Snapshot(EntityEntry entry, bool original) =>
        JsonSerializer.Serialize(entry.Properties.ToDictionary(
            p => p.Metadata.Name,
            p => original ? p.OriginalValue : p.CurrentValue), SnapshotJson);
}
