namespace Renovation.Community.Application.Common.Time;

/// <summary>Users read times in China Standard Time; storage and arithmetic stay in UTC.</summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset ToChina(this DateTimeOffset utc) => utc.ToOffset(Offset);
}
