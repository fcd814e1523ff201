namespace Renovation.Community.Application.Features.Fund;

/// <summary>Something a household owes and pays in parts: a top-up share, a works due.</summary>
public interface IOwedInFen
{
    Guid Id { get; }
    long AmountFen { get; }
    long PaidFen { get; }
}
