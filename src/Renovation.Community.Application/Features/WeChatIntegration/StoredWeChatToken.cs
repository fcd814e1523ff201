namespace Renovation.Community.Application.Features.WeChatIntegration;

/// <summary>The mini-program access token, shared through the database by every node (one row per app id).</summary>
public sealed class StoredWeChatToken
{
    private StoredWeChatToken() { }

    public StoredWeChatToken(string appId, string value, DateTimeOffset expiresAt)
    {
        AppId = appId;
        Replace(value, expiresAt);
    }

    public string AppId { get; private set; } = "";
    public string Value { get; private set; } = "";
    public DateTimeOffset ExpiresAt { get; private set; }

    public void Replace(string value, DateTimeOffset expiresAt)
    {
        Value = value;
        ExpiresAt = expiresAt;
    }

    /// <summary>Keeps the token out of logs.</summary>
    public override string ToString() => $"StoredWeChatToken({AppId}, expires {ExpiresAt:O})";
}
