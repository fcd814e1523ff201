namespace Renovation.Community.Tests.Infrastructure;

/// <summary>Request bodies that confirm a decision the API makes a person confirm explicitly.</summary>
public static class Confirmed
{
    /// <summary>Approves a binding claim that does not match the owners' register (BindingsApi: confirmation and reason).</summary>
    public static readonly object Mismatch = new { confirmMismatch = true, reason = "已到现场核对不动产权证原件" };
}
