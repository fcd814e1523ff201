namespace Renovation.Community.Application.Common.Authorization;

/// <summary>A role the caller holds over one scope (community, company, street, district, or null for the whole city).</summary>
public sealed record GrantedRole(Role Role, Guid? ScopeId);
