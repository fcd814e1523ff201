using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Time;

namespace Renovation.Community.Application.Features.Meetings;

public static class MeetingLimits
{
    public const int Title = 100;
    public const int Place = 200;
    public const int Link = 500;
    public const int Contact = 200;
    public const int Description = 2000;
    public const int Reason = 500;
    public const int Minutes = 20000;
    public const int MaxItems = 30;
    /// <summary>How far ahead a meeting may be convened, and how long an assembly's voting may run.</summary>
    public const int HorizonDays = 366;
    public const int LongestAssemblyDays = 90;

    /// <summary>
    /// When a meeting may start, convened or moved: no sooner than its notice period from today (the notice day not
    /// counted; a move counts it again from the day of the move), and within the horizon. <paramref name="tooSoon"/>
    /// says it in the words of the caller's notice and gets the earliest start, which the answer also carries.
    /// </summary>
    public static void EnsureStart(DateTimeOffset startsAt, DateTimeOffset now, int noticeDays, Func<DateTimeOffset, DomainRuleViolation> tooSoon)
    {
        var earliest = NoticePeriod.EarliestStart(now, noticeDays);
        if (startsAt < earliest)
            throw tooSoon(earliest).With("earliestStartsAt", earliest);
        if (startsAt > now.AddDays(HorizonDays))
            throw new DomainRuleViolation("starts_too_late", $"会议时间不能晚于 {HorizonDays} 天之后");
    }

    public static void EnsureAssemblyLength(DateTimeOffset startsAt, DateTimeOffset endsAt)
    {
        if (endsAt > startsAt.AddDays(LongestAssemblyDays))
            throw new DomainRuleViolation("assembly_too_long", $"业主大会表决期不能超过 {LongestAssemblyDays} 天");
    }
}
