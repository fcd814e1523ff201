using Renovation.Community.WeChat.Bills;
using Renovation.Community.WeChat.Pay.Refunds;
using Renovation.Community.WeChat.Pay.TradeBills;
using Renovation.Community.WeChat.Tests.Support;
using Renovation.Community.WeChatSimulator.Faults;

namespace Renovation.Community.WeChat.Tests.Pay;

public sealed class TradeBillDownloadTests : IAsyncLifetime
{
    private WeChatHarness _h = null!;
    private string _openId = "";

    private static DateOnly TodayInChina => DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);

    public async Task InitializeAsync()
    {
        _h = await WeChatHarness.StartAsync();
        _openId = (await _h.MiniProgram.Code2SessionAsync("demo-resident")).OpenId;
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private async Task<string> PaidOrder(long fen)
    {
        var order = PayTestData.Order(_openId, fen);
        await _h.Pay.CreateJsapiOrderAsync(order);
        await _h.Simulator.PayAsync(order.OutTradeNo);
        return order.OutTradeNo;
    }

    [Fact]
    public async Task The_days_bill_downloads_with_a_matching_SHA1_and_parses_to_exact_fen()
    {
        var a = await PaidOrder(1);
        var b = await PaidOrder(1_234_567_890);
        await _h.Pay.RefundAsync(new RefundRequest(b, "RF-BILL-1", 90, 1_234_567_890));

        var application = await _h.Pay.ApplyTradeBillAsync(TodayInChina);
        Assert.True(application.IsReady);
        using var file = new MemoryStream();
        await _h.Pay.DownloadTradeBillAsync(application.Download!, file);
        file.Position = 0;

        using var reader = new TradeBillReader(file);
        var rows = new List<TradeBillRow>();
        await foreach (var row in reader.ReadAllAsync())
        {
            rows.Add(row);
        }
        Assert.Equal(3, rows.Count);
        Assert.Equal(1, rows.Single(r => r.OutTradeNo == a).SettlementTotalFen);
        Assert.Equal(1_234_567_890, rows.Single(r => r.OutTradeNo == b && r.TradeState == "SUCCESS").TotalFen);
        Assert.Equal(90, rows.Single(r => r.TradeState == "REFUND").RefundFen);
        Assert.Equal(3, reader.Summary!.TradeCount);
        Assert.Equal(1_234_567_891, reader.Summary.SettlementTotalFen);
        Assert.Equal(90, reader.Summary.RefundTotalFen);
        Assert.Equal(rows.Sum(r => r.FeeMilliFen), reader.Summary.FeeTotalMilliFen);
    }

    [Fact]
    public async Task A_bill_whose_SHA1_does_not_match_is_refused()
    {
        await PaidOrder(100);
        var application = await _h.Pay.ApplyTradeBillAsync(TodayInChina);
        _h.Simulator.Faults.Inject(SimulatorPaths.BillDownload, Fault.CorruptBill());
        using var file = new MemoryStream();
        var e = await Assert.ThrowsAsync<TradeBillHashMismatchException>(() => _h.Pay.DownloadTradeBillAsync(application.Download!, file));
        Assert.Contains(application.Download!.HashValue, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_day_without_transactions_is_NO_STATEMENT_EXIST_which_means_try_later()
    {
        var application = await _h.Pay.ApplyTradeBillAsync(TodayInChina.AddDays(-3));
        Assert.False(application.IsReady);
        Assert.Equal("NO_STATEMENT_EXIST", application.TryLaterCode);
    }

    [Fact]
    public async Task A_bill_still_being_made_is_STATEMENT_CREATING_which_means_try_later()
    {
        await PaidOrder(100);
        _h.Simulator.Faults.Inject(SimulatorPaths.TradeBill, Fault.PayError(400, "STATEMENT_CREATING"));
        var application = await _h.Pay.ApplyTradeBillAsync(TodayInChina);
        Assert.False(application.IsReady);
        Assert.Equal("STATEMENT_CREATING", application.TryLaterCode);
    }

    [Fact]
    public async Task The_bill_download_is_a_signed_request()
    {
        await PaidOrder(100);
        var application = await _h.Pay.ApplyTradeBillAsync(TodayInChina);
        var before = _h.Simulator.Counters.PayRequests;
        using var file = new MemoryStream();
        await _h.Pay.DownloadTradeBillAsync(application.Download!, file);
        Assert.Equal(before + 1, _h.Simulator.Counters.PayRequests);
        Assert.Equal(0, _h.Simulator.Counters.RejectedPaySignatures);
    }
}
