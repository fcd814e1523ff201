using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Renovation.Community.Application.Data;
using Renovation.Community.WeChat.MiniProgram;

namespace Renovation.Community.Application.Features.Identity;

/// <summary>The mini-program code of a ticket (getwxacodeunlimit, the ticket's scene, the confirm page), as a PNG.</summary>
public static class DrawSignInCode
{
    public static async Task<IResult> HandleAsync(Guid ticketId, AppDbContext db, IMiniProgramClient wechat,
        IOptions<ConsoleSignInOptions> options, TimeProvider clock, ILogger<ConsoleSignInTicket> logger, CancellationToken ct)
    {
        var ticket = await db.ConsoleSignInTickets.AsNoTracking().SingleOrDefaultAsync(t => t.Id == ticketId, ct)
            ?? throw ConsoleSignInTickets.NotFound();
        // A code that can no longer be confirmed is not worth a call to WeChat (which counts them).
        if (ticket.ConfirmedByUserId is not null || ticket.RedeemedAt is not null)
            throw ConsoleSignInTickets.Used();
        if (clock.GetUtcNow() >= ticket.ExpiresAt)
            throw ConsoleSignInTickets.Expired();
        var settings = options.Value;
        try
        {
            var png = await wechat.GetUnlimitedWxaCodeAsync(new WxaCodeRequest(ticket.Scene, settings.ConfirmPage)
            {
                CheckPath = settings.CheckPath,
                EnvVersion = settings.EnvVersion,
            }, ct);
            return Results.File(png, "image/png");
        }
        catch (Exception e) when (WeChatOutage.Is(e))
        {
            // A page refresh makes a new ticket and tries again.
            logger.LogWarning("getwxacodeunlimit failed: {Error}", e.Message);
            throw WeChatOutage.Problem("微信服务暂时不可用，请稍后刷新页面重试");
        }
    }
}
