namespace Renovation.Community.Application.Common.Validation;

/// <summary>A request body that checks itself; <see cref="ValidationFilter"/> runs it before the handler.</summary>
public interface IValidatable
{
    void Validate(Validator v);
}
