using System.Diagnostics;
using System.Globalization;
using System.Text;
using Renovation.Community.WeChat.Bills;

namespace Renovation.Community.Benchmarks;

/// <summary>
/// Writes ALL trade bills of 100 000 and 1 000 000 rows to temp files (streamed, never held in memory),
/// parses each with <see cref="TradeBillReader"/> and reports rows/s and peak memory. A streaming parser
/// should show about the same peak for both sizes.
/// </summary>
internal static class BillParseBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var sizes = args.Length > 0 ? args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [100_000, 1_000_000];
        // A small unreported round first, so that JIT tiering does not land inside the first measured size.
        await MeasureAsync(20_000, report: false);
        foreach (var rows in sizes)
        {
            await MeasureAsync(rows, report: true);
        }
        return 0;
    }

    private static async Task MeasureAsync(int rows, bool report)
    {
        var path = Path.Combine(Path.GetTempPath(), $"tradebill-{rows}-{Environment.ProcessId}.csv");
        try
        {
            var expected = await WriteBillAsync(path, rows);
            await ParseAsync(path, rows, expected, report);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task ParseAsync(string path, int rows, long expectedSettlementFen, bool report)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peak = baseline;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(false));
                await Task.Delay(5);
            }
        });

        var stopwatch = Stopwatch.StartNew();
        long count = 0;
        long settlement = 0;
        await using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan))
        using (var reader = new TradeBillReader(file))
        {
            while (await reader.ReadAsync() is { } row)
            {
                count++;
                settlement += row.SettlementTotalFen;
            }
            if (reader.Summary!.SettlementTotalFen != settlement || settlement != expectedSettlementFen || count != rows)
            {
                throw new InvalidOperationException("The parsed totals do not match what was written.");
            }
        }
        stopwatch.Stop();
        await sampling.CancelAsync();
        await sampler;

        if (!report)
        {
            return;
        }
        var size = new FileInfo(path).Length;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT bill-parse rows={count} file_mb={size / 1048576.0:0.0} seconds={stopwatch.Elapsed.TotalSeconds:0.000} " +
            $"rows_per_s={count / stopwatch.Elapsed.TotalSeconds:0} peak_managed_mb={(peak) / 1048576.0:0.0} " +
            $"peak_working_set_mb={Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:0.0} gc0={GC.CollectionCount(0)} gc2={GC.CollectionCount(2)}"));
    }

    /// <summary>Writes a bill shaped like WeChat's; returns the settlement total in fen for a cross-check.</summary>
    private static async Task<long> WriteBillAsync(string path, int rows)
    {
        var random = new Random(20261128);
        var start = new DateTime(2026, 11, 27, 0, 0, 0);
        long total = 0;
        long fees = 0;
        await using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 16);
        await writer.WriteAsync(
            "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额," +
            "微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注\r\n");
        var line = new StringBuilder(512);
        for (var i = 0; i < rows; i++)
        {
            var fen = random.NextInt64(1, 5_000_000);
            var fee = fen * 6; // 0.6 % in units of 0.00001 yuan
            total += fen;
            fees += fee;
            line.Clear();
            line.Append('`').Append(start.AddSeconds(i % 86_400).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture))
                .Append(",`wx5im0000000000001,`1900000109,`0,`,`42000").Append(i.ToString("D23", CultureInfo.InvariantCulture))
                .Append(",`RC").Append(i.ToString("D12", CultureInfo.InvariantCulture))
                .Append(",`oUpF8uMuAJO_M2pxb1Q9zNjWeS6o,`JSAPI,`SUCCESS,`OTHERS,`CNY,`").Append(Yuan(fen, 2))
                .Append(",`0.00,`,`,`0.00,`0.00,`,`,`三号楼维修资金缴费,`household=3-2-501,`").Append(Yuan(fee, 5))
                .Append(",`0.60%,`").Append(Yuan(fen, 2)).Append(",`0.00,`\r\n");
            await writer.WriteAsync(line);
        }
        await writer.WriteAsync("总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额\r\n");
        await writer.WriteAsync($"`{rows},`{Yuan(total, 2)},`0.00,`0.00,`{Yuan(fees, 5)},`{Yuan(total, 2)},`0.00\r\n");
        return total;
    }

    private static string Yuan(long units, int decimals)
    {
        var scale = decimals == 2 ? 100L : 100_000L;
        return string.Create(CultureInfo.InvariantCulture, $"{units / scale}.{(units % scale).ToString(new string('0', decimals), CultureInfo.InvariantCulture)}");
    }
}
