namespace Renovation.Community.Application.Common.Time;

/// <summary>
/// Users read times in China Standard Time (UTC+8; China has kept no daylight saving since 1991, so the offset is
/// fixed); storage and arithmetic stay in UTC.
/// </summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset ToChina(this DateTimeOffset utc) => utc.ToOffset(Offset);

    /// <summary>The calendar day in China on which <paramref name="at"/> falls: the day the law counts.</summary>
    public static DateOnly DateOf(DateTimeOffset at) => DateOnly.FromDateTime(at.ToChina().DateTime);

    /// <summary>00:00 China time of <paramref name="day"/>.</summary>
    public static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), Offset);
}
