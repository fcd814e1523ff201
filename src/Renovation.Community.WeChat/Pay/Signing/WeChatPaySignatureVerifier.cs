using System.Security.Cryptography;
using System.Text;

namespace Renovation.Community.WeChat.Pay.Signing;

/// <summary>The four <c>Wechatpay-*</c> headers that accompany every response and notification.</summary>
public sealed record WeChatPaySignatureHeaders(string? Serial, string? Timestamp, string? Nonce, string? Signature)
{
    public const string SerialHeader = "Wechatpay-Serial";
    public const string TimestampHeader = "Wechatpay-Timestamp";
    public const string NonceHeader = "Wechatpay-Nonce";
    public const string SignatureHeader = "Wechatpay-Signature";

    /// <summary>Reads the headers through any lookup (ASP.NET request headers, HttpResponseMessage, a dictionary).</summary>
    public static WeChatPaySignatureHeaders From(Func<string, string?> header) =>
        new(header(SerialHeader), header(TimestampHeader), header(NonceHeader), header(SignatureHeader));
}

/// <summary>Verifies WeChat Pay's SHA256withRSA signatures over <c>timestamp\nnonce\nbody\n</c>.</summary>
public sealed class WeChatPaySignatureVerifier(WeChatPayKeyRing keys, TimeProvider time)
{
    /// <summary>WeChat Pay sends probes signed with this prefix to check that merchants really verify.</summary>
    public const string SignTestPrefix = "WECHATPAY/SIGNTEST/";

    public static readonly TimeSpan AllowedClockSkew = TimeSpan.FromMinutes(5);

    /// <exception cref="WeChatPaySignatureException">when anything about the signature is wrong.</exception>
    public void Verify(WeChatPaySignatureHeaders headers, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(headers.Serial) || string.IsNullOrEmpty(headers.Timestamp) ||
            string.IsNullOrEmpty(headers.Nonce) || string.IsNullOrEmpty(headers.Signature))
        {
            throw new WeChatPaySignatureException("A Wechatpay-Serial/Timestamp/Nonce/Signature header is missing.");
        }
        if (headers.Signature.StartsWith(SignTestPrefix, StringComparison.Ordinal))
        {
            throw new WeChatPaySignatureException("The signature is a WECHATPAY/SIGNTEST probe.");
        }
        if (!long.TryParse(headers.Timestamp, out var seconds))
        {
            throw new WeChatPaySignatureException("Wechatpay-Timestamp is not a number.");
        }
        var skew = time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (skew.Duration() > AllowedClockSkew)
        {
            // Replays of an old, genuinely signed message are refused here.
            throw new WeChatPaySignatureException($"Wechatpay-Timestamp is {skew.TotalSeconds:0} s away from now (more than 5 minutes).");
        }
        if (!keys.TryGetWeChatPayKey(headers.Serial, out var key))
        {
            throw new WeChatPaySignatureException($"Wechatpay-Serial {headers.Serial} is neither a configured platform certificate nor the public key id.");
        }

        var signature = new byte[headers.Signature.Length];
        if (!Convert.TryFromBase64String(headers.Signature, signature, out var signatureLength))
        {
            throw new WeChatPaySignatureException("Wechatpay-Signature is not base64.");
        }
        var message = BuildMessage(headers.Timestamp, headers.Nonce, body);
        if (!key.VerifyData(message, signature.AsSpan(0, signatureLength), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
        {
            throw new WeChatPaySignatureException($"The signature does not verify with key {headers.Serial}.");
        }
    }

    private static byte[] BuildMessage(string timestamp, string nonce, ReadOnlySpan<byte> body)
    {
        // Verify over the raw body bytes: re-encoding a parsed body would change what was signed.
        var head = Encoding.UTF8.GetBytes($"{timestamp}\n{nonce}\n");
        var message = new byte[head.Length + body.Length + 1];
        head.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(head.Length));
        message[^1] = (byte)'\n';
        return message;
    }
}
