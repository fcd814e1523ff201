using System.Security.Cryptography;
using System.Text;

namespace Renovation.Community.WeChat.Pay.Notifications;

/// <summary>AEAD_AES_256_GCM as WeChat Pay uses it for notification resources and sensitive fields.</summary>
public static class AeadAes256Gcm
{
    public const string AlgorithmName = "AEAD_AES_256_GCM";
    private const int TagSize = 16;

    /// <param name="apiV3Key">the 32-byte APIv3 key</param>
    /// <param name="nonce">resource.nonce, used as its UTF-8 bytes (12 of them)</param>
    /// <param name="associatedData">resource.associated_data; may be empty</param>
    /// <param name="ciphertextBase64">resource.ciphertext: base64 of ciphertext followed by the 16-byte tag</param>
    /// <exception cref="CryptographicException">when the key, nonce or tag do not fit.</exception>
    public static string Decrypt(string apiV3Key, string nonce, string? associatedData, string ciphertextBase64)
    {
        var key = Encoding.UTF8.GetBytes(apiV3Key);
        var nonceBytes = Encoding.UTF8.GetBytes(nonce);
        var sealedBytes = Convert.FromBase64String(ciphertextBase64);
        if (sealedBytes.Length < TagSize)
        {
            throw new CryptographicException("The ciphertext is shorter than the GCM tag.");
        }
        var cipher = sealedBytes.AsSpan(0, sealedBytes.Length - TagSize);
        var tag = sealedBytes.AsSpan(sealedBytes.Length - TagSize);
        var plain = new byte[cipher.Length];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(nonceBytes, cipher, tag, plain, Encoding.UTF8.GetBytes(associatedData ?? ""));
        return Encoding.UTF8.GetString(plain);
    }
}
