namespace Renovation.Community.Application.Common.Payments;

/// <summary>The registered purposes by name (scoped).</summary>
public interface IPaymentPurposes
{
    /// <summary>Throws a 404 problem for a name nobody registered.</summary>
    IPaymentPurpose Get(string name);

    bool TryGet(string name, out IPaymentPurpose purpose);
}
