namespace Renovation.Community.Application.Common;

/// <summary>A configuration mistake found at start. Program prints its message as one line and exits with code 2.</summary>
public sealed class ConfigurationProblem(string message) : Exception(message);
