namespace Renovation.Community.Api.Common.Validation;

/// <summary>Runs <see cref="IValidatable.Validate"/> on every argument that supports it, so no handler forgets.</summary>
public sealed class ValidationFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        foreach (var argument in context.Arguments)
        {
            if (argument is IValidatable validatable)
            {
                var validator = new Validator();
                validatable.Validate(validator);
                validator.ThrowIfInvalid();
            }
        }
        return await next(context);
    }
}
