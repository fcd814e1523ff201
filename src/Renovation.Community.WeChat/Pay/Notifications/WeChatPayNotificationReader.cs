using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Renovation.Community.WeChat.Configuration;
using Renovation.Community.WeChat.Pay.Signing;

namespace Renovation.Community.WeChat.Pay.Notifications;

/// <summary>
/// Turns the raw POST of a payment or refund notification into a <see cref="WeChatPayNotification"/>.
/// The endpoint should answer 200/204 on success and 4xx <c>{"code":"FAIL","message":"…"}</c> when this throws,
/// so that WeChat Pay retries.
/// </summary>
public sealed class WeChatPayNotificationReader(WeChatPaySignatureVerifier verifier, IOptions<WeChatOptions> options)
{
    /// <exception cref="WeChatPaySignatureException">the signature is missing, forged, stale or a probe.</exception>
    /// <exception cref="WeChatPayNotificationException">the body cannot be parsed or decrypted.</exception>
    public WeChatPayNotification Read(WeChatPaySignatureHeaders headers, ReadOnlySpan<byte> rawBody)
    {
        // Signature first: nothing from an unverified body is parsed, let alone decrypted.
        verifier.Verify(headers, rawBody);

        NotificationEnvelope envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<NotificationEnvelope>(rawBody, WeChatJson.Options)
                ?? throw new WeChatPayNotificationException("The notification body is empty.");
        }
        catch (JsonException e)
        {
            throw new WeChatPayNotificationException("The notification body is not the expected JSON.", e);
        }

        var resource = envelope.Resource ?? throw new WeChatPayNotificationException("The notification has no resource.");
        if (resource.Algorithm != AeadAes256Gcm.AlgorithmName)
        {
            throw new WeChatPayNotificationException($"Unsupported resource algorithm '{resource.Algorithm}'.");
        }

        string plaintext;
        try
        {
            plaintext = AeadAes256Gcm.Decrypt(options.Value.Pay.ApiV3Key, resource.Nonce, resource.AssociatedData, resource.Ciphertext);
        }
        catch (Exception e) when (e is CryptographicException or FormatException or ArgumentException)
        {
            throw new WeChatPayNotificationException("The notification resource does not decrypt with the APIv3 key.", e);
        }

        return new WeChatPayNotification(envelope.Id, envelope.CreateTime, envelope.EventType, envelope.Summary, resource.OriginalType ?? "", plaintext);
    }

    private sealed record NotificationEnvelope(
        string Id,
        DateTimeOffset? CreateTime,
        string EventType,
        string? ResourceType,
        string? Summary,
        NotificationResource? Resource);

    private sealed record NotificationResource(
        string Algorithm,
        string Ciphertext,
        string Nonce,
        string? AssociatedData,
        string? OriginalType);
}
