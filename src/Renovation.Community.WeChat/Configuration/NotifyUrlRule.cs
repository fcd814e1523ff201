namespace Renovation.Community.WeChat.Configuration;

/// <summary>WeChat Pay only calls https notify URLs without a query string.</summary>
internal static class NotifyUrlRule
{
    /// <returns>null when acceptable, otherwise the reason.</returns>
    public static string? Check(string? notifyUrl, bool allowHttp)
    {
        if (string.IsNullOrWhiteSpace(notifyUrl))
        {
            return "is missing.";
        }
        // On Unix "/pay/notify" parses as an absolute file:// URI; only web URLs count.
        if (!Uri.TryCreate(notifyUrl, UriKind.Absolute, out var uri) || uri.IsFile || uri.IsUnc)
        {
            return $"'{notifyUrl}' is not an absolute URL.";
        }
        var schemeOk = uri.Scheme == Uri.UriSchemeHttps || (allowHttp && uri.Scheme == Uri.UriSchemeHttp);
        if (!schemeOk)
        {
            return $"'{notifyUrl}' must use https.";
        }
        if (!string.IsNullOrEmpty(uri.Query))
        {
            return $"'{notifyUrl}' must not carry a query string (WeChat Pay drops it).";
        }
        return null;
    }
}
