using Renovation.Community.Application.Common.Payments;

namespace Renovation.Community.Application.Features.Payments;

/// <summary>
/// The <c>time_expire</c> of a new WeChat order: the purpose's payment window, cut short by the subject's own deadline,
/// so WeChat stops taking money when the subject stops accepting it (a service payment no longer outlives its order).
/// </summary>
public static class PrepayExpiry
{
    public static DateTimeOffset For(PaymentQuote quote, PaymentPurposeSettings settings, DateTimeOffset now)
    {
        var window = settings.TimeExpire < PaymentPurposeSettings.MinTimeExpire ? PaymentPurposeSettings.MinTimeExpire
            : settings.TimeExpire > PaymentPurposeSettings.MaxTimeExpire ? PaymentPurposeSettings.MaxTimeExpire
            : settings.TimeExpire;
        var end = now + window;
        if (quote.Deadline is { } deadline && deadline < end)
            end = deadline;
        // WeChat refuses an order that expires within a minute. In the subject's last minute the order lives a little
        // longer; the subject's sweep closes it at WeChat when the subject expires, and money taken after the deadline
        // is judged late by its success_time and refunded.
        var earliest = now + PaymentPurposeSettings.MinTimeExpire;
        if (end < earliest)
            end = earliest;
        // WeChat wants whole seconds; rounding down never passes the deadline.
        return DateTimeOffset.FromUnixTimeSeconds(end.ToUnixTimeSeconds());
    }
}
