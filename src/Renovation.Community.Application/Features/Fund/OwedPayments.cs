using Microsoft.EntityFrameworkCore;

namespace Renovation.Community.Application.Features.Fund;

/// <summary>
/// The one home of "never paid beyond what is owed" (and of its undoing by a refund) for every <see cref="IOwedInFen"/>:
/// the database decides with one conditional UPDATE, so concurrent credits (WeChat Pay, confirmed cash) can never push a
/// share or due past its amount, and a refund can never take it below zero; a check constraint backs both.
/// </summary>
internal static class OwedPayments
{
    /// <summary>Adds <paramref name="amountFen"/> to what was paid when it fits; false when it would overpay.</summary>
    public static async Task<bool> TakeAsync<T>(DbSet<T> owed, Guid id, long amountFen, CancellationToken ct) where T : class, IOwedInFen =>
        await owed.Where(x => x.Id == id && x.PaidFen + amountFen <= x.AmountFen)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.PaidFen, x => x.PaidFen + amountFen), ct) == 1;

    /// <summary>A refund: what was paid goes down by <paramref name="amountFen"/>, owed again; false when less was paid.</summary>
    public static async Task<bool> GiveBackAsync<T>(DbSet<T> owed, Guid id, long amountFen, CancellationToken ct) where T : class, IOwedInFen =>
        await owed.Where(x => x.Id == id && x.PaidFen >= amountFen)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.PaidFen, x => x.PaidFen - amountFen), ct) == 1;
}
