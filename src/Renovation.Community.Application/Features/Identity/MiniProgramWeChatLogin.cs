using Renovation.Community.Application.Common.Errors;
using Renovation.Community.WeChat.MiniProgram;

namespace Renovation.Community.Application.Features.Identity;

/// <summary>code2Session through the mini-program client, with WeChat's refusals turned into problems a client can act on.</summary>
public sealed class MiniProgramWeChatLogin(IMiniProgramClient wechat, ILogger<MiniProgramWeChatLogin> logger) : IWeChatLogin
{
    public async Task<WeChatIdentity> Code2SessionAsync(string code, CancellationToken ct)
    {
        try
        {
            var session = await wechat.Code2SessionAsync(code, ct);
            return new WeChatIdentity(session.OpenId, session.UnionId);
        }
        catch (WeChatApiException e) when (e.IsBadLoginCode)
        {
            throw AppProblem.Unauthorized("wechat_code_invalid", "微信登录凭证无效或已使用，请重新登录");
        }
        catch (WeChatApiException e) when (e.ErrCode == WeChatErrorCodes.RiskyUser)
        {
            throw AppProblem.Forbidden("微信判定该账号存在风险，暂不能登录");
        }
        catch (WeChatApiException e) when (e.ErrCode == WeChatErrorCodes.RateLimited)
        {
            throw new AppProblem(StatusCodes.Status429TooManyRequests, "wechat_rate_limited", "登录人数过多，请稍后再试");
        }
        catch (Exception e) when (WeChatOutage.Is(e))
        {
            logger.LogWarning("code2Session failed: {Error}", e.Message);
            throw WeChatOutage.Problem("微信服务暂时不可用，请稍后再试");
        }
    }
}
