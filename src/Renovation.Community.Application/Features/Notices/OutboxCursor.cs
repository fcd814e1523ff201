namespace Renovation.Community.Application.Features.Notices;

/// <summary>How far a reader of the outbox has got (the subscribe-message planner).</summary>
public sealed class OutboxCursor
{
    private OutboxCursor() { }

    public OutboxCursor(string name) => Name = name;

    public string Name { get; private set; } = "";
    public long LastSequence { get; private set; }

    public void MoveTo(long sequence) => LastSequence = Math.Max(LastSequence, sequence);
}
