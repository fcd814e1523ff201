using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Renovation.Community.WeChat.Pay.Signing;

/// <summary>Loads the PEM files that the merchant platform hands out.</summary>
internal static class PemFiles
{
    public static RSA ReadPrivateKey(string path)
    {
        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(File.ReadAllText(path));
            // ImportFromPem happily accepts a public key; signing would then fail on the first order.
            _ = rsa.ExportParameters(includePrivateParameters: true);
            return rsa;
        }
        catch
        {
            rsa.Dispose();
            throw;
        }
    }

    public static RSA ReadPublicKey(string path)
    {
        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(File.ReadAllText(path));
            return rsa;
        }
        catch
        {
            rsa.Dispose();
            throw;
        }
    }

    public static X509Certificate2 ReadPlatformCertificate(string path, string expectedSerial)
    {
        var certificate = LoadCertificatePem(File.ReadAllText(path));
        if (!string.Equals(certificate.SerialNumber, expectedSerial, StringComparison.OrdinalIgnoreCase))
        {
            var actual = certificate.SerialNumber;
            certificate.Dispose();
            throw new InvalidOperationException($"the certificate's serial is {actual}, not {expectedSerial}.");
        }
        return certificate;
    }

    public static X509Certificate2 LoadCertificatePem(string pem)
    {
        var fields = PemEncoding.Find(pem);
        if (!pem.AsSpan()[fields.Label].SequenceEqual("CERTIFICATE"))
        {
            throw new InvalidOperationException("the file is not a PEM certificate.");
        }
        var der = Convert.FromBase64String(pem[fields.Base64Data]);
        return X509CertificateLoader.LoadCertificate(der);
    }
}
