namespace Renovation.Community.Application.Features.Services;

/// <summary>Maps the staff and oversight views of service orders: a community's orders, income, disputes and oversight, and a company's income.</summary>
internal static class StaffViewRoutes
{
    /// <summary>Orders, income, disputes and oversight per community; income per property company.</summary>
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/communities/{communityId:guid}/service-orders", StaffViews.OrdersAsync).WithTags("Services")
            .WithName("CommunityServiceOrders").WithSummary("The company's orders in a community by state and day (property staff)")
            .WithDescription("day (yyyy-MM-dd, China time) matches the slot's day, or the order's day for services without slots. Each order shows its building, unitNumber and contacts with phones masked.");
        api.MapGet("/communities/{communityId:guid}/service-income", StaffViews.IncomeAsync).WithTags("Services")
            .WithName("CommunityServiceIncome").WithSummary("Service income per day of a month in a community (property staff)")
            .WithDescription("month is yyyy-MM (China time); paid, refunded on decline or cancel, and net fen per payment day.");
        api.MapGet("/property-companies/{companyId:guid}/service-income", CompanyIncome.GetAsync).WithTags("Services")
            .WithName("CompanyServiceIncome").WithSummary("The company's service income across all its communities (property staff)")
            .WithDescription("month=yyyy-MM gives days, year=yyyy gives months (China time); totals, per period and per community: paid, refunded on decline or cancel, and net fen by payment time. Staff of other companies get 404.");
        api.MapGet("/communities/{communityId:guid}/service-disputes", StaffViews.DisputesAsync).WithTags("Services")
            .WithName("CommunityServiceDisputes").WithSummary("Complaints about paid services in a community")
            .WithDescription("Committee, street and city see all; the serving company's staff see those about their company; a resident sees those about orders of the units they act for, with the answers.");
        api.MapGet("/communities/{communityId:guid}/service-oversight", StaffViews.OversightAsync).WithTags("Services")
            .WithName("CommunityServiceOversight").WithSummary("Ratings and disputes per property company (committee, street, city)")
            .WithDescription("The basis for judging the property company: completed orders, star counts, disputes and unanswered ones.");
    }
}
