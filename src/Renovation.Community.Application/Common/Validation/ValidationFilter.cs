using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Renovation.Community.Application.Common.Validation;

/// <summary>
/// Runs the shared shape checks (<see cref="RequestShape"/>) on the body and on enum and text parameters, then
/// <see cref="IValidatable.Validate"/> on every argument that supports it, so no handler forgets.
/// </summary>
public sealed class ValidationFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var metadata = context.HttpContext.GetEndpoint()?.Metadata;
        var bodyType = metadata?.GetMetadata<IAcceptsMetadata>()?.RequestType;
        var parameters = metadata?.GetMetadata<MethodInfo>()?.GetParameters();
        var shape = new Validator();
        for (var i = 0; i < context.Arguments.Count; i++)
        {
            var argument = context.Arguments[i];
            if (argument is null)
                continue;
            if (argument is IValidatable || argument.GetType() == bodyType)
                RequestShape.Check(argument, "", shape);
            else if (argument is Enum || argument is string && parameters?.Length == context.Arguments.Count)
                RequestShape.CheckValue(argument, parameters?.ElementAtOrDefault(i)?.Name ?? "value", shape);
        }
        shape.ThrowIfInvalid();

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
