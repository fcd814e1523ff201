namespace Renovation.Community.Application.Features.Meetings;

/// <summary>
/// An alert the meetings sweep raised (minutes due, minutes overdue, a called meeting not held, no assembly for a
/// year). The key names the alert and its subject, under a primary key, so each is raised once however often or on
/// however many nodes the sweep runs; the street reads them as a list.
/// </summary>
public sealed class MeetingAlert
{
    private MeetingAlert() { }

    public MeetingAlert(string key, string kind, Guid communityId, Guid subjectId, string message, DateTimeOffset now)
    {
        Key = key;
        Kind = kind;
        CommunityId = communityId;
        SubjectId = subjectId;
        Message = message;
        RaisedAt = now;
    }

    public string Key { get; private set; } = "";
    public string Kind { get; private set; } = "";
    public Guid CommunityId { get; private set; }
    public Guid SubjectId { get; private set; }
    public string Message { get; private set; } = "";
    public DateTimeOffset RaisedAt { get; private set; }
}
