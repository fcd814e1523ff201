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

    public static void EnsureWithinHorizon(DateTimeOffset startsAt, DateTimeOffset now)
    {
        if (startsAt > now.AddDays(HorizonDays))
            throw new Common.Errors.DomainRuleViolation("starts_too_late", $"会议时间不能晚于 {HorizonDays} 天之后");
    }
}
