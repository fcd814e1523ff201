using Renovation.Community.Application.Common;

namespace Renovation.Community.Application.Features.Places;

/// <summary>A county-level district (县市区).</summary>
public sealed class District : IAudited
{
    private District() { }

    public District(string name, string code)
    {
        Id = Ids.New();
        Rename(name);
        Code = code;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    /// <summary>The six-digit administrative division code.</summary>
    public string Code { get; private set; } = "";

    public void Rename(string name) => Name = name.Trim();
}
