namespace Renovation.Community.Application.Common;

/// <summary>
/// A scoped service made only when first used. Hot paths that need a service only sometimes (casting needs the
/// database context and the caller's scope only when the vote is not cached) take <c>Deferred&lt;T&gt;</c> as an
/// ordinary injected parameter instead of reaching into <c>RequestServices</c>.
/// </summary>
public sealed class Deferred<T>(IServiceProvider services) where T : notnull
{
    private T? _value;

    public T Value => _value ??= services.GetRequiredService<T>();
}
