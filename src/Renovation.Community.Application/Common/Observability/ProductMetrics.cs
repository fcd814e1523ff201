using System.Diagnostics.Metrics;
using System.Text.Json;

namespace Renovation.Community.Application.Common.Observability;

/// <summary>
/// The product's own meter (<see cref="MeterName"/>): what happened to ballots, payments, the outbox, live connections,
/// reconciliation and the sweeps. Each counter is moved by the one path that commits the effect, after it committed,
/// so a rolled-back or replayed attempt is never counted. Tags are low-cardinality words (a channel, a purpose, a job
/// name), never an id or an openid. docs/operations.md lists every instrument and what to alert on.
/// </summary>
public sealed class ProductMetrics
{
    public const string MeterName = "Renovation.Community";

    private readonly Meter _meter;
    private readonly Counter<long> _ballots;
    private readonly Counter<long> _paymentsSettled;
    private readonly Counter<long> _paymentsRefused;
    private readonly Counter<long> _discrepancies;
    private readonly Counter<long> _jobRuns;

    public ProductMetrics(IMeterFactory meters, OutboxLag outboxLag)
    {
        _meter = meters.Create(MeterName);
        _ballots = _meter.CreateCounter<long>("renovation.ballots.recorded", "{ballot}",
            "Ballots recorded (committed), online, proxy or paper; a replacement counts as a ballot");
        _paymentsSettled = _meter.CreateCounter<long>("renovation.payments.settled", "{payment}",
            "Payments credited and accepted by their purpose");
        _paymentsRefused = _meter.CreateCounter<long>("renovation.payments.refused", "{payment}",
            "Payments credited but refused (refunded in full): rejected by the purpose, purpose retired, or paid after close");
        _discrepancies = _meter.CreateCounter<long>("renovation.reconciliation.discrepancies", "{discrepancy}",
            "New differences between WeChat Pay's daily trade bill and our books");
        _jobRuns = _meter.CreateCounter<long>("renovation.jobs.runs", "{run}", "Scheduled job (sweep) runs that finished");
        _meter.CreateObservableGauge("renovation.outbox.lag", outboxLag.Observe, "s",
            "Age of the oldest outbox event not yet published to clients (0 when none)");
    }

    /// <summary>A ballot committed by the ballot box.</summary>
    public void BallotsRecorded(Enum channel, bool replacement, int count = 1) =>
        _ballots.Add(count, new("channel", Tag(channel)), new("replacement", replacement));

    public void PaymentSettled(string purpose, Enum source) =>
        _paymentsSettled.Add(1, new("purpose", purpose), new("source", Tag(source)));

    /// <param name="reason"><c>rejected_by_purpose</c>, <c>purpose_retired</c> or <c>paid_after_close</c>.</param>
    public void PaymentRefused(string purpose, Enum source, string reason) =>
        _paymentsRefused.Add(1, new("purpose", purpose), new("source", Tag(source)), new("reason", reason));

    public void DiscrepanciesFound(Enum kind, int count) => _discrepancies.Add(count, new KeyValuePair<string, object?>("kind", Tag(kind)));

    public void JobRan(string job, bool succeeded) =>
        _jobRuns.Add(1, new("job", job), new("outcome", succeeded ? "succeeded" : "failed"));

    /// <summary>Hub connections this node holds (joined and ready), read from the hub's own tracking at each collection.</summary>
    public void ObserveLiveConnections(Func<int> count) =>
        _meter.CreateObservableUpDownCounter("renovation.realtime.connections", () => count(), "{connection}",
            "Hub connections held by this node (past the ready message)");

    /// <summary>An enum member as a tag value: <c>PaidAfterClose</c> → <c>paid_after_close</c>.</summary>
    private static string Tag(Enum value) => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
