using System.Net;

namespace Renovation.Community.WeChat.Pay;

/// <summary>WeChat Pay answered with an error body <c>{"code":"…","message":"…"}</c>.</summary>
public sealed class WeChatPayApiException : Exception
{
    public WeChatPayApiException()
    {
    }

    public WeChatPayApiException(string message) : base(message)
    {
    }

    public WeChatPayApiException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public WeChatPayApiException(HttpStatusCode status, string code, string? detail)
        : base($"WeChat Pay answered {(int)status} {code}: {detail}")
    {
        Status = status;
        Code = code;
        Detail = detail;
    }

    public HttpStatusCode Status { get; }

    /// <summary>One of <see cref="WeChatPayErrorCodes"/>, or another code WeChat Pay invents.</summary>
    public string Code { get; } = "";

    public string? Detail { get; }
}

/// <summary>Error codes from the WeChat Pay v3 documentation that callers branch on.</summary>
public static class WeChatPayErrorCodes
{
    public const string SignError = "SIGN_ERROR";
    public const string SystemError = "SYSTEM_ERROR";
    public const string ParamError = "PARAM_ERROR";
    public const string InvalidRequest = "INVALID_REQUEST";
    public const string OrderNotExist = "ORDER_NOT_EXIST";
    public const string OrderPaid = "ORDERPAID";
    public const string OrderClosed = "ORDER_CLOSED";
    public const string ResourceNotExists = "RESOURCE_NOT_EXISTS";
    public const string NotEnough = "NOT_ENOUGH";
    public const string FrequencyLimited = "FREQUENCY_LIMITED";
    public const string NoStatementExist = "NO_STATEMENT_EXIST";
    public const string StatementCreating = "STATEMENT_CREATING";
}
