using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Payments;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Payments;

public sealed class OpenPayments(AppDbContext db, OrderClosing closing) : IOpenPayments
{
    public Task<bool> CloseOpenAsync(string purpose, Guid subjectId, CancellationToken ct) =>
        EndAsync(purpose, subjectId, SettlementSource.Close, ct);

    public Task<bool> ExpireOpenAsync(string purpose, Guid subjectId, CancellationToken ct) =>
        EndAsync(purpose, subjectId, SettlementSource.Sweep, ct);

    public async Task<int> CloseAllOpenAsync(string purpose, IReadOnlyCollection<Guid> subjectIds, CancellationToken ct)
    {
        var left = 0;
        foreach (var chunk in subjectIds.Chunk(500))
        {
            var open = await db.Payments.AsNoTracking()
                .Where(p => p.Purpose == purpose && p.OpenKey == Payment.OpenMarker && chunk.Contains(p.SubjectId)).ToListAsync(ct);
            foreach (var payment in open)
            {
                try
                {
                    await CreatePayment.CallWeChatAsync(() => closing.CloseOrCreditAsync(payment, SettlementSource.Close, ct));
                }
                catch (AppProblem)
                {
                    left++;
                }
            }
        }
        return left;
    }

    private async Task<bool> EndAsync(string purpose, Guid subjectId, SettlementSource source, CancellationToken ct)
    {
        var open = await db.Payments.AsNoTracking()
            .SingleOrDefaultAsync(p => p.Purpose == purpose && p.SubjectId == subjectId && p.OpenKey == Payment.OpenMarker, ct);
        return open is not null && await CreatePayment.CallWeChatAsync(() => closing.CloseOrCreditAsync(open, source, ct));
    }
}
