using System.Security.Cryptography;
using System.Text;

namespace Renovation.Community.WeChat.Pay.Signing;

/// <summary>SHA256withRSA signatures with the merchant private key (APIv3 request signing and paySign).</summary>
public static class WeChatPaySigner
{
    public const string AuthorizationScheme = "WECHATPAY2-SHA256-RSA2048";

    /// <summary>The string WeChat Pay expects us to sign: <c>METHOD\nPATH_WITH_QUERY\ntimestamp\nnonce\nbody\n</c>.</summary>
    public static string RequestMessage(string method, string pathAndQuery, long timestamp, string nonce, string body) =>
        $"{method}\n{pathAndQuery}\n{timestamp}\n{nonce}\n{body}\n";

    public static string Sign(RSA privateKey, string message) =>
        Convert.ToBase64String(privateKey.SignData(Encoding.UTF8.GetBytes(message), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    public static string AuthorizationParameter(string mchId, string serialNo, long timestamp, string nonce, string signature) =>
        $"mchid=\"{mchId}\",nonce_str=\"{nonce}\",signature=\"{signature}\",timestamp=\"{timestamp}\",serial_no=\"{serialNo}\"";

    /// <summary>32 random upper-case alphanumerics, as the official SDKs use.</summary>
    public static string NewNonce()
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        return RandomNumberGenerator.GetString(alphabet, 32);
    }
}
