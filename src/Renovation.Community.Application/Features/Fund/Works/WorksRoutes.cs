namespace Renovation.Community.Application.Features.Fund;

/// <summary>Maps the works plan routes: drafting, approving, charging and invoices.</summary>
internal static class WorksRoutes
{
    /// <summary>Under /communities/{communityId}/fund: draft and list works plans.</summary>
    public static void MapUnderCommunity(RouteGroupBuilder communityFund)
    {
        communityFund.MapPost("/works-plans", Works.DraftAsync).WithName("DraftWorksPlan")
            .WithSummary("Draft a works plan paid from the fund")
            .WithDescription("Committee or the serving property company. Items and budget in fen; who bears it: the community, listed buildings or listed units.");
        communityFund.MapGet("/works-plans", Works.ListAsync).WithName("WorksPlans")
            .WithSummary("Works plans of the community")
            .WithDescription("Committee, street and city see all; property staff see the plans they drafted.");
    }

    /// <summary>Under /fund: approve and charge a plan, upload, list and download its invoices.</summary>
    public static void MapUnderFund(RouteGroupBuilder fund)
    {
        fund.MapPost("/works-plans/{planId:guid}/approve", Works.ApproveAsync).WithName("ApproveWorksPlan")
            .WithSummary("Approve a works plan by a passed matter-5 vote, or as an emergency use")
            .WithDescription("voteId (committee only) must be a closed, passed matter-5 (UseMaintenanceFund) vote of the community; emergency=true may be applied for by the committee or the street office, only for lifts, roofs, external walls, fire safety and leaks, and marks the plan as an emergency use with its applicant.");
        fund.MapPost("/works-plans/{planId:guid}/charge", Works.ChargeAsync).WithName("ChargeWorksPlan")
            .WithSummary("Charge the actual cost, split by building area (or the area the settings choose) in whole fen (largest remainder)")
            .WithDescription("Committee only. Each bearing household is charged what its balance covers; the rest becomes an amount due, payable as fund-due. An emergency use is published afterwards as a community notice in the same transaction.");
        // As a Delegate the compile-time generator leaves this handler to the runtime factory: the generator's metadata
        // for an optional text form field ('note') loses the field's name in the OpenAPI document.
        Delegate upload = WorksInvoices.UploadAsync;
#pragma warning disable RDG002 // generated at run time, on purpose (above)
        fund.MapPost("/works-plans/{planId:guid}/invoices", upload).WithName("UploadWorksInvoice")
#pragma warning restore RDG002
            .WithSummary("Upload an invoice for a works plan's actual cost (multipart field 'file'; optional amountFen and note)")
            .WithDescription("Committee only, on an approved or charged plan (422 works_invoice_plan_not_approved on a draft). PDF or PNG, JPEG, WebP by its first bytes, up to 20 MB (415 attachment_type_not_allowed, 413 attachment_too_large). A refused upload stores nothing.")
            .DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        fund.MapGet("/works-plans/{planId:guid}/invoices", WorksInvoices.ListAsync).WithName("WorksInvoices")
            .WithSummary("Invoices of a works plan: file name, type, size, amount, who uploaded them and when")
            .WithDescription("Everyone who may see the plan's community, its residents included: the fund's spending is disclosed to the owners. Others get 404 works_plan_not_found.");
        fund.MapGet("/works-plans/{planId:guid}/invoices/{invoiceId:guid}/file", WorksInvoices.DownloadAsync).WithName("WorksInvoiceFile")
            .WithSummary("Download one invoice of a works plan")
            .WithDescription("Readable like the plan's invoice list; the content type is the one read from the file's bytes.");
    }
}
