namespace Renovation.Community.Application.Common;

/// <summary>Marks entities whose every change is written to the audit log with before and after values.</summary>
public interface IAudited
{
    Guid Id { get; }
}
