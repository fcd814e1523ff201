namespace Renovation.Community.Application.Features.Notices;

public sealed class SubscribeTemplate
{
    public string TemplateId { get; set; } = "";
    /// <summary>Page opened from the message; <c>{noticeId}</c> etc. are filled from the payload.</summary>
    public string? Page { get; set; }
    public Dictionary<string, string> Fields { get; set; } = new(StringComparer.Ordinal);
}
