using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Events;

namespace Renovation.Community.Application.Features.Realtime;

public sealed class OutboxSignalInterceptor(OutboxSignal signal) : SaveChangesInterceptor
{
    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        NotifyIfOutboxWritten(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        NotifyIfOutboxWritten(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void NotifyIfOutboxWritten(DbContext? context)
    {
        if (context is null)
            return;
        // The save has just detected and accepted every change; Entries() would scan the whole tracker again.
        var tracker = context.ChangeTracker;
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            if (tracker.Entries<OutboxEvent>().Any(e => e.Entity.Sequence is null))
                signal.Notify();
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
    }
}
