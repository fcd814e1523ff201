namespace Renovation.Community.Application.Extensions;

/// <summary>
/// The address this API can be reached at on this machine, from the <c>urls</c> setting (<c>--urls</c>,
/// <c>ASPNETCORE_URLS</c>, or the launch profile's applicationUrl): the embedded WeChat simulator posts payment
/// notifications there. The first http address wins over https (the simulator does not trust a development
/// certificate); a wildcard host (<c>*</c>, <c>+</c>, <c>0.0.0.0</c>, <c>[::]</c>) becomes 127.0.0.1. Without
/// <c>urls</c> it is Kestrel's default, http://localhost:5000.
/// </summary>
public static class ApiListenAddress
{
    public const string KestrelDefault = "http://localhost:5000";

    public static string From(string? urls)
    {
        var candidates = (urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Parse).OfType<UriBuilder>().ToList();
        var chosen = candidates.FirstOrDefault(u => u.Scheme == Uri.UriSchemeHttp) ?? candidates.FirstOrDefault();
        return chosen is null ? KestrelDefault : chosen.Uri.GetLeftPart(UriPartial.Authority);
    }

    private static UriBuilder? Parse(string url)
    {
        // "*" and "+" are not host names a Uri accepts.
        var loopback = url.Replace("://*", "://127.0.0.1", StringComparison.Ordinal).Replace("://+", "://127.0.0.1", StringComparison.Ordinal);
        if (!Uri.TryCreate(loopback, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            return null;
        var builder = new UriBuilder(uri);
        if (builder.Host is "0.0.0.0" or "[::]" or "::")
            builder.Host = "127.0.0.1";
        return builder;
    }
}
