using Renovation.Community.Application.Common.Errors;

namespace Renovation.Community.Application.Features.Identity;

/// <summary>The answers every step of the console sign-in gives alike, so each refusal reads the same wherever it comes from.</summary>
public static class ConsoleSignInTickets
{
    /// <summary>An unknown ticket and a wrong secret get this same answer: a guess learns nothing.</summary>
    public static AppProblem NotFound() => AppProblem.NotFound("ticket_not_found", "登录二维码无效，请刷新页面重新扫码");

    public static AppProblem Expired() => AppProblem.Conflict("ticket_expired", "登录二维码已过期，请刷新页面重新扫码");

    public static AppProblem Used() => AppProblem.Conflict("ticket_used", "该登录二维码已被使用，请刷新页面重新扫码");
}
