namespace Renovation.Community.Application.Features.Identity;

/// <summary>Section <c>ConsoleSignIn</c>: signing in to the operators' console with the mini-program.</summary>
public sealed class ConsoleSignInOptions
{
    public const string Section = "ConsoleSignIn";

    /// <summary>How long a ticket can be confirmed and redeemed after it is made.</summary>
    public int TicketSeconds { get; set; } = 120;

    /// <summary>The mini-program page the code opens (no leading slash); it reads the ticket from its <c>scene</c> option.</summary>
    public string ConfirmPage { get; set; } = "pages/console-sign-in/index";

    /// <summary><c>release</c>, <c>trial</c> or <c>develop</c>: which version of the mini-program the code opens.</summary>
    public string EnvVersion { get; set; } = "release";

    /// <summary>Whether WeChat checks that <see cref="ConfirmPage"/> is published; off while the page is only in a trial version.</summary>
    public bool CheckPath { get; set; } = true;

    /// <summary>Tickets expired longer ago than this are deleted when a new one is made.</summary>
    public int KeepExpiredHours { get; set; } = 24;
}
