using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Identity;

/// <summary>
/// What the browser gets for a new ticket. <see cref="Secret"/> is shown once and never stored: the browser keeps it
/// to redeem the ticket, so a phone that only saw the code cannot take the session.
/// </summary>
public sealed record SignInTicketCreated(Guid TicketId, string Scene, string Secret, DateTimeOffset ExpiresAt);

public static class CreateSignInTicket
{
    public static async Task<Created<SignInTicketCreated>> HandleAsync(HttpContext http, AppDbContext db,
        IOptions<ConsoleSignInOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var settings = options.Value;
        // Anonymous callers make these rows; old ones go as new ones come, so the table never grows past a day's worth.
        var keepAfter = now.AddHours(-settings.KeepExpiredHours);
        await db.ConsoleSignInTickets.Where(t => t.ExpiresAt < keepAfter).ExecuteDeleteAsync(ct);

        var secret = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var ticket = new ConsoleSignInTicket(ConsoleSignInTicket.Hash(secret), http.Connection.RemoteIpAddress?.ToString(),
            now, now.AddSeconds(settings.TicketSeconds));
        db.ConsoleSignInTickets.Add(ticket);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/console/sign-in-tickets/{ticket.Id}/code",
            new SignInTicketCreated(ticket.Id, ticket.Scene, secret, ticket.ExpiresAt));
    }
}
