using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Renovation.Community.WeChat.Configuration;
using Renovation.Community.WeChat.Pay;
using Renovation.Community.WeChat.Tests.Support;
using Renovation.Community.WeChatSimulator;

namespace Renovation.Community.WeChat.Tests.Configuration;

public sealed class OptionsValidationTests : IAsyncLifetime
{
    private WeChatSimulatorServer _sim = null!;
    private string _keys = "";
    private Dictionary<string, string?> _good = null!;

    public async Task InitializeAsync()
    {
        _sim = await WeChatSimulatorServer.StartAsync(new SimulatorOptions { ShareKeysWithinProcess = true });
        _keys = Directory.CreateTempSubdirectory("wechat-options-").FullName;
        _good = new Dictionary<string, string?>(_sim.ClientSettings.ToConfiguration(_keys, "http://127.0.0.1:5000/pay/notify"));
    }

    public async Task DisposeAsync()
    {
        await _sim.DisposeAsync();
        Directory.Delete(_keys, recursive: true);
    }

    private string StartFailure(Action<Dictionary<string, string?>> change)
    {
        var settings = new Dictionary<string, string?>(_good);
        change(settings);
        var e = Assert.Throws<OptionsValidationException>(() => WeChatHarness.Build(settings, TimeProvider.System).Dispose());
        return e.Message;
    }

    [Fact]
    public void The_simulator_configuration_starts()
    {
        using var provider = WeChatHarness.Build(_good, TimeProvider.System);
        Assert.Equal(WeChatMode.Simulator, provider.GetRequiredService<IOptions<WeChatOptions>>().Value.Mode);
    }

    [Fact]
    public void Every_missing_credential_is_reported_on_its_own_line()
    {
        var failures = StartFailure(s =>
        {
            s["WeChat:MiniProgram:AppId"] = "";
            s["WeChat:MiniProgram:AppSecret"] = "";
            s["WeChat:Pay:MchId"] = "";
        });
        var lines = failures.Split(Environment.NewLine).Select(l => l.Trim()).ToList();
        Assert.Equal("WeChat configuration is invalid:", lines[0]);
        Assert.Contains("WeChat:MiniProgram:AppId is missing.", lines);
        Assert.Contains("WeChat:MiniProgram:AppSecret is missing.", lines);
        Assert.Contains("WeChat:Pay:MchId is missing.", lines);
        Assert.Equal(4, lines.Count);
    }

    [Theory]
    [InlineData("0123456789012345678901234567890")]
    [InlineData("012345678901234567890123456789012")]
    [InlineData("")]
    public void An_APIv3_key_that_is_not_32_bytes_stops_the_start(string key)
    {
        Assert.Contains("ApiV3Key must be exactly 32 bytes", StartFailure(s => s["WeChat:Pay:ApiV3Key"] = key), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreadable_private_key_file_stops_the_start()
    {
        Assert.Contains("WeChat:Pay:PrivateKeyPath '/no/such/apiclient_key.pem' cannot be used",
            StartFailure(s => s["WeChat:Pay:PrivateKeyPath"] = "/no/such/apiclient_key.pem"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_public_key_given_as_the_private_key_stops_the_start()
    {
        Assert.Contains("WeChat:Pay:PrivateKeyPath", StartFailure(s => s["WeChat:Pay:PrivateKeyPath"] = s["WeChat:Pay:PublicKeyPath"]), StringComparison.Ordinal);
    }

    [Fact]
    public void A_platform_certificate_filed_under_the_wrong_serial_stops_the_start()
    {
        var failures = StartFailure(s =>
        {
            var serial = _sim.ClientSettings.PlatformCertificateSerial;
            s["WeChat:Pay:PlatformCertificates:0000AAAA"] = s[$"WeChat:Pay:PlatformCertificates:{serial}"];
        });
        Assert.Contains("the certificate's serial is", failures, StringComparison.Ordinal);
    }

    [Fact]
    public void A_public_key_id_without_the_PUB_KEY_ID_prefix_stops_the_start()
    {
        Assert.Contains("must start with PUB_KEY_ID_", StartFailure(s => s["WeChat:Pay:PublicKeyId"] = "0114232134912410"), StringComparison.Ordinal);
    }

    [Fact]
    public void No_WeChat_Pay_key_at_all_stops_the_start()
    {
        var failures = StartFailure(s =>
        {
            foreach (var key in s.Keys.Where(k => k.StartsWith("WeChat:Pay:PlatformCertificates", StringComparison.Ordinal) || k.StartsWith("WeChat:Pay:PublicKey", StringComparison.Ordinal)).ToList())
            {
                s.Remove(key);
            }
        });
        Assert.Contains("needs PlatformCertificates", failures, StringComparison.Ordinal);
    }

    [Fact]
    public void Real_mode_refuses_http_base_urls_and_http_notify_urls()
    {
        var failures = StartFailure(s => s["WeChat:Mode"] = "Real");
        Assert.Contains("WeChat:MiniProgram:BaseUrl must be https in Real mode.", failures, StringComparison.Ordinal);
        Assert.Contains("WeChat:Pay:BaseUrl must be https in Real mode.", failures, StringComparison.Ordinal);
        Assert.Contains("WeChat:Pay:NotifyUrl 'http://127.0.0.1:5000/pay/notify' must use https.", failures, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulator_mode_requires_the_simulator_address()
    {
        var failures = StartFailure(s => s["WeChat:MiniProgram:BaseUrl"] = null);
        Assert.Contains("WeChat:MiniProgram:BaseUrl is required in Simulator mode", failures, StringComparison.Ordinal);
    }

    [Fact]
    public void A_notify_url_with_a_query_stops_the_start()
    {
        Assert.Contains("must not carry a query string", StartFailure(s => s["WeChat:Pay:NotifyUrl"] = "http://127.0.0.1/notify?x=1"), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_Pay_section_the_mini_program_starts_and_Pay_explains_itself_when_asked_for()
    {
        var settings = _good.Where(kv => !kv.Key.StartsWith("WeChat:Pay:", StringComparison.Ordinal)).ToDictionary(kv => kv.Key, kv => kv.Value);
        using var provider = WeChatHarness.Build(settings, TimeProvider.System);
        var e = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IWeChatPayClient>());
        Assert.Contains("WeChat Pay is not configured", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://example.com/pay/notify", false, null)]
    [InlineData("http://example.com/pay/notify", true, null)]
    [InlineData("http://example.com/pay/notify", false, "must use https")]
    [InlineData("https://example.com/pay/notify?id=1", false, "query string")]
    [InlineData("/pay/notify", false, "not an absolute URL")]
    public void The_notify_url_rule_is_https_without_query_relaxed_to_http_for_the_simulator(string url, bool allowHttp, string? problem)
    {
        var result = NotifyUrlRule.Check(url, allowHttp);
        if (problem is null)
        {
            Assert.Null(result);
        }
        else
        {
            Assert.Contains(problem, result, StringComparison.Ordinal);
        }
    }
}
