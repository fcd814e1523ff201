using Renovation.Community.Api.Common.Errors;
namespace Renovation.Community.Api.Features.Notices;

public static class NoticesApi
{
    public static RouteGroupBuilder MapNoticesApi(this RouteGroupBuilder api)
    {
        var notices = api.MapGroup("/notices").WithTags("Notices");
        notices.MapPost("/", PublishNotice.CreateAsync).WithName("PublishNotice")
            .WithSummary("Publish a notice to a street, community or building, now or at publishAt (street officers, committee, property staff)");
        notices.MapGet("/", NoticeQueries.FeedAsync).WithName("MyNotices")
            .WithSummary("Live notices for my units, pinned first, newest first");
        notices.MapGet("/{id:guid}", NoticeQueries.GetAsync).WithName("GetNotice");
        notices.MapPut("/{id:guid}", PublishNotice.EditAsync).WithName("EditNotice").RetryWhenRaceLost()
            .WithSummary("Change the wording; the previous one is kept as a revision");
        notices.MapPost("/{id:guid}/withdraw", PublishNotice.WithdrawAsync).WithName("WithdrawNotice").RetryWhenRaceLost();
        notices.MapPost("/{id:guid}/read", NoticeQueries.MarkReadAsync).WithName("MarkNoticeRead")
            .WithSummary("Read receipt (idempotent)");
        notices.MapGet("/{id:guid}/stats", NoticeQueries.StatsAsync).WithName("NoticeStats")
            .WithSummary("Targeted, delivered and read counts (publishers)");
        notices.MapGet("/{id:guid}/revisions", NoticeQueries.RevisionsAsync).WithName("NoticeRevisions");
        notices.MapPost("/{id:guid}/attachments", NoticeAttachments.UploadAsync).WithName("UploadNoticeAttachment")
            .WithSummary("Attach a PDF or image (multipart field 'file')")
            // Bearer tokens only, never cookies: there is no cross-site form to forge.
            .DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        notices.MapGet("/{id:guid}/attachments", NoticeAttachments.ListAsync).WithName("ListNoticeAttachments");
        notices.MapGet("/{id:guid}/attachments/{attachmentId:guid}", NoticeAttachments.DownloadAsync).WithName("DownloadNoticeAttachment");
        api.MapGet("/communities/{communityId:guid}/notices", NoticeQueries.ForCommunityAsync).WithTags("Notices")
            .WithName("CommunityNotices").WithSummary("All notices of a community and its buildings, any state (publishers)");
        api.MapSubscriptionsApi();
        return api;
    }
}
