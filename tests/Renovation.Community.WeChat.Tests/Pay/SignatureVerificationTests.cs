using System.Security.Cryptography;
using System.Text;
using Renovation.Community.WeChat.Pay;
using Renovation.Community.WeChat.Pay.Signing;
using Renovation.Community.WeChat.Tests.Support;
using Renovation.Community.WeChatSimulator;
using Renovation.Community.WeChatSimulator.Faults;

namespace Renovation.Community.WeChat.Tests.Pay;

public sealed class SignatureVerificationTests : IAsyncLifetime
{
    private WeChatHarness _h = null!;
    private string _outTradeNo = "";

    public async Task InitializeAsync()
    {
        _h = await WeChatHarness.StartAsync();
        var openId = (await _h.MiniProgram.Code2SessionAsync("demo-resident")).OpenId;
        var order = PayTestData.Order(openId);
        await _h.Pay.CreateJsapiOrderAsync(order);
        _outTradeNo = order.OutTradeNo;
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Theory]
    [InlineData(SimulatorSigningKey.PublicKey)]
    [InlineData(SimulatorSigningKey.PlatformCertificate)]
    public async Task Answers_signed_with_the_PUB_KEY_ID_key_or_the_platform_certificate_are_both_accepted(SimulatorSigningKey key)
    {
        _h.Simulator.SigningKey = key;
        var order = await _h.Pay.QueryOrderAsync(_outTradeNo);
        Assert.Equal(_outTradeNo, order.OutTradeNo);
    }

    [Fact]
    public async Task An_answer_signed_by_anyone_else_is_refused_and_not_retried()
    {
        _h.Simulator.Faults.Inject(SimulatorPaths.OrderQuery, Fault.ForgedSignature());
        var e = await Assert.ThrowsAsync<WeChatPaySignatureException>(() => _h.Pay.QueryOrderAsync(_outTradeNo));
        Assert.Contains("does not verify", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_WECHATPAY_SIGNTEST_probe_answer_is_refused()
    {
        _h.Simulator.Faults.Inject(SimulatorPaths.OrderQuery, Fault.SignTestSignature());
        var e = await Assert.ThrowsAsync<WeChatPaySignatureException>(() => _h.Pay.QueryOrderAsync(_outTradeNo));
        Assert.Contains("SIGNTEST", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_signed_six_minutes_ago_is_refused_as_a_replay()
    {
        _h.Simulator.Faults.Inject(SimulatorPaths.OrderQuery, Fault.StaleSignature());
        var e = await Assert.ThrowsAsync<WeChatPaySignatureException>(() => _h.Pay.QueryOrderAsync(_outTradeNo));
        Assert.Contains("5 minutes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WeChat_Pay_refuses_our_request_when_our_clock_is_six_minutes_off_with_401_SIGN_ERROR()
    {
        _h.Clock.Offset = TimeSpan.FromMinutes(6);
        var e = await Assert.ThrowsAsync<WeChatPayApiException>(() => _h.Pay.QueryOrderAsync(_outTradeNo));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, e.Status);
        Assert.Equal(WeChatPayErrorCodes.SignError, e.Code);
        Assert.Equal(1, _h.Simulator.Counters.RejectedPaySignatures);
    }

    [Fact]
    public async Task WeChat_Pay_accepts_our_request_four_minutes_off()
    {
        _h.Clock.Offset = TimeSpan.FromMinutes(-4);
        var order = await _h.Pay.QueryOrderAsync(_outTradeNo);
        Assert.Equal(_outTradeNo, order.OutTradeNo);
        Assert.Equal(0, _h.Simulator.Counters.RejectedPaySignatures);
    }

    [Fact]
    public async Task A_request_signed_with_a_key_WeChat_Pay_does_not_know_is_401_SIGN_ERROR()
    {
        var otherKeyPath = Path.Combine(_h.KeyDirectory, "other_key.pem");
        using (var other = RSA.Create(2048))
        {
            await File.WriteAllTextAsync(otherKeyPath, other.ExportPkcs8PrivateKeyPem());
        }
        var settings = new Dictionary<string, string?>(_h.Settings) { ["WeChat:Pay:PrivateKeyPath"] = otherKeyPath };
        await using var provider = WeChatHarness.Build(settings, TimeProvider.System);
        var pay = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<IWeChatPayClient>(provider);

        var e = await Assert.ThrowsAsync<WeChatPayApiException>(() => pay.QueryOrderAsync(_outTradeNo));
        Assert.Equal(WeChatPayErrorCodes.SignError, e.Code);
    }

    [Fact]
    public async Task An_answer_under_a_serial_we_were_not_given_is_refused()
    {
        var settings = new Dictionary<string, string?>(_h.Settings)
        {
            ["WeChat:Pay:PublicKeyId"] = null,
            ["WeChat:Pay:PublicKeyPath"] = null,
        };
        await using var provider = WeChatHarness.Build(settings, TimeProvider.System);
        var pay = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<IWeChatPayClient>(provider);
        _h.Simulator.SigningKey = SimulatorSigningKey.PublicKey;

        var e = await Assert.ThrowsAsync<WeChatPaySignatureException>(() => pay.QueryOrderAsync(_outTradeNo));
        Assert.Contains("neither", e.Message, StringComparison.Ordinal);

        _h.Simulator.SigningKey = SimulatorSigningKey.PlatformCertificate;
        Assert.Equal(_outTradeNo, (await pay.QueryOrderAsync(_outTradeNo)).OutTradeNo);
    }

    [Theory]
    [InlineData(-290, true)]
    [InlineData(290, true)]
    [InlineData(-310, false)]
    [InlineData(310, false)]
    public void The_verifier_accepts_timestamps_within_five_minutes_either_way(int secondsOff, bool accepted)
    {
        using var wechatPay = RSA.Create(2048);
        using var merchant = RSA.Create(2048);
        using var ring = new WeChatPayKeyRing(merchant, new Dictionary<string, RSA> { ["5157F09EFDC096DE15EBE81A47057A7232F1B8E1"] = wechatPay });
        _ = wechatPay.ExportParameters(false); // generate the key now, not between reading the clock and signing
        var clock = new TestClock();
        var verifier = new WeChatPaySignatureVerifier(ring, clock);
        var body = Encoding.UTF8.GetBytes("{}");
        var timestamp = (clock.GetUtcNow().ToUnixTimeSeconds() + secondsOff).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signature = Convert.ToBase64String(wechatPay.SignData(Encoding.UTF8.GetBytes($"{timestamp}\nN\n{{}}\n"), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        var headers = new WeChatPaySignatureHeaders("5157F09EFDC096DE15EBE81A47057A7232F1B8E1", timestamp, "N", signature);

        var error = Record.Exception(() => verifier.Verify(headers, body));

        Assert.Equal(accepted, error is null);
    }
}
