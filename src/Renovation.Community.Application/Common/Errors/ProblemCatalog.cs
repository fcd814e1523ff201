namespace Renovation.Community.Application.Common.Errors;

/// <summary>The code and Chinese detail used when only a status code is known (auth, routing, framework errors).</summary>
public static class ProblemCatalog
{
    public static (string Code, string Detail) ForStatus(int status) => status switch
    {
        400 => ("bad_request", "请求格式不正确"),
        401 => ("unauthenticated", "请先登录"),
        403 => ("forbidden", "无权执行此操作"),
        404 => ("not_found", "请求的资源不存在"),
        405 => ("method_not_allowed", "不支持该请求方法"),
        409 => ("conflict", "操作与当前状态冲突，请刷新后重试"),
        413 => ("payload_too_large", "请求内容过大"),
        415 => ("unsupported_media_type", "不支持的内容类型"),
        422 => ("unprocessable", "请求无法处理"),
        429 => ("rate_limited", "请求过于频繁，请稍后再试"),
        503 => ("unavailable", "服务暂不可用，请稍后再试"),
        _ => ("internal_error", "服务器内部错误，请稍后再试"),
    };
}
