using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Renovation.Community.Api.Common.Errors;

namespace Renovation.Community.Api.Features.Identity;

/// <summary>The openid (and unionid) WeChat returns for a <c>wx.login</c> code. The session key is never kept.</summary>
public sealed record WeChatIdentity(string OpenId, string? UnionId);

/// <summary>Exchanges a <c>wx.login</c> code for the user's identity (code2Session).</summary>
public interface IWeChatLogin
{
    Task<WeChatIdentity> Code2SessionAsync(string code, CancellationToken ct);
}

/// <summary>
/// Development stand-in used when no WeChat client is configured: the same code always yields the same openid, so
/// a tester can sign in as "the same person" again. Codes starting with <c>invalid</c> behave like WeChat's 40029.
/// </summary>
public sealed partial class DevelopmentWeChatLogin : IWeChatLogin
{
    public Task<WeChatIdentity> Code2SessionAsync(string code, CancellationToken ct)
    {
        if (!CodeShape().IsMatch(code) || code.StartsWith("invalid", StringComparison.Ordinal))
            throw AppProblem.Unauthorized("wechat_code_invalid", "微信登录凭证无效或已过期，请重新登录");
        var openId = "dev-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code)))[..24];
        return Task.FromResult(new WeChatIdentity(openId, null));
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,128}$")]
    private static partial Regex CodeShape();
}
