using Renovation.Community.Application.Common.Errors;
namespace Renovation.Community.Application.Features.Notices;

public static class NoticesApi
{
    public static RouteGroupBuilder MapNoticesApi(this RouteGroupBuilder api)
    {
        var notices = api.MapGroup("/notices").WithTags("Notices");
        notices.MapPost("/", PublishNotice.CreateAsync).WithName("PublishNotice")
            .WithSummary("Publish a notice to a street, community or building, now or at publishAt (street officers, committee, property staff)")
            .WithDescription("Creates a notice for the residents of a street, community or building. Without publishAt it is published at once; with publishAt the sweep publishes it then. expiresAt is optional except for emergency notices. Residents receive it live and, with a consent, as a WeChat subscribe message.");
        notices.MapGet("/", NoticeQueries.FeedAsync).WithName("MyNotices")
            .WithSummary("Live notices for my units, pinned first, newest first")
            .WithDescription("The live notices addressed to the caller's units, pinned first and then newest first, each with whether the caller has read it. Paged.");
        notices.MapGet("/{id:guid}", NoticeQueries.GetAsync).WithName("GetNotice")
            .WithSummary("One notice")
            .WithDescription("A notice with its text and state. Residents see published notices addressed to them; publishers see every notice they may manage.");
        notices.MapPut("/{id:guid}", PublishNotice.EditAsync).WithName("EditNotice").RetryWhenRaceLost()
            .WithSummary("Change the wording; the previous one is kept as a revision")
            .WithDescription("Changes the title, body, pin, expiry and, while it is still scheduled, the publication time. The previous wording is kept as a revision. Repeating an edit that changes nothing makes no revision. Withdrawn or expired notices cannot be edited (422 notice_ended).");
        notices.MapPost("/{id:guid}/withdraw", PublishNotice.WithdrawAsync).WithName("WithdrawNotice").RetryWhenRaceLost()
            .WithSummary("Withdraw a notice")
            .WithDescription("Takes a notice down with a reason; residents no longer see it. A notice that was already withdrawn or has expired answers 422 notice_ended.");
        notices.MapPost("/{id:guid}/read", NoticeQueries.MarkReadAsync).WithName("MarkNoticeRead")
            .WithSummary("Read receipt (idempotent)")
            .WithDescription("Records that the caller read the notice. Repeating it changes nothing. Only residents the notice is addressed to may send a receipt.");
        notices.MapGet("/{id:guid}/stats", NoticeQueries.StatsAsync).WithName("NoticeStats")
            .WithSummary("Targeted, delivered and read counts (publishers)")
            .WithDescription("How many residents the notice targeted, how many received a subscribe message, how many read it, and how many were reached either way. For its publishers.");
        notices.MapGet("/{id:guid}/revisions", NoticeQueries.RevisionsAsync).WithName("NoticeRevisions")
            .WithSummary("Earlier wordings of a notice")
            .WithDescription("The notice's previous titles and bodies, one per edit, oldest first. For its publishers.");
        notices.MapPost("/{id:guid}/attachments", NoticeAttachments.UploadAsync).WithName("UploadNoticeAttachment")
            .WithSummary("Attach a PDF or image (multipart field 'file')")
            .WithDescription("Attaches a PDF, PNG or JPEG (multipart/form-data, field 'file'; size-limited) to a notice. The content is checked by its signature, not by its name. A refused upload leaves nothing stored.")
            // Bearer tokens only, never cookies: there is no cross-site form to forge.
            .DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        notices.MapGet("/{id:guid}/attachments", NoticeAttachments.ListAsync).WithName("ListNoticeAttachments")
            .WithSummary("Attachments of a notice")
            .WithDescription("The files attached to a notice, for anyone who may read it.");
        notices.MapGet("/{id:guid}/attachments/{attachmentId:guid}", NoticeAttachments.DownloadAsync).WithName("DownloadNoticeAttachment")
            .WithSummary("Download a notice attachment")
            .WithDescription("The stored bytes of one attachment with its media type, for anyone who may read the notice.");
        api.MapGet("/communities/{communityId:guid}/notices", NoticeQueries.ForCommunityAsync).WithTags("Notices")
            .WithName("CommunityNotices")
            .WithSummary("All notices of a community and its buildings, any state (publishers)")
            .WithDescription("Every notice aimed at a community or its buildings, whatever its state, for the staff who publish there. Paged.");
        api.MapSubscriptionsApi();
        return api;
    }
}
