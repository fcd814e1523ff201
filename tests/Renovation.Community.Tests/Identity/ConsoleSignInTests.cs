using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Features.Identity;
using Renovation.Community.Tests.Infrastructure;
using Renovation.Community.WeChatSimulator.Faults;
using Renovation.Community.WeChatSimulator.MiniProgram;

namespace Renovation.Community.Tests.Identity;

/// <summary>
/// Signing in to the console by scanning: the browser makes a ticket, shows its mini-program code, a signed-in
/// mini-program user confirms it, and only the browser holding the secret redeems it, once, within two minutes, for a
/// session of that user with that user's roles. Its own API: it moves the clock.
/// </summary>
public sealed class ConsoleSignInTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Tickets = "/api/v1/console/sign-in-tickets";

    [Fact]
    public async Task The_console_gets_a_session_of_the_user_who_confirmed_with_that_users_roles()
    {
        using var browser = api.CreateClient();
        var ticket = await NewTicket(browser);
        Assert.Equal(ticket.TicketId.ToString("N"), ticket.Scene);
        Assert.Equal(TimeSpan.FromHours(8), ticket.ExpiresAt.Offset);
        Assert.Equal(api.Clock.GetUtcNow().AddMinutes(2), ticket.ExpiresAt, TimeSpan.FromSeconds(5));

        // The code is WeChat's (here the simulator's) PNG for the ticket's scene and the confirm page.
        var code = await browser.GetAsync($"{Tickets}/{ticket.TicketId}/code");
        Assert.Equal(HttpStatusCode.OK, code.StatusCode);
        Assert.Equal("image/png", code.Content.Headers.ContentType?.MediaType);
        Assert.Equal(ticket.Scene, WxaCodeImage.SceneOf(await code.Content.ReadAsByteArrayAsync()));
        var drawn = Assert.Single(api.WeChat.MiniProgram.DrawnCodes, c => c.Scene == ticket.Scene);
        Assert.Equal("pages/console-sign-in/index", drawn.Page);

        // The phone confirms with what it scanned: the scene.
        var admin = await api.ClientFor("city-admin");
        var confirmed = await (await admin.PostAsync($"{Tickets}/{ticket.Scene}/confirm", null)).ShouldBe<SignInTicketConfirmed>(HttpStatusCode.OK);
        Assert.Equal(ticket.TicketId, confirmed.TicketId);

        var session = await Session(Redeem(browser, ticket));
        var adminId = await UserId("city-admin");
        Assert.Equal(adminId, session.UserId);
        using var console = WithToken(session.Tokens.AccessToken);
        // Payment incidents are for finance officers and city-wide admins: the console has the admin's role.
        Assert.Equal(HttpStatusCode.OK, (await console.GetAsync("/api/v1/payments/incidents")).StatusCode);

        // And only the roles of the one who confirmed: a resident's console is refused there.
        var other = await NewTicket(browser);
        await (await (await api.ClientFor("resident-a")).PostAsync($"{Tickets}/{other.TicketId}/confirm", null)).ShouldBe<SignInTicketConfirmed>(HttpStatusCode.OK);
        var residentSession = await Session(Redeem(browser, other));
        using var residentConsole = WithToken(residentSession.Tokens.AccessToken);
        await (await residentConsole.GetAsync("/api/v1/payments/incidents")).ShouldBeProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Ten_simultaneous_confirmations_have_one_winner_and_the_ticket_gives_one_session()
    {
        using var browser = api.CreateClient();
        var ticket = await NewTicket(browser);
        var users = new[] { "resident-a", "coowner-a", "resident-b", "committee-a", "chair-a", "committee-b", "chair-b", "property-a", "property-b", "street-officer" };
        var phones = new List<HttpClient>();
        foreach (var user in users)
            phones.Add(await api.ClientFor(user));
        var next = -1;

        var answers = await Race.Run(10, () => phones[Interlocked.Increment(ref next)].PostAsync($"{Tickets}/{ticket.TicketId}/confirm", null));

        answers.ExactlyOne(HttpStatusCode.OK).OthersAre(HttpStatusCode.Conflict, "ticket_used");
        var confirmedBy = await api.WithDb(db => db.ConsoleSignInTickets.Where(t => t.Id == ticket.TicketId).Select(t => t.ConfirmedByUserId).SingleAsync());
        Assert.NotNull(confirmedBy);

        // Ten redemptions at once with the secret: one session.
        var sessionsBefore = await api.WithDb(db => db.RefreshTokens.CountAsync(t => t.UserId == confirmedBy));
        var redemptions = await Race.Run(10, () => Redeem(browser, ticket));
        redemptions.ExactlyOne(HttpStatusCode.OK).OthersAre(HttpStatusCode.Conflict, "ticket_used");
        Assert.Equal(confirmedBy, redemptions.Winner.As<ApiFactory.LoginBody>().UserId);
        Assert.Equal(sessionsBefore + 1, await api.WithDb(db => db.RefreshTokens.CountAsync(t => t.UserId == confirmedBy)));
    }

    [Fact]
    public async Task A_ticket_is_redeemed_once()
    {
        using var browser = api.CreateClient();
        var ticket = await ConfirmedTicket(browser, "committee-a");
        await Session(Redeem(browser, ticket));
        await (await Redeem(browser, ticket)).ShouldBeProblem(HttpStatusCode.Conflict, "ticket_used");
        // Nor can it be confirmed again, or drawn again.
        await (await (await api.ClientFor("chair-a")).PostAsync($"{Tickets}/{ticket.TicketId}/confirm", null)).ShouldBeProblem(HttpStatusCode.Conflict, "ticket_used");
        await (await browser.GetAsync($"{Tickets}/{ticket.TicketId}/code")).ShouldBeProblem(HttpStatusCode.Conflict, "ticket_used");
    }

    [Fact]
    public async Task A_ticket_is_not_redeemed_before_it_is_confirmed()
    {
        using var browser = api.CreateClient();
        var ticket = await NewTicket(browser);
        await (await Redeem(browser, ticket)).ShouldBeProblem(HttpStatusCode.Conflict, "ticket_not_confirmed");
        await (await (await api.ClientFor("chair-a")).PostAsync($"{Tickets}/{ticket.TicketId}/confirm", null)).ShouldBe<SignInTicketConfirmed>(HttpStatusCode.OK);
        await Session(Redeem(browser, ticket));
    }

    [Fact]
    public async Task A_ticket_expires_two_minutes_after_it_is_made()
    {
        using var browser = api.CreateClient();
        var unconfirmed = await NewTicket(browser);
        var confirmed = await ConfirmedTicket(browser, "committee-b");

        api.Clock.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));

        var phone = await api.ClientFor("chair-b");
        await (await phone.PostAsync($"{Tickets}/{unconfirmed.TicketId}/confirm", null)).ShouldBeProblem(HttpStatusCode.Conflict, "ticket_expired");
        await (await browser.GetAsync($"{Tickets}/{unconfirmed.TicketId}/code")).ShouldBeProblem(HttpStatusCode.Conflict, "ticket_expired");
        await (await Redeem(browser, unconfirmed)).ShouldBeProblem(HttpStatusCode.Conflict, "ticket_expired");
        // Confirmed in time is not enough: the session must be taken within the ticket's life too.
        await (await Redeem(browser, confirmed)).ShouldBeProblem(HttpStatusCode.Conflict, "ticket_expired");
        Assert.Null(await api.WithDb(db => db.ConsoleSignInTickets.Where(t => t.Id == confirmed.TicketId).Select(t => t.RedeemedAt).SingleAsync()));
    }

    [Fact]
    public async Task Only_the_browser_holding_the_secret_redeems_and_a_wrong_secret_reads_like_no_ticket()
    {
        using var browser = api.CreateClient();
        var ticket = await ConfirmedTicket(browser, "street-officer");
        using var stranger = api.CreateClient();

        var wrong = await (await stranger.PostJson($"{Tickets}/{ticket.TicketId}/redeem", new { secret = "not-the-secret" }))
            .ShouldBeProblem(HttpStatusCode.NotFound, "ticket_not_found");
        var unknown = await (await stranger.PostJson($"{Tickets}/{Guid.NewGuid()}/redeem", new { secret = ticket.Secret }))
            .ShouldBeProblem(HttpStatusCode.NotFound, "ticket_not_found");
        Assert.Equal(unknown.GetProperty("detail").GetString(), wrong.GetProperty("detail").GetString());
        await (await (await api.ClientFor("street-officer")).PostAsync($"{Tickets}/{Guid.NewGuid()}/confirm", null))
            .ShouldBeProblem(HttpStatusCode.NotFound, "ticket_not_found");

        // The guesses cost the ticket nothing: its browser still signs in.
        Assert.Equal(await UserId("street-officer"), (await Session(Redeem(browser, ticket))).UserId);
    }

    [Fact]
    public async Task Signing_out_ends_the_console_session_and_it_expires_like_any_other()
    {
        using var browser = api.CreateClient();
        var ticket = await ConfirmedTicket(browser, "finance");
        var session = await Session(Redeem(browser, ticket));
        using var console = WithToken(session.Tokens.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await console.GetAsync("/api/v1/me")).StatusCode);

        // A second console of the same person is a separate session: signing one out leaves the other.
        var second = await Session(Redeem(browser, await ConfirmedTicket(browser, "finance")));

        Assert.Equal(HttpStatusCode.NoContent, (await console.PostJson("/api/v1/auth/logout", new { refreshToken = session.Tokens.RefreshToken })).StatusCode);
        await (await browser.PostJson("/api/v1/auth/refresh", new { refreshToken = session.Tokens.RefreshToken }))
            .ShouldBeProblem(HttpStatusCode.Unauthorized, "refresh_token_invalid");
        await (await browser.PostJson("/api/v1/auth/refresh", new { refreshToken = second.Tokens.RefreshToken })).ShouldBe<TokenPair>(HttpStatusCode.OK);

        // The access token lives its 15 minutes and no longer.
        api.Clock.Advance(TimeSpan.FromMinutes(16));
        await (await console.GetAsync("/api/v1/me")).ShouldBeProblem(HttpStatusCode.Unauthorized, "token_expired");
    }

    [Fact]
    public async Task WeChat_refusing_to_draw_the_code_is_a_503_not_a_500()
    {
        using var browser = api.CreateClient();
        var ticket = await NewTicket(browser);
        api.WeChat.Faults.Inject(SimulatorPaths.WxaCodeUnlimit, Fault.WeChatError(45009), times: 1);
        await (await browser.GetAsync($"{Tickets}/{ticket.TicketId}/code")).ShouldBeProblem(HttpStatusCode.ServiceUnavailable, "wechat_unavailable");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"{Tickets}/{ticket.TicketId}/code")).StatusCode);
    }

    private async Task<SignInTicketCreated> NewTicket(HttpClient browser) =>
        await (await browser.PostAsync(Tickets, null)).ShouldBe<SignInTicketCreated>(HttpStatusCode.Created);

    private async Task<SignInTicketCreated> ConfirmedTicket(HttpClient browser, string user)
    {
        var ticket = await NewTicket(browser);
        await (await (await api.ClientFor(user)).PostAsync($"{Tickets}/{ticket.TicketId}/confirm", null)).ShouldBe<SignInTicketConfirmed>(HttpStatusCode.OK);
        return ticket;
    }

    private static Task<HttpResponseMessage> Redeem(HttpClient browser, SignInTicketCreated ticket) =>
        browser.PostJson($"{Tickets}/{ticket.TicketId}/redeem", new { secret = ticket.Secret });

    private static async Task<ApiFactory.LoginBody> Session(Task<HttpResponseMessage> response) =>
        await (await response).ShouldBe<ApiFactory.LoginBody>(HttpStatusCode.OK);

    private HttpClient WithToken(string accessToken)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    private Task<Guid> UserId(string username) =>
        api.WithDb(db => db.Users.Where(u => u.OpenId == AuthApi.DevOpenId(username)).Select(u => u.Id).SingleAsync());
}
