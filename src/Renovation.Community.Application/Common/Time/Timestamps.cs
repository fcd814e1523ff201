using System.Globalization;
using System.Linq.Expressions;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Renovation.Community.Application.Common.Time;

/// <summary>
/// One precision for every timestamp: whole milliseconds, stored in UTC. The clock gives 100 ns ticks, SQLite's binary
/// form keeps 100 µs and MariaDB's datetime(6) 1 µs, so the same moment used to come back with 7 decimals from a POST
/// and 4 or 6 from a GET. The database stores what <see cref="Truncate"/> leaves (so a value read back equals the value
/// written, on both providers) and the JSON writes exactly that moment in China time, with its offset:
/// <c>2026-11-29T16:00:00.123+08:00</c>.
/// </summary>
public static class Timestamps
{
    public const string JsonFormat = "yyyy-MM-dd'T'HH:mm:ss.fffzzz";

    public static DateTimeOffset Truncate(DateTimeOffset value)
    {
        var ticks = value.UtcTicks;
        return new DateTimeOffset(ticks - ticks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
    }

    /// <summary>
    /// The one reading and writing of every <see cref="DateTimeOffset"/> of the API (bodies, problem extensions, live
    /// events). Reads ISO 8601 (the reader's own profile); a time without an offset is China time, as users and the
    /// law mean it (<c>2026-12-20T19:00:00</c> is 11:00 UTC; the host's time zone used to decide, and a server on UTC
    /// told owners of a 19:00 meeting at 03:00), and one with an offset or <c>Z</c> keeps it. Writes China time with
    /// its offset, so what a page shows as it came is what a person there reads.
    /// </summary>
    public sealed class Json : JsonConverter<DateTimeOffset>
    {
        // The last eight hours of year 9999 have no China-time form to write back.
        private static readonly long LastUtcTicks = DateTimeOffset.MaxValue.UtcTicks - ChinaTime.Offset.Ticks;

        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            DateTimeOffset value;
            // Without an offset the reader gives a DateTime of kind Unspecified: the wall-clock time as sent (the first
            // eight hours of year 1 in China have no UTC instant).
            if (reader.TryGetDateTime(out var sent) && sent.Kind == DateTimeKind.Unspecified)
                value = sent.Ticks >= ChinaTime.Offset.Ticks ? new DateTimeOffset(sent, ChinaTime.Offset) : throw new JsonException();
            else
                value = reader.GetDateTimeOffset();
            return value.UtcTicks <= LastUtcTicks ? value : throw new JsonException();
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(Truncate(value).ToChina().ToString(JsonFormat, CultureInfo.InvariantCulture));
    }

    /// <summary>MariaDB: stored truncated, in UTC.</summary>
    public sealed class Stored() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => Truncate(v), v => v);

    /// <summary>SQLite: truncated, then in EF's binary form (which sorts and compares there).</summary>
    public sealed class StoredAsBinary() : ValueConverter<DateTimeOffset, long>(ToBinary, FromBinary)
    {
        private static readonly DateTimeOffsetToBinaryConverter Binary = new();
        private static readonly Expression<Func<DateTimeOffset, long>> ToBinary = v => (long)Binary.ConvertToProvider(Truncate(v))!;
        private static readonly Expression<Func<long, DateTimeOffset>> FromBinary = v => (DateTimeOffset)Binary.ConvertFromProvider(v)!;
    }
}
