namespace Renovation.Community.WeChatSimulator;

/// <summary>Everything a WeChat client needs to talk to this simulator instance.</summary>
public sealed record SimulatorClientSettings(
    string BaseUrl,
    string AppId,
    string AppSecret,
    string MchId,
    string MerchantSerialNo,
    string? MerchantPrivateKeyPem,
    string ApiV3Key,
    string PlatformCertificateSerial,
    string PlatformCertificatePem,
    string PublicKeyId,
    string PublicKeyPem)
{
    /// <summary>
    /// Writes the PEM files into <paramref name="keyDirectory"/> and returns the <c>WeChat:*</c> settings for
    /// <c>AddInMemoryCollection</c>, pointing both hosts at the simulator and trusting both WeChat Pay keys.
    /// </summary>
    public IReadOnlyDictionary<string, string?> ToConfiguration(string keyDirectory, string notifyUrl, string? merchantPrivateKeyPath = null)
    {
        Directory.CreateDirectory(keyDirectory);
        var privateKeyPath = merchantPrivateKeyPath ?? Write(keyDirectory, "apiclient_key.pem",
            MerchantPrivateKeyPem ?? throw new InvalidOperationException("The simulator was given a merchant public key; pass the matching private key path."));
        var certificatePath = Write(keyDirectory, "wechatpay_platform_cert.pem", PlatformCertificatePem);
        var publicKeyPath = Write(keyDirectory, "pub_key.pem", PublicKeyPem);
        return new Dictionary<string, string?>
        {
            ["WeChat:Mode"] = "Simulator",
            ["WeChat:MiniProgram:AppId"] = AppId,
            ["WeChat:MiniProgram:AppSecret"] = AppSecret,
            ["WeChat:MiniProgram:BaseUrl"] = BaseUrl,
            ["WeChat:Pay:MchId"] = MchId,
            ["WeChat:Pay:MerchantSerialNo"] = MerchantSerialNo,
            ["WeChat:Pay:PrivateKeyPath"] = privateKeyPath,
            ["WeChat:Pay:ApiV3Key"] = ApiV3Key,
            [$"WeChat:Pay:PlatformCertificates:{PlatformCertificateSerial}"] = certificatePath,
            ["WeChat:Pay:PublicKeyId"] = PublicKeyId,
            ["WeChat:Pay:PublicKeyPath"] = publicKeyPath,
            ["WeChat:Pay:BaseUrl"] = BaseUrl,
            ["WeChat:Pay:NotifyUrl"] = notifyUrl,
        };
    }

    /// <summary>Keeps the secrets out of logs and test output.</summary>
    public override string ToString() => $"SimulatorClientSettings({BaseUrl}, app {AppId}, mch {MchId})";

    private static string Write(string directory, string name, string pem)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, pem);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return path;
    }
}
