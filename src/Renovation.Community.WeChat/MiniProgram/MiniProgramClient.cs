using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using Renovation.Community.WeChat.AccessTokens;
using Renovation.Community.WeChat.Configuration;
using Renovation.Community.WeChat.MiniProgram.SubscribeMessages;

namespace Renovation.Community.WeChat.MiniProgram;

internal sealed class MiniProgramClient(
    HttpClient http,
    IAccessTokenProvider accessTokens,
    IOptions<WeChatOptions> options,
    TimeProvider time) : IMiniProgramClient
{
    public const int MaxContentLength = 2500;

    /// <summary>-1 (busy) is retried this many extra times, only for calls that change nothing on WeChat's side.</summary>
    private const int BusyRetries = 1;

    private static readonly TimeSpan BusyRetryDelay = TimeSpan.FromMilliseconds(200);

    public async Task<Code2SessionResult> Code2SessionAsync(string jsCode, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jsCode);
        var mp = options.Value.MiniProgram;
        var url = $"/sns/jscode2session?appid={Uri.EscapeDataString(mp.AppId)}&secret={Uri.EscapeDataString(mp.AppSecret)}" +
                  $"&js_code={Uri.EscapeDataString(jsCode)}&grant_type=authorization_code";
        var answer = await RetryWhenBusyAsync(async () =>
        {
            using var response = await http.GetAsync(url, cancellationToken);
            return await ReadAsync<Code2SessionAnswer>(response, "code2Session", cancellationToken);
        }, cancellationToken);
        return new Code2SessionResult(answer.OpenId!, answer.SessionKey!, answer.UnionId);
    }

    public async Task<PhoneNumberInfo> GetPhoneNumberAsync(string code, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        var answer = await RetryWhenBusyAsync(
            () => PostWithTokenAsync<PhoneNumberAnswer>("/wxa/business/getuserphonenumber", "getPhoneNumber", new { code }, cancellationToken),
            cancellationToken);
        var info = answer.PhoneInfo ?? throw new WeChatApiException("getPhoneNumber", WeChatErrorCodes.SystemBusy, "no phone_info in the answer");
        return new PhoneNumberInfo(info.PhoneNumber, info.PurePhoneNumber, info.CountryCode ?? "");
    }

    public async Task<ContentCheckResult> MsgSecCheckAsync(string openId, ContentScene scene, string content, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(openId);
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length > MaxContentLength)
        {
            throw new ArgumentException($"msgSecCheck content is {content.Length} characters; WeChat accepts at most {MaxContentLength}.", nameof(content));
        }
        var body = new { version = 2, openid = openId, scene = (int)scene, content };
        var answer = await RetryWhenBusyAsync(
            () => PostWithTokenAsync<MsgSecCheckAnswer>("/wxa/msg_sec_check", "msgSecCheck", body, cancellationToken),
            cancellationToken);
        var result = answer.Result ?? throw new WeChatApiException("msgSecCheck", WeChatErrorCodes.SystemBusy, "no result in the answer");
        var suggestion = result.Suggest switch
        {
            "pass" => ContentSuggestion.Pass,
            "review" => ContentSuggestion.Review,
            "risky" => ContentSuggestion.Risky,
            // An unknown verdict is not a pass.
            _ => ContentSuggestion.Review,
        };
        return new ContentCheckResult(suggestion, result.Label, answer.TraceId);
    }

    public async Task<byte[]> GetUnlimitedWxaCodeAsync(WxaCodeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Scene);
        if (request.Scene.Length > WxaCodeRequest.MaxSceneLength)
        {
            throw new ArgumentException($"getwxacodeunlimit scene is {request.Scene.Length} characters; WeChat accepts at most {WxaCodeRequest.MaxSceneLength}.", nameof(request));
        }
        var body = new
        {
            scene = request.Scene,
            page = request.Page,
            check_path = request.CheckPath,
            env_version = request.EnvVersion,
            width = request.Width,
        };
        // Drawing a code changes nothing on WeChat's side, so a busy answer is retried like a read.
        return await RetryWhenBusyAsync(async () =>
        {
            var token = await accessTokens.GetAsync(cancellationToken);
            try
            {
                return await PostForImageAsync(token, body, cancellationToken);
            }
            catch (WeChatApiException e) when (WeChatErrorCodes.MeansStaleAccessToken(e.ErrCode))
            {
                var renewed = await accessTokens.RenewAfterRejectionAsync(token, cancellationToken);
                return await PostForImageAsync(renewed, body, cancellationToken);
            }
        }, cancellationToken);
    }

    /// <summary>getwxacodeunlimit answers the image itself on success and JSON (with an errcode) on failure.</summary>
    private async Task<byte[]> PostForImageAsync(string token, object body, CancellationToken cancellationToken)
    {
        const string api = "getwxacodeunlimit";
        using var response = await http.PostAsJsonAsync($"/wxa/getwxacodeunlimit?access_token={Uri.EscapeDataString(token)}", body, RequestJson, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"WeChat {api} answered HTTP {(int)response.StatusCode}.", null, response.StatusCode);
        }
        var mediaType = response.Content.Headers.ContentType?.MediaType ?? "";
        if (mediaType.StartsWith("image/", StringComparison.OrdinalIgnoreCase))
        {
            return await response.Content.ReadAsByteArrayAsync(cancellationToken);
        }
        var answer = await response.Content.ReadFromJsonAsync<WeChatAnswer>(cancellationToken)
            ?? throw new WeChatApiException(api, WeChatErrorCodes.SystemBusy, "empty answer");
        throw new WeChatApiException(api, answer.ErrCode ?? WeChatErrorCodes.SystemBusy, answer.ErrMsg ?? $"answered {mediaType} instead of an image");
    }

    public async Task<SubscribeMessageOutcome> SendSubscribeMessageAsync(
        SubscribeMessage message,
        SubscribeValuePolicy policy = SubscribeValuePolicy.Refuse,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(message.ToOpenId);
        ArgumentException.ThrowIfNullOrWhiteSpace(message.TemplateId);
        var values = SubscribeValueRules.Apply(message.Data, policy);
        var body = new
        {
            touser = message.ToOpenId,
            template_id = message.TemplateId,
            page = message.Page,
            miniprogram_state = message.MiniProgramState,
            lang = message.Lang,
            data = values.ToDictionary(kv => kv.Key, kv => new { value = kv.Value }),
        };
        try
        {
            // Not retried on -1: a message that did go out would reach the resident twice.
            await PostWithTokenAsync<WeChatAnswer>("/cgi-bin/message/subscribe/send", "subscribeMessage.send", body, cancellationToken);
            return SubscribeMessageOutcome.Sent;
        }
        catch (WeChatApiException e) when (e.ErrCode == WeChatErrorCodes.UserNotSubscribed)
        {
            return SubscribeMessageOutcome.NotSubscribed;
        }
    }

    private async Task<T> PostWithTokenAsync<T>(string path, string api, object body, CancellationToken cancellationToken)
        where T : WeChatAnswer
    {
        var token = await accessTokens.GetAsync(cancellationToken);
        try
        {
            return await PostAsync<T>(path, api, token, body, cancellationToken);
        }
        catch (WeChatApiException e) when (WeChatErrorCodes.MeansStaleAccessToken(e.ErrCode))
        {
            // Renew once and retry once; a second rejection is a real problem and surfaces.
            var renewed = await accessTokens.RenewAfterRejectionAsync(token, cancellationToken);
            return await PostAsync<T>(path, api, renewed, body, cancellationToken);
        }
    }

    private async Task<T> PostAsync<T>(string path, string api, string token, object body, CancellationToken cancellationToken)
        where T : WeChatAnswer
    {
        using var response = await http.PostAsJsonAsync($"{path}?access_token={Uri.EscapeDataString(token)}", body, RequestJson, cancellationToken);
        return await ReadAsync<T>(response, api, cancellationToken);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, string api, CancellationToken cancellationToken)
        where T : WeChatAnswer
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"WeChat {api} answered HTTP {(int)response.StatusCode}.", null, response.StatusCode);
        }
        var answer = await response.Content.ReadFromJsonAsync<T>(cancellationToken)
            ?? throw new WeChatApiException(api, WeChatErrorCodes.SystemBusy, "empty answer");
        if (answer.ErrCode is not null and not WeChatErrorCodes.Ok)
        {
            throw new WeChatApiException(api, answer.ErrCode.Value, answer.ErrMsg);
        }
        return answer;
    }

    private async Task<T> RetryWhenBusyAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (WeChatApiException e) when (e.ErrCode == WeChatErrorCodes.SystemBusy && attempt < BusyRetries)
            {
                await Task.Delay(BusyRetryDelay, time, cancellationToken);
            }
        }
    }

    private static readonly JsonSerializerOptions RequestJson = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    internal class WeChatAnswer
    {
        [JsonPropertyName("errcode")]
        public int? ErrCode { get; init; }

        [JsonPropertyName("errmsg")]
        public string? ErrMsg { get; init; }
    }

    private sealed class Code2SessionAnswer : WeChatAnswer
    {
        [JsonPropertyName("openid")]
        public string? OpenId { get; init; }

        [JsonPropertyName("session_key")]
        public string? SessionKey { get; init; }

        [JsonPropertyName("unionid")]
        public string? UnionId { get; init; }
    }

    private sealed class PhoneNumberAnswer : WeChatAnswer
    {
        [JsonPropertyName("phone_info")]
        public PhoneInfo? PhoneInfo { get; init; }
    }

    private sealed class PhoneInfo
    {
        [JsonPropertyName("phoneNumber")]
        public string PhoneNumber { get; init; } = "";

        [JsonPropertyName("purePhoneNumber")]
        public string PurePhoneNumber { get; init; } = "";

        [JsonPropertyName("countryCode")]
        [JsonConverter(typeof(StringOrNumberJsonConverter))]
        public string? CountryCode { get; init; }
    }

    private sealed class MsgSecCheckAnswer : WeChatAnswer
    {
        [JsonPropertyName("trace_id")]
        public string? TraceId { get; init; }

        [JsonPropertyName("result")]
        public MsgSecCheckVerdict? Result { get; init; }
    }

    private sealed class MsgSecCheckVerdict
    {
        [JsonPropertyName("suggest")]
        public string? Suggest { get; init; }

        [JsonPropertyName("label")]
        public int Label { get; init; }
    }
}
