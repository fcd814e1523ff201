namespace Renovation.Community.Application.Features.Services;

/// <summary>The paid services' routes, mapped by each capability in the order they are published in the OpenAPI document.</summary>
public static class ServicesApi
{
    public static RouteGroupBuilder MapServicesApi(this RouteGroupBuilder api)
    {
        CatalogueRoutes.MapItems(api);
        OrderRoutes.Map(api);
        CatalogueRoutes.MapCommunityMenu(api);
        StaffViewRoutes.Map(api);
        return api;
    }
}
