using Microsoft.EntityFrameworkCore;

namespace Renovation.Community.Application.Common.Paging;

public static class PageExtensions
{
    /// <summary>Pages an ordered query; the caller must order it so pages are stable.</summary>
    public static async Task<Page<T>> ToPageAsync<T>(this IQueryable<T> query, PageRequest request, CancellationToken ct)
    {
        request.Validate();
        var total = await query.CountAsync(ct);
        var items = await query.Skip((request.Number - 1) * request.Size).Take(request.Size).ToListAsync(ct);
        return new Page<T>(items, request.Number, request.Size, total);
    }
}
