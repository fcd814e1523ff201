using Renovation.Community.Application.Common.Errors;
using Renovation.Community.WeChat.MiniProgram;

namespace Renovation.Community.Application.Features.Identity;

/// <summary>
/// What a mini-program API call throws when WeChat is busy or unreachable: not the client's fault, and not ours to hide
/// as a 500. Callers answer 503 <c>wechat_unavailable</c> with the detail that fits their screen.
/// </summary>
internal static class WeChatOutage
{
    public static bool Is(Exception e) => e is WeChatApiException or HttpRequestException or TimeoutException
        or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException;

    public static AppProblem Problem(string detail) =>
        new(StatusCodes.Status503ServiceUnavailable, "wechat_unavailable", detail);
}
