using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using Renovation.Community.WeChat.Configuration;

namespace Renovation.Community.WeChat.Pay.Signing;

/// <summary>
/// Signs every WeChat Pay request and verifies every successful response. It sits inside the
/// resilience pipeline, so each retry carries a fresh timestamp and nonce.
/// </summary>
internal sealed class WeChatPaySigningHandler(
    WeChatPayKeyRing keys,
    WeChatPaySignatureVerifier verifier,
    IOptions<WeChatOptions> options,
    TimeProvider time) : DelegatingHandler
{
    /// <summary>Bill downloads are the one response WeChat Pay does not sign; the SHA1 check covers them.</summary>
    public static readonly HttpRequestOptionsKey<bool> SkipResponseVerification = new("WeChatPay.SkipResponseVerification");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var pay = options.Value.Pay;
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        var nonce = WeChatPaySigner.NewNonce();
        var message = WeChatPaySigner.RequestMessage(request.Method.Method, request.RequestUri!.PathAndQuery, timestamp, nonce, body);
        var signature = WeChatPaySigner.Sign(keys.MerchantPrivateKey, message);
        request.Headers.Authorization = new AuthenticationHeaderValue(
            WeChatPaySigner.AuthorizationScheme,
            WeChatPaySigner.AuthorizationParameter(pay.MchId, pay.MerchantSerialNo, timestamp, nonce, signature));
        request.Headers.Accept.Clear();
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        var response = await base.SendAsync(request, cancellationToken);
        var skip = request.Options.TryGetValue(SkipResponseVerification, out var skipValue) && skipValue;
        if (!response.IsSuccessStatusCode || skip)
        {
            // Error bodies are only reported, never acted on, and WeChat Pay does not sign every error.
            return response;
        }

        using (response)
        {
            var raw = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            verifier.Verify(WeChatPaySignatureHeaders.From(name => FirstHeader(response, name)), raw);
            return CopyWithBody(response, raw);
        }
    }

    private static string? FirstHeader(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static HttpResponseMessage CopyWithBody(HttpResponseMessage original, byte[] raw)
    {
        var copy = new HttpResponseMessage(original.StatusCode)
        {
            RequestMessage = original.RequestMessage,
            ReasonPhrase = original.ReasonPhrase,
            Version = original.Version,
            Content = new ByteArrayContent(raw),
        };
        foreach (var header in original.Headers)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
        foreach (var header in original.Content.Headers)
        {
            copy.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
        return copy;
    }
}
