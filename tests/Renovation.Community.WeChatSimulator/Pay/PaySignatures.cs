using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Renovation.Community.WeChatSimulator.Pay;

/// <summary>The simulator's own implementation of WeChat Pay v3 signing, independent of the client library.</summary>
internal static partial class PaySignatures
{
    private const string Scheme = "WECHATPAY2-SHA256-RSA2048";

    /// <summary>Checks a request's Authorization header; returns null when it is good, otherwise why not.</summary>
    public static string? CheckRequest(string? authorization, string method, string rawTarget, string body, SimulatorKeys keys, string mchId, DateTimeOffset now)
    {
        if (authorization is null || !authorization.StartsWith(Scheme + " ", StringComparison.Ordinal))
        {
            return "Authorization is missing or not WECHATPAY2-SHA256-RSA2048";
        }
        var fields = AuthorizationField().Matches(authorization[(Scheme.Length + 1)..])
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value, StringComparer.Ordinal);
        string Field(string name) => fields.TryGetValue(name, out var value) ? value : "";

        if (Field("mchid") != mchId)
        {
            return "mchid does not match";
        }
        if (!string.Equals(Field("serial_no"), keys.MerchantSerialNo, StringComparison.OrdinalIgnoreCase))
        {
            return "serial_no is not the merchant certificate serial";
        }
        if (!long.TryParse(Field("timestamp"), out var timestamp) ||
            Math.Abs(now.ToUnixTimeSeconds() - timestamp) > 300)
        {
            return "timestamp is more than 5 minutes away";
        }
        var nonce = Field("nonce_str");
        if (nonce.Length == 0)
        {
            return "nonce_str is missing";
        }
        var message = Encoding.UTF8.GetBytes($"{method}\n{rawTarget}\n{timestamp}\n{nonce}\n{body}\n");
        byte[] signature;
        try
        {
            signature = Convert.FromBase64String(Field("signature"));
        }
        catch (FormatException)
        {
            return "signature is not base64";
        }
        return keys.MerchantPublicKey.VerifyData(message, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            ? null
            : "signature does not verify with the merchant public key";
    }

    /// <summary>Signs <c>timestamp\nnonce\nbody\n</c> for a response or notification.</summary>
    public static string Sign(RSA key, long timestamp, string nonce, ReadOnlySpan<byte> body)
    {
        var head = Encoding.UTF8.GetBytes($"{timestamp}\n{nonce}\n");
        var message = new byte[head.Length + body.Length + 1];
        head.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(head.Length));
        message[^1] = (byte)'\n';
        return Convert.ToBase64String(key.SignData(message, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    public static string NewNonce() => RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 32);

    [GeneratedRegex("(\\w+)=\"([^\"]*)\"")]
    private static partial Regex AuthorizationField();
}
