namespace Renovation.Community.Application.Common.Time;

/// <summary>
/// A notice period of N days, counted as the law counts days (Civil Code Art. 201): the day the notice is given is
/// not counted, the period starts the next day and its last day ends at 24:00 China time. "Notice 15 days before the
/// meeting" is therefore met beyond challenge only when the whole period lies between the notice day and the meeting
/// day: meeting date − notice date ≥ N + 1 (notice on 1 December, N = 15: the meeting on 17 December at the earliest).
/// Instants compared to the millisecond refused a meeting at "now + 7 days" by the time the request took, and allowed
/// one in the evening of the 7th day, before the period's last day had ended.
/// </summary>
public static class NoticePeriod
{
    /// <summary>
    /// The earliest moment an event announced at <paramref name="noticeGivenAt"/> may take place: 00:00 China time of
    /// the (<paramref name="days"/> + 1)th calendar day after the notice day. No period (0 days): at once.
    /// </summary>
    public static DateTimeOffset EarliestStart(DateTimeOffset noticeGivenAt, int days) =>
        days <= 0 ? noticeGivenAt : ChinaTime.StartOf(ChinaTime.DateOf(noticeGivenAt).AddDays(days + 1));
}
