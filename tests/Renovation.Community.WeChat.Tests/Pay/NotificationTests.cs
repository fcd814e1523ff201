using Renovation.Community.WeChat.Tests.Support;
using Renovation.Community.WeChatSimulator.Pay;

namespace Renovation.Community.WeChat.Tests.Pay;

public sealed class NotificationTests : IAsyncLifetime
{
    private WeChatHarness _h = null!;
    private string _outTradeNo = "";

    public async Task InitializeAsync()
    {
        _h = await WeChatHarness.StartAsync();
        var openId = (await _h.MiniProgram.Code2SessionAsync("demo-resident")).OpenId;
        var order = PayTestData.Order(openId, 5000);
        await _h.Pay.CreateJsapiOrderAsync(order);
        _outTradeNo = order.OutTradeNo;
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private Task<NotificationDelivery> FirstSuccess() => _h.Simulator.WaitForDeliveryAsync(d => d.Succeeded && !d.IsDuplicate, TimeSpan.FromSeconds(10));

    [Fact]
    public async Task Duplicate_notifications_carry_the_same_id_so_handling_them_once_is_possible()
    {
        await _h.Simulator.PayAsync(_outTradeNo, new PaymentOptions { Duplicates = 2 });
        await _h.Simulator.WaitForDeliveryAsync(d => d.IsDuplicate && d.Attempt == 3, TimeSpan.FromSeconds(10));

        Assert.Equal(3, _h.Receiver.Posts);
        Assert.Single(_h.Receiver.Accepted);
        Assert.Single(_h.Simulator.NotificationDeliveries.Select(d => d.NotificationId).Distinct());
    }

    [Theory]
    [InlineData(NotificationTamper.ForgedSignature, "does not verify")]
    [InlineData(NotificationTamper.SignTestProbe, "SIGNTEST")]
    [InlineData(NotificationTamper.StaleTimestamp, "5 minutes")]
    [InlineData(NotificationTamper.WrongApiV3Key, "decrypt")]
    public async Task A_tampered_notification_is_refused_with_4xx_and_the_genuine_retry_is_accepted(NotificationTamper tamper, string reason)
    {
        await _h.Simulator.PayAsync(_outTradeNo, new PaymentOptions { Tamper = tamper });
        var delivered = await FirstSuccess();

        var first = _h.Simulator.NotificationDeliveries.Single(d => d.Attempt == 1);
        Assert.Equal(tamper, first.Tamper);
        Assert.Equal(401, first.StatusCode);
        Assert.Equal(2, delivered.Attempt);
        Assert.Contains(_h.Receiver.Rejections, r => r.Contains(reason, StringComparison.Ordinal));
        Assert.Single(_h.Receiver.Accepted);
    }
}
