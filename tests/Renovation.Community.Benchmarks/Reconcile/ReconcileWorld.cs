using System.Globalization;
using System.Text;
using MySqlConnector;
using Renovation.Community.Application.Features.Payments.Reconciliation;

namespace Renovation.Community.Benchmarks.Reconcile;

/// <summary>
/// N paid payments of one day (every 100th with a succeeded refund) and a bill that agrees with them except for
/// <see cref="PerKind"/> planted differences of each kind. Payment i is planted when i % 1000 is the kind's residue and
/// i / 1000 &lt; PerKind; the refunds of multiples of 1000 (below PerKind × 1000) carry the refund differences.
/// </summary>
internal sealed class ReconcileWorld(int rows)
{
    public const int PerKind = 100;
    public static readonly DateOnly BillDate = new(2026, 11, 27);

    private const int Missing = 1, UnpaidWithUs = 2, Amount = 3, Revoked = 4, Duplicate = 5;
    private const int RefundAmount = 0, RefundMissing = 100;
    private static readonly DateTime DayStartUtc = BillDate.ToDateTime(TimeOnly.MinValue).AddHours(-8);
    private static readonly Guid[] Communities = [.. Enumerable.Range(0, 10).Select(_ => Guid.NewGuid())];

    private int Planted => Math.Min(PerKind, rows / 1000);

    public HashSet<(DiscrepancyKind, string)> Expected
    {
        get
        {
            var expected = new HashSet<(DiscrepancyKind, string)>();
            for (var m = 0; m < Planted; m++)
            {
                var i = m * 1000;
                expected.Add((DiscrepancyKind.PaidWithUsMissingFromBill, TradeNo(i + Missing)));
                expected.Add((DiscrepancyKind.PaidAtWeChatNotWithUs, TradeNo(i + UnpaidWithUs)));
                expected.Add((DiscrepancyKind.AmountMismatch, TradeNo(i + Amount)));
                expected.Add((DiscrepancyKind.StateMismatch, TradeNo(i + Revoked)));
                expected.Add((DiscrepancyKind.DuplicateRow, TradeNo(i + Duplicate)));
                expected.Add((DiscrepancyKind.RefundMismatch, RefundNo(i + RefundAmount)));
                expected.Add((DiscrepancyKind.RefundMismatch, RefundNo(i + RefundMissing)));
                expected.Add((DiscrepancyKind.PaidAtWeChatNotWithUs, $"X{m:D12}"));
            }
            return expected;
        }
    }

    private bool Is(int i, int residue) => i % 1000 == residue && i / 1000 < Planted;

    private static string TradeNo(int i) => $"B{i:D12}";

    private static string RefundNo(int i) => $"B{i:D12}R01";

    private static long AmountOf(int i) => 1 + ((long)i * 7919 % 5_000_000);

    private static long RefundOf(int i) => Math.Max(1, AmountOf(i) / 2);

    private static DateTime PaidAtUtc(int i) => DayStartUtc.AddSeconds(i % 86_000);

