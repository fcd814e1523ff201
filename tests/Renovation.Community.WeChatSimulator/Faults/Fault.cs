namespace Renovation.Community.WeChatSimulator.Faults;

public enum FaultKind
{
    /// <summary>Wait before answering (longer than the client's timeout = a timeout). The request is then served normally unless the client gave up.</summary>
    Delay = 0,

    /// <summary>Answer with a bare HTTP status (502, 503…).</summary>
    HttpStatus = 1,

    /// <summary>Mini-program API: HTTP 200 with <c>{"errcode":N}</c> (-1, 45011, 40001, 42001…).</summary>
    WeChatErrCode = 2,

    /// <summary>WeChat Pay: an error answer <c>{"code":"…"}</c> with a status (500 SYSTEM_ERROR, 400 STATEMENT_CREATING…).</summary>
    PayError = 3,

    /// <summary>WeChat Pay: sign the answer with a key WeChat does not have.</summary>
    ForgedResponseSignature = 4,

    /// <summary>WeChat Pay: sign the answer correctly but with a timestamp 6 minutes old.</summary>
    StaleResponseSignature = 5,

    /// <summary>WeChat Pay: answer with a <c>WECHATPAY/SIGNTEST/</c> probe signature.</summary>
    SignTestResponseSignature = 6,

    /// <summary>Bill download: serve a file whose SHA1 differs from the announced one.</summary>
    CorruptBill = 7,
}

/// <summary>One injected fault. Build with the factory methods; inject with <see cref="FaultInjector.Inject"/>.</summary>
public sealed record Fault(FaultKind Kind)
{
    public TimeSpan Delay { get; init; }

    public int StatusCode { get; init; }

    public int ErrCode { get; init; }

    public string? Code { get; init; }

    public static Fault Timeout(TimeSpan delay) => new(FaultKind.Delay) { Delay = delay };

    public static Fault HttpStatus(int statusCode) => new(FaultKind.HttpStatus) { StatusCode = statusCode };

    public static Fault WeChatError(int errCode) => new(FaultKind.WeChatErrCode) { ErrCode = errCode };

    public static Fault PayError(int statusCode, string code) => new(FaultKind.PayError) { StatusCode = statusCode, Code = code };

    public static Fault PaySystemError() => PayError(500, "SYSTEM_ERROR");

    public static Fault ForgedSignature() => new(FaultKind.ForgedResponseSignature);

    public static Fault StaleSignature() => new(FaultKind.StaleResponseSignature);

    public static Fault SignTestSignature() => new(FaultKind.SignTestResponseSignature);

    public static Fault CorruptBill() => new(FaultKind.CorruptBill);
}

/// <summary>Paths to aim faults at (prefix match on the request path).</summary>
public static class SimulatorPaths
{
    public const string Code2Session = "/sns/jscode2session";
    public const string StableToken = "/cgi-bin/stable_token";
    public const string SubscribeSend = "/cgi-bin/message/subscribe/send";
    public const string MsgSecCheck = "/wxa/msg_sec_check";
    public const string PhoneNumber = "/wxa/business/getuserphonenumber";
    public const string WxaCodeUnlimit = "/wxa/getwxacodeunlimit";
    public const string JsapiOrder = "/v3/pay/transactions/jsapi";
    public const string OrderQuery = "/v3/pay/transactions/out-trade-no/";
    public const string Refunds = "/v3/refund/domestic/refunds";
    public const string TradeBill = "/v3/bill/tradebill";
    public const string BillDownload = "/v3/billdownload/file";
    public const string AnyPay = "/v3/";
}
