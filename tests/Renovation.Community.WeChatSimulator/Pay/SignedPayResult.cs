using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Renovation.Community.WeChatSimulator.Faults;

namespace Renovation.Community.WeChatSimulator.Pay;

/// <summary>A WeChat Pay answer with the four Wechatpay-* headers, honouring any signature fault injected for it.</summary>
internal sealed class SignedPayResult(SimulatorState state, int statusCode, object? body) : IResult
{
    public const string ResponseFaultKey = "sim.response-fault";

    public static readonly JsonSerializerOptions Json = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static SignedPayResult Error(SimulatorState state, int statusCode, string code, string message) =>
        new(state, statusCode, new { code, message });

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var bytes = body is null ? [] : JsonSerializer.SerializeToUtf8Bytes(body, Json);
        var fault = httpContext.Items[ResponseFaultKey] as Fault;
        var headers = SignatureHeaders.For(state, bytes, fault?.Kind);
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        headers.ApplyTo(response.Headers);
        response.Headers["Request-ID"] = Guid.NewGuid().ToString("N");
        if (bytes.Length > 0)
        {
            response.ContentType = "application/json; charset=utf-8";
            await response.Body.WriteAsync(bytes);
        }
    }
}

/// <summary>The Wechatpay-* headers for a body, possibly spoiled on purpose.</summary>
internal sealed record SignatureHeaders(string Serial, long Timestamp, string Nonce, string Signature)
{
    public static SignatureHeaders For(SimulatorState state, ReadOnlySpan<byte> body, FaultKind? tamper)
    {
        var (serial, key) = state.Keys.SigningKey(state.SigningKey);
        var timestamp = state.Options.Time.GetUtcNow().ToUnixTimeSeconds();
        if (tamper == FaultKind.StaleResponseSignature)
        {
            timestamp -= 6 * 60;
        }
        var nonce = PaySignatures.NewNonce();
        string signature;
        if (tamper == FaultKind.ForgedResponseSignature)
        {
            using var impostor = System.Security.Cryptography.RSA.Create(2048);
            signature = PaySignatures.Sign(impostor, timestamp, nonce, body);
        }
        else if (tamper == FaultKind.SignTestResponseSignature)
        {
            signature = "WECHATPAY/SIGNTEST/" + PaySignatures.Sign(key, timestamp, nonce, body);
        }
        else
        {
            signature = PaySignatures.Sign(key, timestamp, nonce, body);
        }
        return new SignatureHeaders(serial, timestamp, nonce, signature);
    }

    public void ApplyTo(IHeaderDictionary headers)
    {
        headers["Wechatpay-Serial"] = Serial;
        headers["Wechatpay-Timestamp"] = Timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture);
        headers["Wechatpay-Nonce"] = Nonce;
        headers["Wechatpay-Signature"] = Signature;
        headers["Wechatpay-Signature-Type"] = "WECHATPAY2-SHA256-RSA2048";
    }
}
