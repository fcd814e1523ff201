using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Payments;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Payments;

public sealed class OpenPayments(AppDbContext db, OrderClosing closing) : IOpenPayments
{
    public async Task CloseOpenAsync(string purpose, Guid subjectId, CancellationToken ct)
    {
        var open = await db.Payments.AsNoTracking()
            .SingleOrDefaultAsync(p => p.Purpose == purpose && p.SubjectId == subjectId && p.OpenKey == Payment.OpenMarker, ct);
        if (open is not null)
            await CreatePayment.CallWeChatAsync(() => closing.CloseOrCreditAsync(open, SettlementSource.ClientQuery, ct));
    }
}
