namespace Renovation.Community.Application.Common.Http;

/// <summary>
/// Headers every answer carries: no MIME sniffing, no framing, and no caching of JSON, which holds names and
/// ID-number suffixes that must not stay in a shared cache or a phone's HTTP cache. Kestrel's <c>Server</c> header
/// is turned off in <c>AddApiServices</c>.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext http)
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            if (http.Response.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
                headers.CacheControl = "no-store";
            return Task.CompletedTask;
        });
        return next(http);
    }
}
