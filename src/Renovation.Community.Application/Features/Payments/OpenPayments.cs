using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Payments;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Payments;

public sealed class OpenPayments(AppDbContext db, OrderClosing closing) : IOpenPayments
{
    public Task<bool> CloseOpenAsync(string purpose, Guid subjectId, CancellationToken ct) =>
        EndAsync(purpose, subjectId, SettlementSource.Close, ct);

    public Task<bool> ExpireOpenAsync(string purpose, Guid subjectId, CancellationToken ct) =>
        EndAsync(purpose, subjectId, SettlementSource.Sweep, ct);

    private async Task<bool> EndAsync(string purpose, Guid subjectId, SettlementSource source, CancellationToken ct)
    {
        var open = await db.Payments.AsNoTracking()
            .SingleOrDefaultAsync(p => p.Purpose == purpose && p.SubjectId == subjectId && p.OpenKey == Payment.OpenMarker, ct);
        return open is not null && await CreatePayment.CallWeChatAsync(() => closing.CloseOrCreditAsync(open, source, ct));
    }
}
