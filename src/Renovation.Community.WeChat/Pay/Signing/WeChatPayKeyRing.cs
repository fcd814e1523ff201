using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Renovation.Community.WeChat.Configuration;

namespace Renovation.Community.WeChat.Pay.Signing;

/// <summary>
/// The merchant's private key and every key WeChat Pay may sign with, by <c>Wechatpay-Serial</c>:
/// platform certificate serials and the <c>PUB_KEY_ID_…</c> public key live side by side because a
/// merchant migrating from certificates to the public key receives both for a while.
/// </summary>
public sealed class WeChatPayKeyRing : IDisposable
{
    public const string PublicKeyIdPrefix = "PUB_KEY_ID_";

    private readonly Dictionary<string, RSA> _wechatPayKeys;

    public WeChatPayKeyRing(RSA merchantPrivateKey, IReadOnlyDictionary<string, RSA> wechatPayKeysBySerial)
    {
        MerchantPrivateKey = merchantPrivateKey;
        _wechatPayKeys = new Dictionary<string, RSA>(wechatPayKeysBySerial, StringComparer.OrdinalIgnoreCase);
    }

    public RSA MerchantPrivateKey { get; }

    public IReadOnlyCollection<string> KnownSerials => _wechatPayKeys.Keys;

    public bool TryGetWeChatPayKey(string serial, out RSA key) => _wechatPayKeys.TryGetValue(serial, out key!);

    internal static WeChatPayKeyRing Load(WeChatPayOptions options)
    {
        var keys = new Dictionary<string, RSA>(StringComparer.OrdinalIgnoreCase);
        foreach (var (serial, path) in options.PlatformCertificates)
        {
            using var certificate = PemFiles.ReadPlatformCertificate(path, serial);
            keys[serial] = certificate.GetRSAPublicKey()
                ?? throw new InvalidOperationException($"Platform certificate {serial} has no RSA key.");
        }
        if (!string.IsNullOrWhiteSpace(options.PublicKeyId) && !string.IsNullOrWhiteSpace(options.PublicKeyPath))
        {
            keys[options.PublicKeyId] = PemFiles.ReadPublicKey(options.PublicKeyPath);
        }
        return new WeChatPayKeyRing(PemFiles.ReadPrivateKey(options.PrivateKeyPath), keys);
    }

    public void Dispose()
    {
        MerchantPrivateKey.Dispose();
        foreach (var key in _wechatPayKeys.Values)
        {
            key.Dispose();
        }
    }
}
