using System.Text;
using Renovation.Community.WeChat.Bills;

namespace Renovation.Community.WeChat.Tests.Bills;

public sealed class TradeBillReaderTests
{
    private const string Header =
        "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额," +
        "微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注";

    private const string SummaryHeader = "总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额";

    private static string Row(string settlement = "0.01", string fee = "0.00006", string rate = "0.60%", string state = "SUCCESS", string refund = "0.00", string description = "维修资金") =>
        $"`2026-11-27 10:01:02,`wx5im0000000000001,`1900000109,`0,`,`4200000001202611270000000001,`RC0001,`oUser,`JSAPI,`{state},`OTHERS,`CNY,`{settlement},`0.00,`,`,`{refund},`0.00,`,`,`{description},`,`{fee},`{rate},`{settlement},`{refund},`";

    private static string Bill(params string[] rows) =>
        Header + "\r\n" + string.Concat(rows.Select(r => r + "\r\n")) + SummaryHeader + "\r\n`1,`0.01,`0.00,`0.00,`0.00006,`0.01,`0.00\r\n";

    private static async Task<(List<TradeBillRow> Rows, TradeBillSummary? Summary)> Read(string text, bool bom = false)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var stream = new MemoryStream(bom ? [.. Encoding.UTF8.Preamble, .. bytes] : bytes);
        using var reader = new TradeBillReader(stream);
        var rows = new List<TradeBillRow>();
        while (await reader.ReadAsync() is { } row)
        {
            rows.Add(row);
        }
        return (rows, reader.Summary);
    }

    [Theory]
    [InlineData("0.01", 1)]
    [InlineData("12345678.90", 1_234_567_890)]
    [InlineData("0.0", 0)]
    [InlineData("7", 700)]
    [InlineData("99.9", 9990)]
    [InlineData("999999999999999.99", 99_999_999_999_999_999)]
    public async Task Yuan_strings_become_exact_fen(string yuan, long fen)
    {
        var (rows, _) = await Read(Bill(Row(settlement: yuan)));
        Assert.Equal(fen, Assert.Single(rows).SettlementTotalFen);
    }

    [Theory]
    [InlineData("0.00600", 600)]
    [InlineData("0.00006", 6)]
    [InlineData("0", 0)]
    [InlineData("-0.00300", -300)]
    [InlineData("12.34567", 1_234_567)]
    public async Task Fees_keep_all_five_decimals_as_milli_fen(string fee, long milliFen)
    {
        var (rows, _) = await Read(Bill(Row(fee: fee)));
        Assert.Equal(milliFen, Assert.Single(rows).FeeMilliFen);
    }

    [Fact]
    public async Task A_rate_like_0_60_percent_reads_as_0_60()
    {
        var (rows, _) = await Read(Bill(Row(rate: "0.60%")));
        Assert.Equal(0.60m, Assert.Single(rows).RatePercent);
    }

    [Fact]
    public async Task Every_column_lands_in_its_field_and_times_are_China_Standard_Time()
    {
        var (rows, _) = await Read(Bill(Row(state: "REFUND", refund: "0.50")));
        var row = Assert.Single(rows);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 10, 1, 2, TimeSpan.FromHours(8)), row.TradeTime);
        Assert.Equal("wx5im0000000000001", row.AppId);
        Assert.Equal("1900000109", row.MchId);
        Assert.Equal("4200000001202611270000000001", row.TransactionId);
        Assert.Equal("RC0001", row.OutTradeNo);
        Assert.Equal("oUser", row.OpenId);
        Assert.Equal("REFUND", row.TradeState);
        Assert.Equal(50, row.RefundFen);
        Assert.Equal(50, row.RequestedRefundFen);
        Assert.Equal("维修资金", row.Description);
        Assert.Equal(2, row.LineNumber);
    }

    [Fact]
    public async Task The_summary_row_is_read_after_the_last_detail_row()
    {
        var (rows, summary) = await Read(Bill(Row()));
        Assert.Single(rows);
        Assert.Equal(new TradeBillSummary
        {
            TradeCount = 1,
            SettlementTotalFen = 1,
            RefundTotalFen = 0,
            CouponRefundTotalFen = 0,
            FeeTotalMilliFen = 6,
            OrderTotalFen = 1,
            RequestedRefundTotalFen = 0,
        }, summary);
    }

    [Fact]
    public async Task A_comma_inside_a_product_name_does_not_shift_the_columns()
    {
        var (rows, _) = await Read(Bill(Row(description: "电梯,加装")));
        Assert.Equal("电梯,加装", Assert.Single(rows).Description);
        Assert.Equal(1, rows[0].SettlementTotalFen);
    }

    [Fact]
    public async Task A_UTF8_byte_order_mark_is_ignored()
    {
        var (rows, summary) = await Read(Bill(Row()), bom: true);
        Assert.Single(rows);
        Assert.NotNull(summary);
    }

    [Theory]
    [InlineData("1.234", "at most 2 decimals")]
    [InlineData("1e3", "at most 2 decimals")]
    [InlineData("1,000.00", "at most 2 decimals")]
    [InlineData("", "at most 2 decimals")]
    [InlineData(".5", "at most 2 decimals")]
    [InlineData("5.", "at most 2 decimals")]
    [InlineData("¥5.00", "at most 2 decimals")]
    public async Task A_malformed_amount_is_refused_naming_the_line(string amount, string problem)
    {
        var e = await Assert.ThrowsAsync<TradeBillFormatException>(() => Read(Bill(Row(), Row(settlement: amount))));
        Assert.Equal(3, e.LineNumber);
        Assert.Contains("line 3", e.Message, StringComparison.Ordinal);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rate_without_a_percent_sign_is_refused()
    {
        var e = await Assert.ThrowsAsync<TradeBillFormatException>(() => Read(Bill(Row(rate: "0.60"))));
        Assert.Contains("费率", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_line_without_backticks_is_refused()
    {
        var e = await Assert.ThrowsAsync<TradeBillFormatException>(() => Read(Bill(Row().Replace("`", "", StringComparison.Ordinal))));
        Assert.Equal(2, e.LineNumber);
    }

    [Fact]
    public async Task A_bad_trade_time_is_refused()
    {
        var e = await Assert.ThrowsAsync<TradeBillFormatException>(() => Read(Bill(Row().Replace("2026-11-27 10:01:02", "2026/11/27", StringComparison.Ordinal))));
        Assert.Contains("交易时间", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_truncated_bill_without_its_summary_is_refused()
    {
        var text = Header + "\r\n" + Row() + "\r\n" + Row() + "\r\n";
        var e = await Assert.ThrowsAsync<TradeBillFormatException>(() => Read(text));
        Assert.Contains("summary", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_a_trade_bill_is_refused_at_the_header()
    {
        var e = await Assert.ThrowsAsync<TradeBillFormatException>(() => Read("<html>error</html>\r\n"));
        Assert.Equal(1, e.LineNumber);
    }

    [Fact]
    public async Task An_empty_file_is_refused()
    {
        await Assert.ThrowsAsync<TradeBillFormatException>(() => Read(""));
    }
}

public sealed class YuanAmountTests
{
    [Theory]
    [InlineData(1, "0.01")]
    [InlineData(1_234_567_890, "12345678.90")]
    [InlineData(-5, "-0.05")]
    [InlineData(0, "0.00")]
    public void Fen_format_back_to_two_decimal_yuan(long fen, string yuan)
    {
        Assert.Equal(yuan, YuanAmount.FormatFen(fen));
        Assert.True(YuanAmount.TryParseFen(yuan, out var back));
        Assert.Equal(fen, back);
    }

    [Theory]
    [InlineData("1000000000000000")]
    [InlineData("-")]
    [InlineData("1.2.3")]
    [InlineData(" 1.00")]
    public void Out_of_range_or_odd_text_is_not_an_amount(string text)
    {
        Assert.False(YuanAmount.TryParseFen(text, out _));
    }
}
