using System.Security.Cryptography;
using System.Text;
using Renovation.Community.WeChat.Pay.Notifications;
using Renovation.Community.WeChat.Pay.Signing;
using Renovation.Community.WeChat.Tests.Support;

namespace Renovation.Community.WeChat.Tests.Pay;

/// <summary>Our signatures and decryption checked against openssl and node's crypto, in both directions.</summary>
public sealed class IndependentCryptoTests : IAsyncLifetime
{
    private WeChatHarness _h = null!;

    public async Task InitializeAsync() => _h = await WeChatHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private string MerchantKeyPath => _h.Settings["WeChat:Pay:PrivateKeyPath"]!;

    [Fact]
    public async Task Our_request_signature_verifies_with_openssl_dgst()
    {
        using var key = RSA.Create();
        key.ImportFromPem(await File.ReadAllTextAsync(MerchantKeyPath));
        var message = WeChatPaySigner.RequestMessage("POST", "/v3/pay/transactions/jsapi", 1764300000, "NONCE123", "{\"description\":\"维修资金\"}");
        var signature = WeChatPaySigner.Sign(key, message);

        var dir = _h.KeyDirectory;
        await File.WriteAllTextAsync(Path.Combine(dir, "message.txt"), message);
        await File.WriteAllBytesAsync(Path.Combine(dir, "signature.bin"), Convert.FromBase64String(signature));
        var (pubExit, pubOutput) = await ExternalTools.RunAsync("openssl", "pkey", "-in", MerchantKeyPath, "-pubout", "-out", Path.Combine(dir, "merchant_pub.pem"));
        Assert.True(pubExit == 0, pubOutput);

        var (exit, output) = await ExternalTools.RunAsync("openssl", "dgst", "-sha256", "-verify", Path.Combine(dir, "merchant_pub.pem"),
            "-signature", Path.Combine(dir, "signature.bin"), Path.Combine(dir, "message.txt"));
        Assert.Equal(0, exit);
        Assert.Contains("Verified OK", output, StringComparison.Ordinal);

        // The same check must fail for a message that differs by one byte.
        await File.WriteAllTextAsync(Path.Combine(dir, "message.txt"), message.Replace("POST", "GET ", StringComparison.Ordinal));
        var (tamperedExit, _) = await ExternalTools.RunAsync("openssl", "dgst", "-sha256", "-verify", Path.Combine(dir, "merchant_pub.pem"),
            "-signature", Path.Combine(dir, "signature.bin"), Path.Combine(dir, "message.txt"));
        Assert.NotEqual(0, tamperedExit);
    }

    [Fact]
    public async Task Our_wx_requestPayment_paySign_verifies_with_node_crypto()
    {
        var parameters = _h.Pay.BuildRequestPayment("wx201410272009395522657a690389285100");
        var message = $"{parameters.AppId}\n{parameters.TimeStamp}\n{parameters.NonceStr}\n{parameters.Package}\n";
        const string script = """
            const crypto = require('crypto'); const fs = require('fs');
            const [keyPath, messageB64, signature] = process.argv.slice(1);
            const publicKey = crypto.createPublicKey(fs.readFileSync(keyPath));
            const ok = crypto.verify('RSA-SHA256', Buffer.from(messageB64, 'base64'), publicKey, Buffer.from(signature, 'base64'));
            process.stdout.write(ok ? 'valid' : 'invalid');
            """;
        var (exit, output) = await ExternalTools.RunAsync("node", "-e", script, MerchantKeyPath,
            Convert.ToBase64String(Encoding.UTF8.GetBytes(message)), parameters.PaySign);
        Assert.Equal(0, exit);
        Assert.Equal("valid", output);
    }

    [Fact]
    public async Task A_resource_node_encrypts_with_AES_256_GCM_decrypts_with_ours()
    {
        var apiV3Key = _h.Simulator.ClientSettings.ApiV3Key;
        const string plaintext = "{\"out_trade_no\":\"RC2026112800001\",\"trade_state\":\"SUCCESS\",\"amount\":{\"total\":100}}";
        const string script = """
            const crypto = require('crypto');
            const [key, nonce, aad, text] = process.argv.slice(1);
            const cipher = crypto.createCipheriv('aes-256-gcm', Buffer.from(key, 'utf8'), Buffer.from(nonce, 'utf8'));
            cipher.setAAD(Buffer.from(aad, 'utf8'));
            const sealed = Buffer.concat([cipher.update(text, 'utf8'), cipher.final(), cipher.getAuthTag()]);
            process.stdout.write(sealed.toString('base64'));
            """;
        var (exit, ciphertext) = await ExternalTools.RunAsync("node", "-e", script, apiV3Key, "fdasflkja484", "transaction", plaintext);
        Assert.Equal(0, exit);

        Assert.Equal(plaintext, AeadAes256Gcm.Decrypt(apiV3Key, "fdasflkja484", "transaction", ciphertext));
        Assert.ThrowsAny<CryptographicException>(() => AeadAes256Gcm.Decrypt(apiV3Key, "fdasflkja484", "certificate", ciphertext));
    }

    [Fact]
    public async Task A_notification_node_signs_verifies_with_ours_and_a_one_byte_change_does_not()
    {
        var dir = _h.KeyDirectory;
        var keyPath = Path.Combine(dir, "node_wechatpay_key.pem");
        var (genExit, genOutput) = await ExternalTools.RunAsync("openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", keyPath);
        Assert.True(genExit == 0, genOutput);
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        const string body = "{\"id\":\"EV-2018022511223320873\",\"event_type\":\"TRANSACTION.SUCCESS\"}";
        const string script = """
            const crypto = require('crypto'); const fs = require('fs');
            const [keyPath, ts, nonce, body] = process.argv.slice(1);
            const signature = crypto.sign('RSA-SHA256', Buffer.from(`${ts}\n${nonce}\n${body}\n`, 'utf8'), fs.readFileSync(keyPath));
            process.stdout.write(signature.toString('base64'));
            """;
        var (exit, signature) = await ExternalTools.RunAsync("node", "-e", script, keyPath, timestamp, "593BEC0C930BF1AFEB40B4A08C8FB242", body);
        Assert.Equal(0, exit);

        using var wechatPayKey = RSA.Create();
        wechatPayKey.ImportFromPem(await File.ReadAllTextAsync(keyPath));
        using var merchant = RSA.Create(2048);
        using var ring = new WeChatPayKeyRing(merchant, new Dictionary<string, RSA> { ["PUB_KEY_ID_0000000000000001"] = wechatPayKey });
        var verifier = new WeChatPaySignatureVerifier(ring, TimeProvider.System);
        var headers = new WeChatPaySignatureHeaders("PUB_KEY_ID_0000000000000001", timestamp, "593BEC0C930BF1AFEB40B4A08C8FB242", signature);

        verifier.Verify(headers, Encoding.UTF8.GetBytes(body));
        Assert.Throws<Renovation.Community.WeChat.Pay.WeChatPaySignatureException>(() =>
            verifier.Verify(headers, Encoding.UTF8.GetBytes(body.Replace("SUCCESS", "SUCCESz", StringComparison.Ordinal))));
    }
}
