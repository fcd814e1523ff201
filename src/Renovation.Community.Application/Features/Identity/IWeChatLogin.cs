namespace Renovation.Community.Application.Features.Identity;

/// <summary>Exchanges a <c>wx.login</c> code for the user's identity (code2Session).</summary>
public interface IWeChatLogin
{
    Task<WeChatIdentity> Code2SessionAsync(string code, CancellationToken ct);
}