    /// <summary>Replaces the payments tables' content with this world (LOAD DATA: seeding is not what is measured).</summary>
    public async Task SeedAsync(string connectionString)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var clear = new MySqlCommand("SET FOREIGN_KEY_CHECKS=0; TRUNCATE TABLE PaymentRefunds; TRUNCATE TABLE Payments; SET FOREIGN_KEY_CHECKS=1;", connection))
            await clear.ExecuteNonQueryAsync();

        var paymentIds = new Guid[rows];
        var payments = Path.GetTempFileName();
        var refunds = Path.GetTempFileName();
        try
        {
            await using (var p = new StreamWriter(payments, false, new UTF8Encoding(false), 1 << 16))
            await using (var r = new StreamWriter(refunds, false, new UTF8Encoding(false), 1 << 16))
            {
                var now = Time(DateTime.UtcNow);
                for (var i = 0; i < rows; i++)
                {
                    paymentIds[i] = Guid.CreateVersion7();
                    var paid = !Is(i, UnpaidWithUs);
                    var hasRefund = i % 100 == 0;
                    // Id OutTradeNo Purpose SubjectId PayerUserId PayerOpenId CommunityId Owner AmountFen Description State
                    // Acceptance ExpiresAt TransactionId PaidAt RefundedFen RefundCount FailedRefundCount CreatedAt UpdatedAt Version
                    await p.WriteAsync(string.Join('\t', paymentIds[i], TradeNo(i), i % 2 == 0 ? "fund-top-up" : "service-order", Guid.Empty,
                        Guid.Empty, "oBenchPayer", Communities[i % Communities.Length], i % 2, AmountOf(i), "基准测试", paid ? 2 : 1, paid ? 1 : 0,
                        now, paid ? $"42{i:D26}" : "\\N", paid ? Time(PaidAtUtc(i)) : "\\N", hasRefund ? RefundOf(i) : 0, hasRefund ? 1 : 0, 0,
                        now, now, 1) + "\n");
                    if (hasRefund)
                    {
                        // Id PaymentId Sequence OutRefundNo AmountFen Reason Origin State WeChatRefundId AcceptedAt SucceededAt
                        // EndedAt Attempts NextAttemptAt CreatedAt UpdatedAt Version
                        var at = Time(PaidAtUtc(i).AddSeconds(60));
                        await r.WriteAsync(string.Join('\t', Guid.CreateVersion7(), paymentIds[i], 1, RefundNo(i), RefundOf(i), "基准退款", 0, 2,
                            $"50{i:D26}", at, at, at, 1, at, now, now, 1) + "\n");
                    }
                }
            }
            await LoadAsync(connection, payments, "Payments", ["Id", "OutTradeNo", "Purpose", "SubjectId", "PayerUserId", "PayerOpenId", "CommunityId",
                "Owner", "AmountFen", "Description", "State", "Acceptance", "ExpiresAt", "TransactionId", "PaidAt", "RefundedFen", "RefundCount",
                "FailedRefundCount", "CreatedAt", "UpdatedAt", "Version"]);
            await LoadAsync(connection, refunds, "PaymentRefunds", ["Id", "PaymentId", "Sequence", "OutRefundNo", "AmountFen", "Reason", "Origin",
                "State", "WeChatRefundId", "AcceptedAt", "SucceededAt", "EndedAt", "Attempts", "NextAttemptAt", "CreatedAt", "UpdatedAt", "Version"]);
        }
        finally
        {
            File.Delete(payments);
            File.Delete(refunds);
        }
        await using var analyze = new MySqlCommand("ANALYZE TABLE Payments, PaymentRefunds", connection);
        await analyze.ExecuteNonQueryAsync();
    }

    private static async Task LoadAsync(MySqlConnection connection, string file, string table, string[] columns)
    {
        var loader = new MySqlBulkLoader(connection)
        {
            FileName = file,
            TableName = table,
            Local = true,
            FieldTerminator = "\t",
            LineTerminator = "\n",
            CharacterSet = "utf8mb4",
            NumberOfLinesToSkip = 0,
        };
        loader.Columns.AddRange(columns);
        await loader.LoadAsync();
    }

    private static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture);

    /// <summary>Writes the ALL bill the way WeChat Pay formats it (see wechat-protocols.md), streamed to disk.</summary>
    public async Task WriteBillAsync(string path)
    {
        await using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        await w.WriteAsync("交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额," +
            "微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注\r\n");
        long count = 0, settlement = 0, refunded = 0, fees = 0;
        var line = new StringBuilder(512);

        async Task Row(DateTime utc, string transactionId, string tradeNo, string state, long totalFen, string refundId, string refundNo, long refundFen)
        {
            var fee = state == "REFUND" ? -refundFen * 6 : totalFen * 6;
            count++;
            settlement += totalFen;
            refunded += refundFen;
            fees += fee;
            line.Clear().Append('`').AppendJoin(",`",
                utc.AddHours(8).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), "wx5im0000000000001", "1900000109", "0", "", transactionId,
                tradeNo, "oBenchPayer", "JSAPI", state, "OTHERS", "CNY", Yuan(totalFen, 2), "0.00", refundId, refundNo, Yuan(refundFen, 2), "0.00",
                refundFen > 0 ? "ORIGINAL" : "", refundFen > 0 ? "SUCCESS" : "", "基准测试", "", Yuan(fee, 5), "0.60%", Yuan(totalFen, 2),
                Yuan(refundFen, 2), "").Append("\r\n");
            await w.WriteAsync(line);
        }

        for (var i = 0; i < rows; i++)
        {
            if (!Is(i, Missing))
            {
                var copies = Is(i, Duplicate) ? 2 : 1;
                for (var c = 0; c < copies; c++)
                    await Row(PaidAtUtc(i), $"42{i:D26}", TradeNo(i), Is(i, Revoked) ? "REVOKED" : "SUCCESS",
                        AmountOf(i) + (Is(i, Amount) ? 1 : 0), "", "", 0);
            }
            if (i % 100 == 0 && !Is(i, RefundMissing))
                await Row(PaidAtUtc(i).AddSeconds(60), $"42{i:D26}", TradeNo(i), "REFUND", 0, $"50{i:D26}", RefundNo(i),
                    RefundOf(i) + (Is(i, RefundAmount) ? 1 : 0));
        }
        for (var m = 0; m < Planted; m++)
            await Row(DayStartUtc.AddHours(12), $"43{m:D26}", $"X{m:D12}", "SUCCESS", 100, "", "", 0);

        await w.WriteAsync("总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额\r\n");
        await w.WriteAsync($"`{count},`{Yuan(settlement, 2)},`{Yuan(refunded, 2)},`0.00,`{Yuan(fees, 5)},`{Yuan(settlement, 2)},`{Yuan(refunded, 2)}\r\n");
    }

    private static string Yuan(long units, int decimals)
    {
        var scale = decimals == 2 ? 100L : 100_000L;
        var sign = units < 0 ? "-" : "";
        units = Math.Abs(units);
        return string.Create(CultureInfo.InvariantCulture, $"{sign}{units / scale}.{(units % scale).ToString(new string('0', decimals), CultureInfo.InvariantCulture)}");
    }
}
