namespace Renovation.Community.Application.Features.Notices;

/// <summary>
/// Section <c>Notifications</c>. <c>Templates</c> maps an event kind (e.g. <c>notice.published</c>) to a subscribe
/// message template; each field value is a pattern where <c>{name}</c> takes the event payload's property and
/// <c>{name:time}</c> / <c>{name:date}</c> formats a time in China Standard Time.
/// </summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    public Dictionary<string, SubscribeTemplate> Templates { get; set; } = new(StringComparer.Ordinal);
    /// <summary>Attempts for transient failures (-1, timeouts, 5xx) before a message is given up.</summary>
    public int MaxAttempts { get; set; } = 5;
    /// <summary>First retry delay; doubles on every attempt.</summary>
    public int RetryBaseSeconds { get; set; } = 30;
    public int BatchSize { get; set; } = 50;
    /// <summary><c>developer</c>, <c>trial</c> or <c>formal</c> (WeChat's default).</summary>
    public string? MiniProgramState { get; set; }
}
