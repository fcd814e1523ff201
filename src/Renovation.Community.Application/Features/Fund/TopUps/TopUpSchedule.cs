namespace Renovation.Community.Application.Features.Fund;

/// <summary>One instalment of a household's top-up share: its amount, due date, and what of it is paid.</summary>
public sealed record InstalmentView(int Number, DateTimeOffset DueBy, long AmountFen, long PaidFen, long OwingFen, bool Overdue);

/// <summary>
/// A campaign's instalment schedule (分期续筹): <see cref="TopUpCampaign.InstalmentCount"/> due dates at equal intervals of
/// months from the first due date. Each share is split in whole fen, the remainder on the first instalment, so the parts
/// sum exactly to the share. Nothing stores a payment per instalment: a share keeps one running <c>PaidFen</c>, and
/// instalment i is paid by what remains of it after instalments 1 … i−1, which is exactly "every payment, online or
/// offline, goes to the earliest unpaid instalment first", and stays true under concurrent payments because PaidFen
/// only moves by the existing conditional UPDATE.
/// </summary>
public static class TopUpSchedule
{
    /// <summary>Whole-fen parts, the remainder on the first: 10001 fen in 3 → 3335, 3333, 3333.</summary>
    public static long[] Split(long amountFen, int instalments)
    {
        var parts = new long[Math.Max(1, instalments)];
        Array.Fill(parts, amountFen / parts.Length);
        parts[0] += amountFen % parts.Length;
        return parts;
    }

    public static DateTimeOffset DueDate(DateTimeOffset firstDueBy, int intervalMonths, int number) =>
        firstDueBy.AddMonths(intervalMonths * (number - 1));

    /// <summary>The share's instalments with what is paid of each, applying PaidFen to the earliest first.</summary>
    public static List<InstalmentView> Of(TopUpCampaign campaign, long amountFen, long paidFen, DateTimeOffset now)
    {
        var parts = Split(amountFen, campaign.InstalmentCount);
        var left = paidFen;
        var result = new List<InstalmentView>(parts.Length);
        for (var i = 0; i < parts.Length; i++)
        {
            var paid = Math.Min(parts[i], left);
            left -= paid;
            var due = DueDate(campaign.DueBy, campaign.IntervalMonths, i + 1);
            result.Add(new InstalmentView(i + 1, due, parts[i], paid, parts[i] - paid, paid < parts[i] && due < now));
        }
        return result;
    }

    /// <summary>The earliest instalment not paid in full: what one payment takes (null when the share is paid).</summary>
    public static InstalmentView? NextUnpaid(IEnumerable<InstalmentView> instalments) =>
        instalments.FirstOrDefault(i => i.OwingFen > 0);

    /// <summary>What one payment takes now: the earliest unpaid instalment's outstanding part (the whole share without a schedule).</summary>
    public static long PayNowFen(TopUpCampaign campaign, long amountFen, long paidFen, DateTimeOffset now) =>
        NextUnpaid(Of(campaign, amountFen, paidFen, now))?.OwingFen ?? 0;
}
