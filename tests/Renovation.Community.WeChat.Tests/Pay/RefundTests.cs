using Renovation.Community.WeChat.Pay;
using Renovation.Community.WeChat.Pay.Notifications;
using Renovation.Community.WeChat.Pay.Orders;
using Renovation.Community.WeChat.Pay.Refunds;
using Renovation.Community.WeChat.Tests.Support;

namespace Renovation.Community.WeChat.Tests.Pay;

public sealed class RefundTests : IAsyncLifetime
{
    private WeChatHarness _h = null!;
    private JsapiOrderRequest _order = null!;

    public async Task InitializeAsync()
    {
        _h = await WeChatHarness.StartAsync();
        var openId = (await _h.MiniProgram.Code2SessionAsync("demo-resident")).OpenId;
        _order = PayTestData.Order(openId, 10_000);
        await _h.Pay.CreateJsapiOrderAsync(_order);
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task A_refund_is_accepted_settles_and_notifies_REFUND_SUCCESS()
    {
        await _h.Simulator.PayAsync(_order.OutTradeNo);
        var refund = await _h.Pay.RefundAsync(new RefundRequest(_order.OutTradeNo, "RF-1", 2500, 10_000) { Reason = "重复缴费", NotifyUrl = _h.Receiver.NotifyUrl });

        Assert.Equal(RefundStatuses.Processing, refund.Status);
        Assert.Equal(2500, refund.Amount!.RefundFen);
        var queried = await _h.Pay.QueryRefundAsync("RF-1");
        Assert.Equal(RefundStatuses.Success, queried.Status);
        Assert.Equal(refund.RefundId, queried.RefundId);
        Assert.Equal(TradeStates.Refund, (await _h.Pay.QueryOrderAsync(_order.OutTradeNo)).TradeState);

        await _h.Simulator.WaitForDeliveryAsync(d => d.Succeeded && d.EventType == WeChatPayNotification.RefundSuccess, TimeSpan.FromSeconds(5));
        var notification = _h.Receiver.Accepted.Values.Single(n => n.IsRefund);
        var resource = notification.ReadRefund();
        Assert.Equal("RF-1", resource.OutRefundNo);
        Assert.Equal(2500, resource.Amount!.RefundFen);
    }

    [Fact]
    public async Task The_same_out_refund_no_never_refunds_twice()
    {
        await _h.Simulator.PayAsync(_order.OutTradeNo);
        var request = new RefundRequest(_order.OutTradeNo, "RF-2", 4000, 10_000);
        var first = await _h.Pay.RefundAsync(request);
        var second = await _h.Pay.RefundAsync(request);

        Assert.Equal(first.RefundId, second.RefundId);
        Assert.Equal(4000, _h.Simulator.Orders.Find(_order.OutTradeNo)!.RefundedFen);
    }

    [Fact]
    public async Task Refunding_more_than_is_left_is_refused_by_WeChat_Pay()
    {
        await _h.Simulator.PayAsync(_order.OutTradeNo);
        await _h.Pay.RefundAsync(new RefundRequest(_order.OutTradeNo, "RF-3", 8000, 10_000));
        var e = await Assert.ThrowsAsync<WeChatPayApiException>(() => _h.Pay.RefundAsync(new RefundRequest(_order.OutTradeNo, "RF-4", 3000, 10_000)));
        Assert.Equal(WeChatPayErrorCodes.InvalidRequest, e.Code);
    }

    [Fact]
    public async Task An_unpaid_order_cannot_be_refunded()
    {
        var e = await Assert.ThrowsAsync<WeChatPayApiException>(() => _h.Pay.RefundAsync(new RefundRequest(_order.OutTradeNo, "RF-5", 100, 10_000)));
        Assert.Equal(WeChatPayErrorCodes.InvalidRequest, e.Code);
    }

    [Fact]
    public async Task Querying_an_unknown_refund_is_RESOURCE_NOT_EXISTS()
    {
        var e = await Assert.ThrowsAsync<WeChatPayApiException>(() => _h.Pay.QueryRefundAsync("RF-NONE"));
        Assert.Equal(WeChatPayErrorCodes.ResourceNotExists, e.Code);
    }

    [Fact]
    public async Task A_refund_above_the_order_total_is_refused_before_sending()
    {
        var before = _h.Simulator.Counters.PayRequests;
        await Assert.ThrowsAsync<ArgumentException>(() => _h.Pay.RefundAsync(new RefundRequest(_order.OutTradeNo, "RF-6", 10_001, 10_000)));
        Assert.Equal(before, _h.Simulator.Counters.PayRequests);
    }
}
