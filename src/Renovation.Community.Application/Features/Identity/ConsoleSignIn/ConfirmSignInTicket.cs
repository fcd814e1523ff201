using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Identity;

public sealed record SignInTicketConfirmed(Guid TicketId, DateTimeOffset ConfirmedAt, DateTimeOffset ExpiresAt);

/// <summary>The signed-in mini-program user says "sign me in on that screen".</summary>
public static class ConfirmSignInTicket
{
    public static async Task<Ok<SignInTicketConfirmed>> HandleAsync(Guid ticketId, Access access, AppDbContext db,
        TimeProvider clock, CancellationToken ct)
    {
        var userId = access.UserId;
        if (await db.Users.Where(u => u.Id == userId).Select(u => u.IsDisabled).SingleOrDefaultAsync(ct))
            throw AppUser.Disabled();
        var now = clock.GetUtcNow();
        // One conditional UPDATE decides: of any number of confirmations at once, the database lets exactly one set the
        // user, and only while the ticket lives.
        var won = await db.ConsoleSignInTickets
            .Where(t => t.Id == ticketId && t.ConfirmedByUserId == null && t.ExpiresAt > now)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.ConfirmedByUserId, userId).SetProperty(t => t.ConfirmedAt, now), ct);
        var ticket = await db.ConsoleSignInTickets.AsNoTracking().SingleOrDefaultAsync(t => t.Id == ticketId, ct)
            ?? throw ConsoleSignInTickets.NotFound();
        if (won == 1)
            return TypedResults.Ok(new SignInTicketConfirmed(ticket.Id, now, ticket.ExpiresAt));
        throw ticket.ConfirmedByUserId is not null ? ConsoleSignInTickets.Used() : ConsoleSignInTickets.Expired();
    }
}
