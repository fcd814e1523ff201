using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Renovation.Community.WeChat.Bills;

/// <summary>
/// Pull reader over a trade bill stream: one line in memory at a time, so a million-row bill costs
/// what one row costs. Columns are located by header name, which keeps older and newer layouts readable.
/// </summary>
public sealed class TradeBillReader : IDisposable
{
    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    private readonly StreamReader _reader;
    private readonly Range[] _fieldBuffer = new Range[64];
    private Dictionary<string, int>? _columns;
    private int _columnCount;
    private ColumnIndexes _at = null!;
    private long _lineNumber;

    public TradeBillReader(Stream stream, bool leaveOpen = false)
    {
        _reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen);
    }

    /// <summary>Available once <see cref="ReadAsync"/> has returned null.</summary>
    public TradeBillSummary? Summary { get; private set; }

    public long RowCount { get; private set; }

    /// <summary>The next detail row, or null after the summary line.</summary>
    /// <exception cref="TradeBillFormatException">naming the line that is malformed.</exception>
    public async ValueTask<TradeBillRow?> ReadAsync(CancellationToken cancellationToken = default)
    {
        if (Summary is not null)
        {
            return null;
        }
        while (true)
        {
            var line = await _reader.ReadLineAsync(cancellationToken);
            _lineNumber++;
            if (line is null)
            {
                throw new TradeBillFormatException(_lineNumber, _columns is null
                    ? "the bill is empty."
                    : "the bill ends without its summary line (truncated download?).");
            }
            if (line.Length == 0)
            {
                continue;
            }
            if (_columns is null)
            {
                ReadHeader(line);
                continue;
            }
            if (line.StartsWith(TradeBillColumns.SummaryTradeCount, StringComparison.Ordinal))
            {
                Summary = await ReadSummaryAsync(line, cancellationToken);
                return null;
            }
            RowCount++;
            return ParseRow(line);
        }
    }

    /// <summary>All detail rows; <see cref="Summary"/> is set when the enumeration completes.</summary>
    public async IAsyncEnumerable<TradeBillRow> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (await ReadAsync(cancellationToken) is { } row)
        {
            yield return row;
        }
    }

    public void Dispose() => _reader.Dispose();

    private void ReadHeader(string line)
    {
        var names = line.Split(',');
        _columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            _columns[names[i].Trim()] = i;
        }
        _columnCount = names.Length;
        foreach (var required in new[] { TradeBillColumns.TradeTime, TradeBillColumns.OutTradeNo, TradeBillColumns.TradeState, TradeBillColumns.SettlementTotal })
        {
            if (!_columns.ContainsKey(required))
            {
                throw new TradeBillFormatException(_lineNumber, $"the header has no '{required}' column; is this a trade bill?");
            }
        }
        _at = new ColumnIndexes(_columns);
    }

    private TradeBillRow ParseRow(string line)
    {
        SplitFields(line, _columnCount);
        var fields = _fieldBuffer;
        var span = line.AsSpan();
        string Text(int index) => index < 0 ? "" : line[_fieldBuffer[index]];
        long Fen(int index, string name) => index < 0 ? 0 : ParseAmount(line.AsSpan()[_fieldBuffer[index]], 2, name);

        var tradeTimeText = span[fields[_at.TradeTime]];
        if (!DateTime.TryParseExact(tradeTimeText, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var localTime))
        {
            throw new TradeBillFormatException(_lineNumber, $"{TradeBillColumns.TradeTime} '{tradeTimeText}' is not yyyy-MM-dd HH:mm:ss.");
        }

        return new TradeBillRow
        {
            LineNumber = _lineNumber,
            TradeTime = new DateTimeOffset(localTime, ChinaStandardTime),
            AppId = Text(_at.AppId),
            MchId = Text(_at.MchId),
            SubMchId = Text(_at.SubMchId),
            DeviceInfo = Text(_at.DeviceInfo),
            TransactionId = Text(_at.TransactionId),
            OutTradeNo = Text(_at.OutTradeNo),
            OpenId = Text(_at.OpenId),
            TradeType = Text(_at.TradeType),
            TradeState = Text(_at.TradeState),
            BankType = Text(_at.BankType),
            Currency = Text(_at.Currency),
            SettlementTotalFen = Fen(_at.SettlementTotal, TradeBillColumns.SettlementTotal),
            CouponFen = Fen(_at.Coupon, TradeBillColumns.Coupon),
            RefundId = Text(_at.RefundId),
            OutRefundNo = Text(_at.OutRefundNo),
            RefundFen = Fen(_at.Refund, TradeBillColumns.Refund),
            CouponRefundFen = Fen(_at.CouponRefund, TradeBillColumns.CouponRefund),
            RefundType = Text(_at.RefundType),
            RefundStatus = Text(_at.RefundStatus),
            Description = Text(_at.Description),
            Attach = Text(_at.Attach),
            FeeMilliFen = _at.Fee < 0 ? 0 : ParseAmount(span[fields[_at.Fee]], 5, TradeBillColumns.Fee),
            RatePercent = _at.Rate < 0 ? 0 : ParseRate(span[fields[_at.Rate]]),
            TotalFen = Fen(_at.Total, TradeBillColumns.Total),
            RequestedRefundFen = Fen(_at.RequestedRefund, TradeBillColumns.RequestedRefund),
            RateRemark = Text(_at.RateRemark),
        };
    }

    private async ValueTask<TradeBillSummary> ReadSummaryAsync(string headerLine, CancellationToken cancellationToken)
    {
        var names = headerLine.Split(',').Select(n => n.Trim()).ToArray();
        var line = await _reader.ReadLineAsync(cancellationToken);
        _lineNumber++;
        if (string.IsNullOrEmpty(line))
        {
            throw new TradeBillFormatException(_lineNumber, "the summary header is not followed by the summary line.");
        }
        SplitFields(line, names.Length);
        var fields = _fieldBuffer;
        var span = line.AsSpan();
        long Amount(string name, int decimals)
        {
            var index = Array.IndexOf(names, name);
            return index < 0 ? 0 : ParseAmount(line.AsSpan()[_fieldBuffer[index]], decimals, name);
        }

        var countIndex = Array.IndexOf(names, TradeBillColumns.SummaryTradeCount);
        if (!long.TryParse(span[fields[countIndex]], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            throw new TradeBillFormatException(_lineNumber, $"{TradeBillColumns.SummaryTradeCount} '{line[fields[countIndex]]}' is not a whole number.");
        }
        return new TradeBillSummary
        {
            TradeCount = count,
            SettlementTotalFen = Amount(TradeBillColumns.SummarySettlementTotal, 2),
            RefundTotalFen = Amount(TradeBillColumns.SummaryRefundTotal, 2),
            CouponRefundTotalFen = Amount(TradeBillColumns.SummaryCouponRefundTotal, 2),
            FeeTotalMilliFen = Amount(TradeBillColumns.SummaryFeeTotal, 5),
            OrderTotalFen = Amount(TradeBillColumns.SummaryOrderTotal, 2),
            RequestedRefundTotalFen = Amount(TradeBillColumns.SummaryRequestedRefundTotal, 2),
        };
    }

    /// <summary>
    /// Every value starts with a backtick (so spreadsheet tools keep long ids as text). Splitting on ",`"
    /// rather than "," keeps a comma inside a product name from shifting the columns.
    /// </summary>
    private void SplitFields(string line, int expected)
    {
        if (line[0] != '`')
        {
            throw new TradeBillFormatException(_lineNumber, "a value does not start with a backtick.");
        }
        var count = 0;
        var start = 1;
        while (true)
        {
            var next = line.IndexOf(",`", start, StringComparison.Ordinal);
            if (count == _fieldBuffer.Length)
            {
                throw new TradeBillFormatException(_lineNumber, $"more than {_fieldBuffer.Length} values.");
            }
            if (next < 0)
            {
                _fieldBuffer[count++] = new Range(start, line.Length);
                break;
            }
            _fieldBuffer[count++] = new Range(start, next);
            start = next + 2;
        }
        if (count != expected)
        {
            throw new TradeBillFormatException(_lineNumber, $"{count} values where the header has {expected} columns.");
        }
    }

    private long ParseAmount(ReadOnlySpan<char> text, int decimals, string column)
    {
        if (!YuanAmount.TryParseScaled(text, decimals, out var value))
        {
            throw new TradeBillFormatException(_lineNumber, $"{column} '{text}' is not an amount with at most {decimals} decimals.");
        }
        return value;
    }

    private decimal ParseRate(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return 0;
        }
        if (text[^1] != '%' || !decimal.TryParse(text[..^1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var rate))
        {
            throw new TradeBillFormatException(_lineNumber, $"{TradeBillColumns.Rate} '{text}' is not a percentage like 0.60%.");
        }
        return rate;
    }

    /// <summary>Column positions resolved once from the header; -1 when a bill layout lacks the column.</summary>
    private sealed class ColumnIndexes(Dictionary<string, int> columns)
    {
        public readonly int TradeTime = At(columns, TradeBillColumns.TradeTime);
        public readonly int AppId = At(columns, TradeBillColumns.AppId);
        public readonly int MchId = At(columns, TradeBillColumns.MchId);
        public readonly int SubMchId = At(columns, TradeBillColumns.SubMchId);
        public readonly int DeviceInfo = At(columns, TradeBillColumns.DeviceInfo);
        public readonly int TransactionId = At(columns, TradeBillColumns.TransactionId);
        public readonly int OutTradeNo = At(columns, TradeBillColumns.OutTradeNo);
        public readonly int OpenId = At(columns, TradeBillColumns.OpenId);
        public readonly int TradeType = At(columns, TradeBillColumns.TradeType);
        public readonly int TradeState = At(columns, TradeBillColumns.TradeState);
        public readonly int BankType = At(columns, TradeBillColumns.BankType);
        public readonly int Currency = At(columns, TradeBillColumns.Currency);
        public readonly int SettlementTotal = At(columns, TradeBillColumns.SettlementTotal);
        public readonly int Coupon = At(columns, TradeBillColumns.Coupon);
        public readonly int RefundId = At(columns, TradeBillColumns.RefundId);
        public readonly int OutRefundNo = At(columns, TradeBillColumns.OutRefundNo);
        public readonly int Refund = At(columns, TradeBillColumns.Refund);
        public readonly int CouponRefund = At(columns, TradeBillColumns.CouponRefund);
        public readonly int RefundType = At(columns, TradeBillColumns.RefundType);
        public readonly int RefundStatus = At(columns, TradeBillColumns.RefundStatus);
        public readonly int Description = At(columns, TradeBillColumns.Description);
        public readonly int Attach = At(columns, TradeBillColumns.Attach);
        public readonly int Fee = At(columns, TradeBillColumns.Fee);
        public readonly int Rate = At(columns, TradeBillColumns.Rate);
        public readonly int Total = At(columns, TradeBillColumns.Total);
        public readonly int RequestedRefund = At(columns, TradeBillColumns.RequestedRefund);
        public readonly int RateRemark = At(columns, TradeBillColumns.RateRemark);

        private static int At(Dictionary<string, int> columns, string name) => columns.TryGetValue(name, out var i) ? i : -1;
    }
}
