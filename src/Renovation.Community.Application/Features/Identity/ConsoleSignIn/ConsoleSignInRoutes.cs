using Renovation.Community.Application.Extensions;

namespace Renovation.Community.Application.Features.Identity;

/// <summary>Signing in to the operators' console by scanning a mini-program code (docs/console.md).</summary>
public static class ConsoleSignInRoutes
{
    public static RouteGroupBuilder MapConsoleSignInRoutes(this RouteGroupBuilder api)
    {
        var tickets = api.MapGroup("/console/sign-in-tickets").WithTags("Console sign-in");
        tickets.MapPost("/", CreateSignInTicket.HandleAsync).AllowAnonymous().RequireRateLimiting(AuthApi.LoginRateLimit)
            .WithName("CreateSignInTicket")
            .WithSummary("Start a console sign-in: a one-time ticket")
            .WithDescription("Anonymous and rate-limited per address (Auth:LoginPermitsPerMinute). Answers the ticket id, its scene (the id without dashes, which the mini-program code carries), a secret that only this browser holds and the expiry (ConsoleSignIn:TicketSeconds, 120 by default). Show GET …/{ticketId}/code, then poll POST …/{ticketId}/redeem with the secret.");
        tickets.MapGet("/{ticketId:guid}/code", DrawSignInCode.HandleAsync).AllowAnonymous().RequireRateLimiting(AuthApi.LoginRateLimit)
            .WithName("GetSignInCode")
            .WithSummary("The ticket's mini-program code (PNG)")
            .WithDescription("Draws the ticket's code with WeChat's getwxacodeunlimit: scanning it opens the mini-program's confirm page (ConsoleSignIn:ConfirmPage) with the scene. Anonymous and rate-limited per address. 404 ticket_not_found, 409 ticket_expired or ticket_used once it can no longer be confirmed, 503 wechat_unavailable when WeChat does not answer.")
            .Produces<byte[]>(StatusCodes.Status200OK, "image/png")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        tickets.MapPost("/{ticketId:guid}/confirm", ConfirmSignInTicket.HandleAsync)
            .WithName("ConfirmSignInTicket")
            .WithSummary("Confirm a console sign-in as the signed-in mini-program user")
            .WithDescription("Any signed-in user may confirm a ticket they scanned (the route accepts the scene too: the id without dashes); the console then signs in as them with their own roles. Exactly one confirmation wins: the others get 409 ticket_used; after expiry 409 ticket_expired; an unknown ticket 404 ticket_not_found.");
        tickets.MapPost("/{ticketId:guid}/redeem", RedeemSignInTicket.HandleAsync).AllowAnonymous().RequireRateLimiting(AuthApi.LoginRateLimit)
            .WithName("RedeemSignInTicket")
            .WithRequestExample("""{"secret":"3q2-7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}""")
            .WithSummary("Take the session of the user who confirmed the ticket")
            .WithDescription("The browser that made the ticket, with its secret, gets the confirming user's token pair (as from wechat-login; POST /auth/logout ends it). Once: a second redemption is 409 ticket_used. Before confirmation 409 ticket_not_confirmed (poll every two seconds or so); after expiry 409 ticket_expired; an unknown ticket or a wrong secret 404 ticket_not_found. Anonymous and rate-limited per address.");
        return api;
    }
}
