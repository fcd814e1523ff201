using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Validation;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Identity;

public sealed record RedeemSignInTicketRequest(string Secret) : IValidatable
{
    public void Validate(Validator v) => v.Text(Secret, "secret", "登录密钥", 128);
}

/// <summary>
/// The browser that made the ticket takes the session of the user who confirmed it: the same token pair a mini-program
/// sign-in gets (the access token names only the user; roles are read per request), in a new refresh family that
/// <c>POST /auth/logout</c> ends.
/// </summary>
public static class RedeemSignInTicket
{
    public static async Task<Ok<LoginResponse>> HandleAsync(Guid ticketId, RedeemSignInTicketRequest request, AppDbContext db,
        TokenService tokens, TimeProvider clock, CancellationToken ct)
    {
        var ticket = await db.ConsoleSignInTickets.SingleOrDefaultAsync(t => t.Id == ticketId, ct);
        if (ticket is null || !ticket.SecretMatches(request.Secret))
            throw ConsoleSignInTickets.NotFound();
        var userId = ticket.Redeem(clock.GetUtcNow());
        var user = await db.Users.SingleAsync(u => u.Id == userId, ct);
        user.RequireEnabled();
        var pair = tokens.Issue(user);
        // The ticket's UPDATE … WHERE RedeemedAt IS NULL and the new refresh token commit together; another call with the
        // same secret that redeemed it between our read and our write makes this one lose on the concurrency token.
        await db.SaveOrAnswerAsync(ConsoleSignInTickets.Used, ct);
        return TypedResults.Ok(new LoginResponse(user.Id, user.DisplayName, false, pair));
    }
}
