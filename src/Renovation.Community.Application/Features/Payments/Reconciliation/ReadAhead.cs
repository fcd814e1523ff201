using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Renovation.Community.Application.Features.Payments.Reconciliation;

/// <summary>
/// Enumerates a source on its own task from the moment it is created, at most <see cref="Batches"/> batches of
/// <see cref="BatchSize"/> ahead of the reader (so memory stays bounded). The matcher opens the day's payments this
/// way before it sorts the bill: the database sorts them while we parse, and the merge then reads rows that have already
/// arrived instead of waiting for each one.
/// </summary>
internal sealed class ReadAhead<T> : IAsyncDisposable
{
    private const int BatchSize = 1024;
    private const int Batches = 4;

    private readonly Channel<T[]> _channel = Channel.CreateBounded<T[]>(
        new BoundedChannelOptions(Batches) { SingleReader = true, SingleWriter = true });
    private readonly CancellationTokenSource _stop;
    private readonly Task _producer;

    public ReadAhead(IAsyncEnumerable<T> source, CancellationToken ct)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        _producer = Task.Run(() => ProduceAsync(source, _stop.Token), CancellationToken.None); // it ends itself on cancellation
    }

    private async Task ProduceAsync(IAsyncEnumerable<T> source, CancellationToken ct)
    {
        try
        {
            var batch = new List<T>(BatchSize);
            await foreach (var item in source.WithCancellation(ct))
            {
                batch.Add(item);
                if (batch.Count == BatchSize)
                {
                    await _channel.Writer.WriteAsync(batch.ToArray(), ct);
                    batch.Clear();
                }
            }
            if (batch.Count > 0)
                await _channel.Writer.WriteAsync(batch.ToArray(), ct);
            _channel.Writer.Complete();
        }
        catch (Exception e)
        {
            // The reader sees the failure (or the cancellation) where it reads.
            _channel.Writer.TryComplete(e);
        }
    }

    /// <summary>The source's items in order; call once.</summary>
    public async IAsyncEnumerable<T> ReadAllAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var batch in _channel.Reader.ReadAllAsync(ct))
        {
            foreach (var item in batch)
                yield return item;
        }
    }

    /// <summary>Stops the producer (if the reader left early) and waits for it, so the source's connection is free again.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _producer;
        _stop.Dispose();
    }
}
