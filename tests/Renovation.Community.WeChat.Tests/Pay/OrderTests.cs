using System.Net;
using Renovation.Community.WeChat.Pay;
using Renovation.Community.WeChat.Pay.Notifications;
using Renovation.Community.WeChat.Pay.Orders;
using Renovation.Community.WeChat.Tests.Support;
using Renovation.Community.WeChatSimulator.Faults;

namespace Renovation.Community.WeChat.Tests.Pay;

public sealed class OrderTests : IAsyncLifetime
{
    private WeChatHarness _h = null!;
    private string _openId = "";

    public async Task InitializeAsync()
    {
        _h = await WeChatHarness.StartAsync();
        _openId = (await _h.MiniProgram.Code2SessionAsync("demo-resident")).OpenId;
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task A_JSAPI_order_yields_a_prepay_id_and_signed_requestPayment_parameters()
    {
        var order = PayTestData.Order(_openId, 1234);
        var created = await _h.Pay.CreateJsapiOrderAsync(order);
        var parameters = _h.Pay.BuildRequestPayment(created.PrepayId);

        var booked = _h.Simulator.Orders.Find(order.OutTradeNo)!;
        Assert.Equal(booked.PrepayId, created.PrepayId);
        Assert.Equal(1234, booked.TotalFen);
        Assert.Equal(_openId, booked.OpenId);
        Assert.Equal(_h.Receiver.NotifyUrl, booked.NotifyUrl);
        Assert.Equal($"prepay_id={created.PrepayId}", parameters.Package);
        Assert.Equal("RSA", parameters.SignType);
        Assert.Equal(_h.Simulator.ClientSettings.AppId, parameters.AppId);
        Assert.Matches("^[0-9]{10}$", parameters.TimeStamp);
    }

    [Fact]
    public async Task Placing_the_same_order_again_returns_the_same_prepay_id()
    {
        var order = PayTestData.Order(_openId);
        var first = await _h.Pay.CreateJsapiOrderAsync(order);
        var again = await _h.Pay.CreateJsapiOrderAsync(order);
        Assert.Equal(first.PrepayId, again.PrepayId);
        Assert.Single(_h.Simulator.Orders.Orders);
    }

    [Fact]
    public async Task Paying_sends_a_verified_decrypted_TRANSACTION_SUCCESS_and_the_query_agrees()
    {
        var order = PayTestData.Order(_openId, 100);
        await _h.Pay.CreateJsapiOrderAsync(order);
        Assert.Equal(TradeStates.NotPay, (await _h.Pay.QueryOrderAsync(order.OutTradeNo)).TradeState);

        Assert.True(await _h.Simulator.PayAsync(order.OutTradeNo));
        await _h.Simulator.WaitForDeliveryAsync(d => d.Succeeded, TimeSpan.FromSeconds(5));

        var notification = Assert.Single(_h.Receiver.Accepted.Values);
        Assert.Equal(WeChatPayNotification.TransactionSuccess, notification.EventType);
        var paid = notification.ReadTransaction();
        var queried = await _h.Pay.QueryOrderAsync(order.OutTradeNo);
        Assert.Equal(order.OutTradeNo, paid.OutTradeNo);
        Assert.Equal(TradeStates.Success, paid.TradeState);
        Assert.Equal(100, paid.Amount!.TotalFen);
        Assert.Equal(100, paid.Amount.PayerTotalFen);
        Assert.Equal(_openId, paid.Payer!.OpenId);
        Assert.Equal("household=3-2-501", paid.Attach);
        Assert.Equal(paid.TransactionId, queried.TransactionId);
        Assert.Equal(TradeStates.Success, queried.TradeState);
        Assert.NotNull(queried.SuccessTime);
    }

    [Fact]
    public async Task Closing_an_unpaid_order_answers_204_and_the_order_reads_CLOSED()
    {
        var order = PayTestData.Order(_openId);
        await _h.Pay.CreateJsapiOrderAsync(order);
        await _h.Pay.CloseOrderAsync(order.OutTradeNo);
        Assert.Equal(TradeStates.Closed, (await _h.Pay.QueryOrderAsync(order.OutTradeNo)).TradeState);
        Assert.False(await _h.Simulator.PayAsync(order.OutTradeNo));
    }

    [Fact]
    public async Task A_paid_order_cannot_be_closed_or_ordered_again()
    {
        var order = PayTestData.Order(_openId);
        await _h.Pay.CreateJsapiOrderAsync(order);
        await _h.Simulator.PayAsync(order.OutTradeNo);

        var close = await Assert.ThrowsAsync<WeChatPayApiException>(() => _h.Pay.CloseOrderAsync(order.OutTradeNo));
        var reorder = await Assert.ThrowsAsync<WeChatPayApiException>(() => _h.Pay.CreateJsapiOrderAsync(order));
        Assert.Equal(WeChatPayErrorCodes.OrderPaid, close.Code);
        Assert.Equal(WeChatPayErrorCodes.OrderPaid, reorder.Code);
    }

    [Fact]
    public async Task Querying_an_unknown_order_is_ORDER_NOT_EXIST_404()
    {
        var e = await Assert.ThrowsAsync<WeChatPayApiException>(() => _h.Pay.QueryOrderAsync("NO_SUCH_ORDER_1"));
        Assert.Equal(HttpStatusCode.NotFound, e.Status);
        Assert.Equal(WeChatPayErrorCodes.OrderNotExist, e.Code);
    }

    [Theory]
    [InlineData("short")]
    [InlineData("has space 123")]
    [InlineData("THIRTY_THREE_CHARACTERS_IS_TOO_LO")]
    [InlineData("中文订单号123456")]
    public async Task An_out_trade_no_outside_6_to_32_of_the_allowed_characters_is_refused_before_sending(string outTradeNo)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _h.Pay.CreateJsapiOrderAsync(PayTestData.Order(_openId, outTradeNo: outTradeNo)));
        Assert.Equal(0, _h.Simulator.Counters.PayRequests);
    }

    [Fact]
    public async Task Allowed_out_trade_no_characters_include_underscore_dash_bar_and_star()
    {
        var created = await _h.Pay.CreateJsapiOrderAsync(PayTestData.Order(_openId, outTradeNo: "A-b_c|d*9"));
        Assert.NotEmpty(created.PrepayId);
    }

    [Fact]
    public async Task A_description_over_127_characters_is_refused_before_sending()
    {
        var order = PayTestData.Order(_openId) with { Description = new string('修', 128) };
        await Assert.ThrowsAsync<ArgumentException>(() => _h.Pay.CreateJsapiOrderAsync(order));
        Assert.Equal(0, _h.Simulator.Counters.PayRequests);
        await _h.Pay.CreateJsapiOrderAsync(order with { Description = new string('修', 127) });
    }

    [Fact]
    public async Task A_notify_url_with_a_query_string_is_refused_before_sending()
    {
        var order = PayTestData.Order(_openId) with { NotifyUrl = _h.Receiver.NotifyUrl + "?order=1" };
        await Assert.ThrowsAsync<ArgumentException>(() => _h.Pay.CreateJsapiOrderAsync(order));
        Assert.Equal(0, _h.Simulator.Counters.PayRequests);
    }

    [Fact]
    public async Task Order_creation_is_retried_after_SYSTEM_ERROR_because_out_trade_no_makes_it_idempotent()
    {
        _h.Simulator.Faults.Inject(SimulatorPaths.JsapiOrder, Fault.PaySystemError());
        var order = PayTestData.Order(_openId);
        var created = await _h.Pay.CreateJsapiOrderAsync(order);
        Assert.Equal(_h.Simulator.Orders.Find(order.OutTradeNo)!.PrepayId, created.PrepayId);
        Assert.Equal(1, _h.Simulator.Counters.FaultsServed);
    }

    [Fact]
    public async Task Order_creation_is_retried_after_a_timeout_and_books_one_order()
    {
        _h.Simulator.Faults.Inject(SimulatorPaths.JsapiOrder, Fault.Timeout(TimeSpan.FromSeconds(5)));
        var order = PayTestData.Order(_openId);
        await _h.Pay.CreateJsapiOrderAsync(order);
        Assert.Single(_h.Simulator.Orders.Orders);
        Assert.Equal(1, _h.Simulator.Counters.FaultsServed);
    }

    [Fact]
    public async Task A_query_is_retried_after_a_502()
    {
        var order = PayTestData.Order(_openId);
        await _h.Pay.CreateJsapiOrderAsync(order);
        _h.Simulator.Faults.Inject(SimulatorPaths.OrderQuery, Fault.HttpStatus(502));
        Assert.Equal(TradeStates.NotPay, (await _h.Pay.QueryOrderAsync(order.OutTradeNo)).TradeState);
        Assert.Equal(1, _h.Simulator.Counters.FaultsServed);
    }

    [Fact]
    public async Task Persistent_SYSTEM_ERROR_surfaces_as_a_typed_error_after_the_retries()
    {
        _h.Simulator.Faults.Inject(SimulatorPaths.OrderQuery, Fault.PaySystemError(), times: 3);
        var e = await Assert.ThrowsAsync<WeChatPayApiException>(() => _h.Pay.QueryOrderAsync("ANY_ORDER_123"));
        Assert.Equal(WeChatPayErrorCodes.SystemError, e.Code);
        Assert.Equal(HttpStatusCode.InternalServerError, e.Status);
        Assert.Equal(0, _h.Simulator.Faults.PendingCount);
    }
}
