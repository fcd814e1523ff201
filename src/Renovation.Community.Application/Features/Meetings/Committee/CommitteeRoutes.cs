namespace Renovation.Community.Application.Features.Meetings;

/// <summary>Maps the committee meeting routes: convening, calls, resolutions, settings, alerts, attendance, positions, decisions and minutes.</summary>
internal static class CommitteeRoutes
{
    /// <summary>Under /communities/{communityId}: meetings, calls, resolutions, meeting settings and alerts.</summary>
    public static void MapUnderCommunity(RouteGroupBuilder community)
    {
        community.MapPost("/committee-meetings", CommitteeMeetings.ConveneAsync).WithName("ConveneCommitteeMeeting")
            .WithSummary("Convene a committee meeting (chair, or a member on a call by a third of the members)")
            .WithDescription("Sends the agenda to the members and, for the residents' committee, to the street; publishes the public items as a notice to owners. Refused with 422 notice_too_short when the meeting starts sooner than the community's committee notice period (default 7 days).");
        community.MapGet("/committee-meetings", CommitteeMeetings.ListAsync).WithName("ListCommitteeMeetings")
            .WithSummary("Committee meetings of a community, newest first")
            .WithDescription("Members, street officers and city admins see everything; residents see the public part (time, place, public items, attendance count, quorum).");
        community.MapPost("/committee-meeting-calls", MeetingCalls.StartAsync).WithName("StartCommitteeMeetingCall")
            .WithSummary("A committee member calls for a meeting")
            .WithDescription("The starter's call counts as the first signature. Once at least a third of the members have called, a meeting must be convened on the call within 7 days (Meetings:CalledMeetingWithinDays) or the street is alerted.");
        community.MapGet("/committee-meeting-calls", MeetingCalls.ListAsync).WithName("ListCommitteeMeetingCalls")
            .WithSummary("Calls for committee meetings, with whether each is overdue")
            .WithDescription("Committee members, street officers and city admins.");
        community.MapGet("/resolutions", CommitteeMeetings.ResolutionsAsync).WithName("ListResolutions")
            .WithSummary("Searchable list of the committee's decisions, each linked to its meeting")
            .WithDescription("q searches item titles, descriptions and meeting titles. Residents see public items of meetings whose minutes are published.");
        community.MapGet("/meeting-settings", CommitteeMeetings.GetSettingsAsync).WithName("GetMeetingSettings")
            .WithSummary("Notice periods and the residents' committee contact")
            .WithDescription("Anyone who can see the community.");
        community.MapPut("/meeting-settings", CommitteeMeetings.ChangeSettingsAsync).WithName("ChangeMeetingSettings")
            .WithSummary("Change the notice periods and the residents' committee contact (chair or street)")
            .WithDescription("The committee notice period is 1 to 30 days (rule book 7, Beijing 5); an assembly's is at least 15 days.");
        community.MapGet("/meeting-alerts", CommitteeMeetings.AlertsAsync).WithName("ListMeetingAlerts")
            .WithSummary("Overdue alerts raised by the meetings sweep")
            .WithDescription("Minutes due (day 2) and overdue (day 4), calls not answered in time, assembly results late, no assembly for a year. Committee, street officers, city admins.");
    }

    /// <summary>One meeting, its agenda items, position confirmations and call signatures.</summary>
    public static void Map(RouteGroupBuilder api)
    {
        var meetings = api.MapGroup("/committee-meetings/{meetingId:guid}").WithTags("Meetings");
        meetings.MapGet("", CommitteeMeetings.GetAsync).WithName("GetCommitteeMeeting")
            .WithSummary("A committee meeting: agenda, attendance, quorum, decisions")
            .WithDescription("Members, street officers and city admins see the roster and each member's position; residents the public part.");
        meetings.MapPost("/attendance", AtTheMeeting.RecordAttendanceAsync).WithName("RecordCommitteeAttendance")
            .WithSummary("Record a member as present (once; no proxies)")
            .WithDescription("A member on the meeting's roster records themself or another member in the room. A proxyUserId is refused with 422 committee_proxy_not_allowed; a second record of the same member is 409 already_present. Pushes the attendance and quorum live.");
        meetings.MapPost("/close", CommitteeMeetings.CloseAsync).WithName("CloseCommitteeMeeting")
            .WithSummary("End the meeting; the 3-day clock for the minutes starts")
            .WithDescription("A member on the roster.");
        meetings.MapPost("/minutes", CommitteeMeetings.PublishMinutesAsync).WithName("PublishCommitteeMinutes")
            .WithSummary("Publish the minutes and decisions as a notice to the community")
            .WithDescription("Once per meeting, after it closed; due within 3 days. Files go on the notice through the notices' attachment endpoint.");
        meetings.MapPost("/cancel", CancelCommitteeMeeting.HandleAsync).WithName("CancelCommitteeMeeting")
            .WithSummary("Call off a meeting before its session opens, with a notice to everyone the announcement reached")
            .WithDescription("The chair (or the member who convened it on a call). Owners get a community notice, members and observers committee_meeting.cancelled, the street the same event for the residents' committee. A meeting a third of the members called cannot be called off (422 called_meeting_cannot_be_cancelled): move it instead. Once the session opened (an hour before the start) 409 meeting_already_started; after the close 409 meeting_already_finished; a second cancel 409 meeting_cancelled.");
        meetings.MapPost("/reschedule", RescheduleCommitteeMeeting.HandleAsync).WithName("RescheduleCommitteeMeeting")
            .WithSummary("Move a meeting before its session opens, with a fresh notice")
            .WithDescription("The chair (or the member who convened it on a call). The new start needs the community's committee notice period counted from today (422 reschedule_notice_too_short with earliestStartsAt). The notice goes again to owners, members, observers and the street. 409 meeting_already_started, meeting_already_finished, meeting_cancelled; a concurrent change 409 meeting_changed.");
        meetings.MapPost("/observers", AtTheMeeting.RegisterObserverAsync).WithName("RegisterMeetingObserver")
            .WithSummary("An owner registers to observe (旁听)")
            .WithDescription("Residents of the community, once each, up to the meeting's capacity (409 observers_full). Observers then receive the live attendance and results.");

        var items = api.MapGroup("/committee-meeting-items/{itemId:guid}").WithTags("Meetings");
        items.MapPost("/positions", AtTheMeeting.StatePositionAsync).WithName("StateMemberPosition")
            .WithSummary("A present member's position on an item")
            .WithDescription("Stated by the member themself it is signed at once; entered by the secretary for another present member it waits for a second member's confirmation. One per member and item (409 position_exists).");
        items.MapPost("/decide", AtTheMeeting.DecideAsync).WithName("DecideAgendaItem")
            .WithSummary("Record the item's decision from the signed positions")
            .WithDescription("Needs more than half of all members present (422 quorum_not_met); passes only with the signed agreement of more than half of ALL members. Once per item.");
        api.MapPost("/committee-meeting-positions/{positionId:guid}/confirm", AtTheMeeting.ConfirmPositionAsync).WithTags("Meetings")
            .WithName("ConfirmMemberPosition")
            .WithSummary("A second member confirms a position the secretary entered")
            .WithDescription("Not the member who entered it (422 second_member_required); once (409 position_already_signed).");
        api.MapPost("/committee-meeting-calls/{callId:guid}/signatures", MeetingCalls.SignAsync).WithTags("Meetings")
            .WithName("SignCommitteeMeetingCall")
            .WithSummary("A committee member joins a call for a meeting")
            .WithDescription("Each member once (409 already_called).");
    }
}
