namespace Renovation.Community.Application.Features.Services;

/// <summary>Section <c>Services</c> (paid service menus).</summary>
public sealed class ServicesOptions
{
    public const string Section = "Services";

    /// <summary>How long a new order holds its slot seat while the resident pays (also WeChat's time_expire); 60 s to 1 day.</summary>
    public int HoldSeconds { get; set; } = 900;

    /// <summary>Days after completion when an order the resident did not confirm is confirmed automatically.</summary>
    public int AutoConfirmDays { get; set; } = 7;

    /// <summary>Days after completion within which the resident may file a dispute.</summary>
    public int DisputeDays { get; set; } = 15;
}
