namespace Renovation.Community.Application.Features.Meetings;

/// <summary>Section <c>Meetings</c>: defaults for communities that have not changed their meeting settings.</summary>
public sealed class MeetingsOptions
{
    public const string Section = "Meetings";

    /// <summary>Days a committee agenda goes out before the meeting (rule book 7; Beijing 5).</summary>
    public int CommitteeNoticeDays { get; set; } = 7;
    /// <summary>Days an assembly notice goes out before the assembly (at least 15).</summary>
    public int AssemblyNoticeDays { get; set; } = 15;
    /// <summary>Days within which a meeting called by a third of the members must be held.</summary>
    public int CalledMeetingWithinDays { get; set; } = 7;
    /// <summary>Days after a meeting closes by which its minutes and decisions must be published.</summary>
    public int MinutesDueDays { get; set; } = 3;
    /// <summary>Day after the close on which the chair is reminded, and on which the street is told.</summary>
    public int MinutesChairReminderDay { get; set; } = 2;
    public int MinutesStreetAlertDay { get; set; } = 4;
    /// <summary>An assembly is held at least this often.</summary>
    public int AssemblyEveryDays { get; set; } = 365;
}
