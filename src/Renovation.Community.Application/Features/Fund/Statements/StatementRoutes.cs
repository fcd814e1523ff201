namespace Renovation.Community.Application.Features.Fund;

/// <summary>Maps the fund statement routes: the statement of a period, published statements, corrections and signed household links.</summary>
internal static class StatementRoutes
{
    /// <summary>Under /communities/{communityId}/fund: the statement, publishing and listing published statements.</summary>
    public static void MapUnderCommunity(RouteGroupBuilder communityFund)
    {
        communityFund.MapGet("/statement", Statements.GetAsync).WithName("FundStatement")
            .WithSummary("The fund statement for a period: totals, works projects, each household's line (json, csv or printable html)")
            .WithDescription("Committee, street and city. from and to are China calendar dates (yyyy-MM-dd); format=csv or format=xlsx downloads a file, format=html is a printable page.");
        communityFund.MapPost("/statements", StatementPublishing.PublishAsync).WithName("PublishFundStatement")
            .WithSummary("Publish a period's statement as a community notice linking to its downloadable files")
            .WithDescription("Committee only. The period must be over (422 statement_period_not_over); its figures are frozen when published. One publication per period (409 fund_statement_published, also when requests race); the yearly job publishes each past year the same way.");
        communityFund.MapGet("/statements", StatementPublishing.ListAsync).WithName("PublishedFundStatements")
            .WithSummary("Published statements of the community, newest period first")
            .WithDescription("Everyone who may see the community, its residents included: published statements are public to the owners.");
    }

    /// <summary>Under /fund: a published statement's file, its correction and household links.</summary>
    public static void MapUnderFund(RouteGroupBuilder fund)
    {
        fund.MapGet("/statements/{statementId:guid}/file", StatementPublishing.FileAsync).WithName("PublishedFundStatementFile")
            .WithSummary("Download a published statement: format=html (printable, the default), csv or xlsx")
            .WithDescription("Everyone who may see the statement's community. The figures are those frozen at publication.");
        fund.MapPost("/statements/{statementId:guid}/supersede", StatementPublishing.SupersedeAsync).WithName("SupersedeFundStatement")
            .WithSummary("Correct a published statement: publish the period again from the ledger as it is now, with a reason")
            .WithDescription("Committee of the statement's community only (others who can see it 403, others 404 fund_statement_not_found). The correction is the next revision of the same period, published as its own notice that gives the reason; the earlier statement is kept, marked superseded. Only the newest revision can be corrected: 409 fund_statement_superseded (also when corrections race).");
        fund.MapPost("/statements/{statementId:guid}/links", StatementLinks.IssueAsync).WithName("FundStatementLink")
            .WithSummary("A link that opens one household's view of a published statement in a browser, valid for 7 days")
            .WithDescription("The unit's bound residents, and the committee, street and city. The link carries an HMAC signature instead of a bearer token and shows the statement's totals, its works and that household's line only. 409 fund_statement_links_off when Fund:StatementLinkKey is not configured.");
        fund.MapGet("/statements/{statementId:guid}/households/{householdId:guid}/page", StatementLinks.OpenAsync).AllowAnonymous()
            .WithName("FundStatementPage")
            .WithSummary("Open a signed statement link (printable html)")
            .WithDescription("No token: the signature authorises. 403 fund_statement_link_invalid for a wrong or altered link, 403 fund_statement_link_expired after its expiry.");
    }
}
