using Renovation.Community.Application.Common;

namespace Renovation.Community.Application.Features.Meetings;

public static class MeetingsSetup
{
    public static WebApplicationBuilder AddMeetings(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(MeetingsOptions.Section);
        var o = section.Get<MeetingsOptions>() ?? new MeetingsOptions();
        if (o.CommitteeNoticeDays < 1 || o.AssemblyNoticeDays < MeetingSettings.MinAssemblyNoticeDays || o.CalledMeetingWithinDays < 1
            || o.MinutesDueDays < 1 || o.MinutesChairReminderDay < 1 || o.MinutesStreetAlertDay <= o.MinutesDueDays || o.AssemblyEveryDays < 1)
            throw new ConfigurationProblem("Meetings: CommitteeNoticeDays, CalledMeetingWithinDays, MinutesDueDays, MinutesChairReminderDay and AssemblyEveryDays must be ≥ 1, AssemblyNoticeDays ≥ 15, MinutesStreetAlertDay > MinutesDueDays.");
        builder.Services.AddOptions<MeetingsOptions>().Bind(section);
        return builder;
    }
}
