namespace Renovation.Community.WeChat.Tests.Support;

/// <summary>The system clock, shifted on demand, so a test can stand six minutes in the future.</summary>
public sealed class TestClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}
