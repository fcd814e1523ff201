namespace Renovation.Community.Application.Common.Paging;

/// <summary>Query-string paging (<c>?page=1&amp;pageSize=20</c>); out-of-range values are refused, not clamped silently.</summary>
public readonly record struct PageRequest(int? Page, int? PageSize)
{
    public const int MaxPageSize = 100;
    public int Number => Page ?? 1;
    public int Size => PageSize ?? 20;

    public void Validate()
    {
        var v = new Validation.Validator();
        v.Range(Number, 1, int.MaxValue, "page", "页码必须从 1 开始");
        v.Range(Size, 1, MaxPageSize, "pageSize", $"每页条数必须在 1 到 {MaxPageSize} 之间");
        v.ThrowIfInvalid();
    }
}

public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total);
