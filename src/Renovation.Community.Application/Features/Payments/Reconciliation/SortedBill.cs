using System.Buffers.Binary;
using System.Text;
using Renovation.Community.WeChat.Bills;

namespace Renovation.Community.Application.Features.Payments.Reconciliation;

/// <summary>
/// The rows of one bill side (payments by out_trade_no, or refunds by out_refund_no) in ordinal key order, in constant
/// memory: an external merge sort. WeChat orders a bill by trade time, so rows are serialised (only the fields matching
/// and healing use) into chunks of <see cref="ChunkRows"/>, each chunk sorted by key and written to a temporary run file, and <see cref="ReadAsync"/> merges the runs (one buffered reader per run). Equal keys come out in bill
/// line order, so the first of a duplicated row is the original.
/// </summary>
internal sealed class SortedBill : IAsyncDisposable
{
    /// <summary>About 6 MB of serialised rows per chunk (two while one is written and the next is filled).</summary>
    public const int ChunkRows = 32_000;

    private readonly bool _byRefund;
    private readonly List<string> _runs = [];
    private Chunk _chunk = new();
    /// <summary>The chunk last written, emptied and kept for reuse: each chunk's buffers are large objects, and a new
    /// pair per 32,000 rows would pile up as garbage only a full collection frees (memory growing with the bill).</summary>
    private Chunk? _spare;
    private Task _writing = Task.CompletedTask;

    public SortedBill(bool byRefund) => _byRefund = byRefund;

    public long Count { get; private set; }

    private string KeyOf(TradeBillRow row) => _byRefund ? row.OutRefundNo : row.OutTradeNo;

    /// <summary>
    /// Serialises the row at once and keeps only its key and where its bytes are: a chunk holds one string per row, not
    /// the twenty of a parsed row, so what survives a collection (and must be copied by it) stays small.
    /// </summary>
    public async ValueTask AddAsync(TradeBillRow row)
    {
        var start = (int)_chunk.Bytes.Position;
        Write(_chunk.Writer, row);
        _chunk.Entries.Add(new Entry(KeyOf(row), row.LineNumber, start, (int)_chunk.Bytes.Position - start));
        Count++;
        if (_chunk.Entries.Count == ChunkRows)
            await FlushAsync();
    }

    /// <summary>Sorts and writes the chunk in the background while the reader fills the next one.</summary>
    public async ValueTask FlushAsync()
    {
        await _writing;
        if (_chunk.Entries.Count == 0)
            return;
        var chunk = _chunk;
        _chunk = _spare ?? new Chunk();
        _spare = null;
        var path = Path.Combine(Path.GetTempPath(), $"bill-run-{Guid.NewGuid():N}.bin");
        _runs.Add(path);
        _writing = Task.Run(() =>
        {
            WriteRun(path, chunk);
            chunk.Clear();
            _spare = chunk;
        });
    }

    private static void WriteRun(string path, Chunk chunk)
    {
        chunk.Entries.Sort(static (a, b) =>
        {
            var byKey = string.CompareOrdinal(a.Key, b.Key);
            return byKey != 0 ? byKey : a.Line.CompareTo(b.Line);
        });
        var bytes = chunk.Bytes.GetBuffer();
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        Span<byte> count = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(count, chunk.Entries.Count); // as BinaryReader.ReadInt32 reads it
        file.Write(count);
        foreach (var entry in chunk.Entries)
            file.Write(bytes, entry.Offset, entry.Length);
    }

    private int Compare(TradeBillRow a, TradeBillRow b)
    {
        var byKey = string.CompareOrdinal(KeyOf(a), KeyOf(b));
        return byKey != 0 ? byKey : a.LineNumber.CompareTo(b.LineNumber);
    }

    private readonly record struct Entry(string Key, long Line, int Offset, int Length);

    private sealed class Chunk
    {
        public Chunk(int rows = 1024) // grows to a full chunk once, then is reused
        {
            Bytes = new MemoryStream(rows * 160);
            Writer = new BinaryWriter(Bytes, Encoding.UTF8);
            Entries = new List<Entry>(rows);
        }

        public MemoryStream Bytes { get; }
        public BinaryWriter Writer { get; }
        public List<Entry> Entries { get; }

        /// <summary>Empty again, keeping the capacity of both buffers.</summary>
        public void Clear()
        {
            Bytes.SetLength(0);
            Entries.Clear();
        }
    }

