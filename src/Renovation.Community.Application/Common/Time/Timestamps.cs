using System.Globalization;
using System.Linq.Expressions;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Renovation.Community.Application.Common.Time;

/// <summary>
/// One precision for every timestamp: whole milliseconds in UTC. The clock gives 100 ns ticks, SQLite's binary form
/// keeps 100 µs and MariaDB's datetime(6) 1 µs, so the same moment used to come back with 7 decimals from a POST and
/// 4 or 6 from a GET. The database stores what <see cref="Truncate"/> leaves (so a value read back equals the value
/// written, on both providers) and the JSON writes exactly that: <c>2026-11-29T08:00:00.123Z</c>.
/// </summary>
public static class Timestamps
{
    public const string JsonFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public static DateTimeOffset Truncate(DateTimeOffset value)
    {
        var ticks = value.UtcTicks;
        return new DateTimeOffset(ticks - ticks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
    }

    /// <summary>Writes every <see cref="DateTimeOffset"/> of the API (bodies, events) in the one form; reads any ISO 8601.</summary>
    public sealed class Json : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetDateTimeOffset();

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(Truncate(value).ToString(JsonFormat, CultureInfo.InvariantCulture));
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
