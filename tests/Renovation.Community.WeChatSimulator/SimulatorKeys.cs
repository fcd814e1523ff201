using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Renovation.Community.WeChatSimulator;

/// <summary>Which of WeChat Pay's two key kinds the simulator signs responses and notifications with.</summary>
public enum SimulatorSigningKey
{
    /// <summary>The WeChat Pay public key, announced as <c>PUB_KEY_ID_…</c> (what new merchants get).</summary>
    PublicKey = 0,

    /// <summary>The platform certificate, announced by its serial number (what older merchants have).</summary>
    PlatformCertificate = 1,
}

/// <summary>All key material, generated at start so that nothing secret is ever checked in.</summary>
internal sealed class SimulatorKeys : IDisposable
{
    private SimulatorKeys(RSA? merchantPrivate, RSA merchantPublic, string merchantSerial, RSA platform, X509Certificate2 platformCertificate, RSA wechatPayKey, string publicKeyId, string apiV3Key)
    {
        MerchantPrivateKey = merchantPrivate;
        MerchantPublicKey = merchantPublic;
        MerchantSerialNo = merchantSerial;
        PlatformKey = platform;
        PlatformCertificate = platformCertificate;
        PublicKey = wechatPayKey;
        PublicKeyId = publicKeyId;
        ApiV3Key = apiV3Key;
    }

    public RSA? MerchantPrivateKey { get; }

    public RSA MerchantPublicKey { get; }

    public string MerchantSerialNo { get; }

    public RSA PlatformKey { get; }

    public X509Certificate2 PlatformCertificate { get; }

    public string PlatformSerial => PlatformCertificate.SerialNumber;

    public RSA PublicKey { get; }

    public string PublicKeyId { get; }

    public string ApiV3Key { get; }

    private static readonly Lock SharedGate = new();
    private static SharedMaterial? _shared;

    /// <summary>Exported key material reused by instances that opt in, so a test suite pays for RSA generation once.</summary>
    private sealed record SharedMaterial(RSAParameters Merchant, string MerchantSerial, RSAParameters Platform, byte[] Certificate, RSAParameters PublicKey, string PublicKeyId, string ApiV3Key);

    public static SimulatorKeys Generate(SimulatorOptions options)
    {
        if (options.ShareKeysWithinProcess && options.MerchantPublicKeyPem is null && options.MerchantSerialNo is null)
        {
            return FromShared();
        }
        return Create(options);
    }

    private static SimulatorKeys FromShared()
    {
        SharedMaterial shared;
        lock (SharedGate)
        {
            if (_shared is null)
            {
                using var fresh = Create(new SimulatorOptions());
                _shared = new SharedMaterial(
                    fresh.MerchantPrivateKey!.ExportParameters(true), fresh.MerchantSerialNo,
                    fresh.PlatformKey.ExportParameters(true), fresh.PlatformCertificate.Export(X509ContentType.Cert),
                    fresh.PublicKey.ExportParameters(true), fresh.PublicKeyId, fresh.ApiV3Key);
            }
            shared = _shared;
        }
        var merchant = RSA.Create(shared.Merchant);
        return new SimulatorKeys(merchant, merchant, shared.MerchantSerial, RSA.Create(shared.Platform),
            X509CertificateLoader.LoadCertificate(shared.Certificate), RSA.Create(shared.PublicKey), shared.PublicKeyId, shared.ApiV3Key);
    }

    private static SimulatorKeys Create(SimulatorOptions options)
    {
        RSA? merchantPrivate = null;
        RSA merchantPublic;
        string merchantSerial;
        if (options.MerchantPublicKeyPem is { } pem)
        {
            merchantPublic = RSA.Create();
            merchantPublic.ImportFromPem(pem);
            merchantSerial = options.MerchantSerialNo ?? throw new ArgumentException("MerchantSerialNo is required with MerchantPublicKeyPem.", nameof(options));
        }
        else
        {
            merchantPrivate = RSA.Create(2048);
            merchantPublic = merchantPrivate;
            merchantSerial = options.MerchantSerialNo ?? RandomHex(20);
        }

        var platform = RSA.Create(2048);
        var request = new CertificateRequest("CN=WeChat Pay Simulator Platform, O=Tenpay.com", platform, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = DateTimeOffset.UtcNow;
        var certificate = request.Create(request.SubjectName, X509SignatureGenerator.CreateForRSA(platform, RSASignaturePadding.Pkcs1),
            now.AddDays(-1), now.AddYears(5), RandomNumberGenerator.GetBytes(20).Select((b, i) => i == 0 ? (byte)(b & 0x7F | 0x10) : b).ToArray());

        var publicKeyId = "PUB_KEY_ID_" + RandomNumberGenerator.GetString("0123456789", 32);
        var apiV3Key = RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 32);
        return new SimulatorKeys(merchantPrivate, merchantPublic, merchantSerial, platform, certificate, RSA.Create(2048), publicKeyId, apiV3Key);
    }

    public (string Serial, RSA Key) SigningKey(SimulatorSigningKey kind) =>
        kind == SimulatorSigningKey.PublicKey ? (PublicKeyId, PublicKey) : (PlatformSerial, PlatformKey);

    public static string RandomHex(int bytes) => Convert.ToHexString(RandomNumberGenerator.GetBytes(bytes));

    public void Dispose()
    {
        MerchantPrivateKey?.Dispose();
        MerchantPublicKey.Dispose();
        PlatformKey.Dispose();
        PlatformCertificate.Dispose();
        PublicKey.Dispose();
    }
}