    /// <summary>All rows in (key, line) order. Call once, after the last <see cref="AddAsync"/>.</summary>
    public async IAsyncEnumerable<TradeBillRow> ReadAsync()
    {
        await FlushAsync();
        await _writing;
        (_chunk, _spare) = (new Chunk(0), null); // nothing more is added: let the buffers go before the merge
        var readers = _runs.Select(path => new RunReader(path)).ToList();
        try
        {
            var queue = new PriorityQueue<RunReader, TradeBillRow>(Comparer<TradeBillRow>.Create(Compare));
            foreach (var reader in readers)
            {
                if (reader.Next() is { } first)
                    queue.Enqueue(reader, first);
            }
            while (queue.TryDequeue(out var reader, out var row))
            {
                yield return row;
                if (reader.Next() is { } next)
                    queue.Enqueue(reader, next);
            }
        }
        finally
        {
            foreach (var reader in readers)
                reader.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _writing;
        }
        finally
        {
            foreach (var path in _runs)
                File.Delete(path);
        }
    }

    private static void Write(BinaryWriter w, TradeBillRow row)
    {
        w.Write(row.LineNumber);
        w.Write(row.TradeTime.UtcTicks);
        w.Write((short)row.TradeTime.Offset.TotalMinutes);
        w.Write(row.AppId);
        w.Write(row.MchId);
        w.Write(row.TransactionId);
        w.Write(row.OutTradeNo);
        w.Write(row.OpenId);
        w.Write(row.TradeType);
        w.Write(row.TradeState);
        w.Write(row.BankType);
        w.Write(row.Currency);
        w.Write(row.CouponFen);
        w.Write(row.OutRefundNo);
        w.Write(row.RefundFen);
        w.Write(row.RefundStatus);
        w.Write(row.Attach);
        w.Write(row.FeeMilliFen);
        w.Write(row.TotalFen);
    }

    private static TradeBillRow Read(BinaryReader r, Repeated repeated)
    {
        var line = r.ReadInt64();
        var utcTicks = r.ReadInt64();
        var offset = TimeSpan.FromMinutes(r.ReadInt16());
        return new TradeBillRow
        {
            LineNumber = line,
            TradeTime = new DateTimeOffset(utcTicks + offset.Ticks, offset),
            AppId = repeated.AppId.Read(r),
            MchId = repeated.MchId.Read(r),
            TransactionId = r.ReadString(),
            OutTradeNo = r.ReadString(),
            OpenId = r.ReadString(),
            TradeType = repeated.TradeType.Read(r),
            TradeState = repeated.TradeState.Read(r),
            BankType = repeated.BankType.Read(r),
            Currency = repeated.Currency.Read(r),
            CouponFen = r.ReadInt64(),
            OutRefundNo = r.ReadString(),
            RefundFen = r.ReadInt64(),
            RefundStatus = repeated.RefundStatus.Read(r),
            Attach = repeated.Attach.Read(r),
            FeeMilliFen = r.ReadInt64(),
            TotalFen = r.ReadInt64(),
        };
    }

    /// <summary>
    /// The fields that repeat from row to row (app, merchant, trade type and state, bank, currency …): a reader hands
    /// out the previous row's string when the bytes are the same, instead of a new string per field per row.
    /// </summary>
    private sealed class Repeated
    {
        public readonly LastString AppId = new(), MchId = new(), TradeType = new(), TradeState = new(), BankType = new(),
            Currency = new(), RefundStatus = new(), Attach = new();
    }

    private sealed class LastString
    {
        private byte[] _bytes = [];
        private string _value = "";

        /// <summary>Reads a string written by <see cref="BinaryWriter.Write(string)"/> (7-bit length, UTF-8).</summary>
        public string Read(BinaryReader r)
        {
            var length = r.Read7BitEncodedInt();
            Span<byte> bytes = length <= 256 ? stackalloc byte[length] : new byte[length];
            r.BaseStream.ReadExactly(bytes);
            if (!bytes.SequenceEqual(_bytes))
            {
                _bytes = bytes.ToArray();
                _value = Encoding.UTF8.GetString(bytes);
            }
            return _value;
        }
    }

    private sealed class RunReader : IDisposable
    {
        private readonly BinaryReader _reader;
        private readonly Repeated _repeated = new();
        private int _left;

        public RunReader(string path)
        {
            _reader = new BinaryReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan), Encoding.UTF8);
            _left = _reader.ReadInt32();
        }

        public TradeBillRow? Next()
        {
            if (_left == 0)
                return null;
            _left--;
            return Read(_reader, _repeated);
        }

        public void Dispose() => _reader.Dispose();
    }
}
