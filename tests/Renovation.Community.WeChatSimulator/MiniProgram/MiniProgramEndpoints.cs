using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Renovation.Community.WeChatSimulator.Faults;

namespace Renovation.Community.WeChatSimulator.MiniProgram;

/// <summary>The api.weixin.qq.com endpoints the backend uses, with WeChat's errcodes.</summary>
internal static partial class MiniProgramEndpoints
{
    public static void Map(IEndpointRouteBuilder app, SimulatorState state)
    {
        app.MapGet(SimulatorPaths.Code2Session, (HttpRequest request) => Code2Session(request, state));
        app.MapPost(SimulatorPaths.StableToken, async (HttpRequest request) => StableToken(await ReadJson(request), state));
        app.MapPost(SimulatorPaths.SubscribeSend, async (HttpRequest request) =>
        {
            var body = await ReadJson(request);
            return WithToken(request, state, () => SubscribeSend(body, state));
        });
        // Stands in for wx.requestSubscribeMessage, which a mini-program runs inside WeChat: the user's answer for one
        // template, {"openid":"…","templateId":"…","result":"accept|reject|ban"}. The backend's consent endpoint calls
        // it in Simulator mode, so the simulator learns the consent the way WeChat would.
        app.MapPost(SubscribeConsentsPath, async (HttpRequest request) => SubscribeConsent(await ReadJson(request), state));
        // The messages delivered so far (the users' "服务通知" inbox), newest last; ?openid=… for one user's.
        app.MapGet(SubscribeMessagesPath, (string? openid) => Results.Ok(state.MiniProgram.SentMessages
            .Where(m => openid is null || m.ToOpenId == openid).ToArray()));
        app.MapPost(SimulatorPaths.MsgSecCheck, async (HttpRequest request) =>
        {
            var body = await ReadJson(request);
            return WithToken(request, state, () => MsgSecCheck(body, state));
        });
        app.MapPost(SimulatorPaths.PhoneNumber, async (HttpRequest request) =>
        {
            var body = await ReadJson(request);
            return WithToken(request, state, () => PhoneNumber(body, state));
        });
        app.MapPost(SimulatorPaths.WxaCodeUnlimit, async (HttpRequest request) =>
        {
            var body = await ReadJson(request);
            return WithToken(request, state, () => WxaCodeUnlimit(body, state));
        });
        // The codes drawn so far, newest last: what a developer "scans" to learn the scene (?scene=… for one).
        app.MapGet(WxaCodesPath, (string? scene) => Results.Ok(state.MiniProgram.DrawnCodes
            .Where(c => scene is null || c.Scene == scene).ToArray()));
    }

    public const string WxaCodesPath = "/simulator/wxacodes";

    /// <summary>
    /// WeChat's rules for getwxacodeunlimit as far as a client can break them: a scene of 1 to 32 characters from its
    /// alphabet (41030 otherwise; WeChat says "invalid scene"), a page without a leading slash, a width of 280 to 1280.
    /// The answer is a real PNG (<see cref="WxaCodeImage"/>) that carries the scene in a text chunk.
    /// </summary>
    private static IResult WxaCodeUnlimit(JsonObject body, SimulatorState state)
    {
        var scene = (string?)body["scene"] ?? "";
        if (!ScenePattern().IsMatch(scene))
        {
            return Error(40169, "invalid length for scene, or the data is not json string");
        }
        var page = (string?)body["page"];
        if (page is not null && (page.StartsWith('/') || page.Length == 0))
        {
            return Error(41030, "invalid page rid: page should not start with /");
        }
        var width = (int?)body["width"] ?? 430;
        if (width is < 280 or > 1280)
        {
            return Error(40097, "invalid args: width");
        }
        var envVersion = (string?)body["env_version"] ?? "release";
        if (envVersion is not ("release" or "trial" or "develop"))
        {
            return Error(40097, "invalid args: env_version");
        }
        state.MiniProgram.Record(new DrawnWxaCode(scene, page, envVersion, state.Options.Time.GetUtcNow()));
        return Results.Bytes(WxaCodeImage.Draw(scene, page), "image/png");
    }

    public const string SubscribeConsentsPath = "/simulator/subscribe-consents";
    public const string SubscribeMessagesPath = "/simulator/subscribe-messages";

    private static IResult SubscribeConsent(JsonObject body, SimulatorState state)
    {
        var openId = (string?)body["openid"] ?? "";
        var templateId = (string?)body["templateId"] ?? "";
        if (openId.Length == 0 || templateId.Length == 0)
        {
            return Results.BadRequest(new { message = "openid and templateId are required" });
        }
        switch (((string?)body["result"])?.ToLowerInvariant())
        {
            case "accept": state.MiniProgram.Subscribe(openId, templateId); break;
            case "ban": state.MiniProgram.Ban(openId, templateId); break;
            case "reject": break;
            default: return Results.BadRequest(new { message = "result must be accept, reject or ban" });
        }
        return Results.Ok(new { openid = openId, templateId, result = (string?)body["result"] });
    }

    private static IResult Code2Session(HttpRequest request, SimulatorState state)
    {
        state.Counters.Code2SessionRequested();
        var q = request.Query;
        if (q["appid"] != state.Options.AppId)
        {
            return Error(40013, "invalid appid");
        }
        if (q["secret"] != state.AppSecret)
        {
            return Error(40125, "invalid appsecret");
        }
        if (q["grant_type"] != "authorization_code")
        {
            return Error(40002, "invalid grant_type");
        }
        var code = q["js_code"].ToString();
        if (string.IsNullOrEmpty(code) || code.StartsWith("invalid", StringComparison.Ordinal))
        {
            return Error(40029, "invalid code");
        }
        if (code.StartsWith("risky", StringComparison.Ordinal))
        {
            return Error(40226, "invalid login, user is limited");
        }
        if (!state.MiniProgram.TryUseCode(code))
        {
            return Error(40163, "code been used");
        }
        return Results.Json(new
        {
            openid = state.MiniProgram.OpenIdFor(code),
            session_key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)),
            unionid = state.MiniProgram.UnionIdFor(code),
            errcode = 0,
            errmsg = "ok",
        });
    }

    private static IResult StableToken(JsonObject body, SimulatorState state)
    {
        state.Counters.StableTokenRequested();
        if ((string?)body["grant_type"] != "client_credential")
        {
            return Error(40002, "invalid grant_type");
        }
        if ((string?)body["appid"] != state.Options.AppId)
        {
            return Error(40013, "invalid appid");
        }
        if ((string?)body["secret"] != state.AppSecret)
        {
            return Error(40125, "invalid appsecret");
        }
        if (body["force_refresh"]?.GetValue<bool>() == true)
        {
            state.AccessTokens.Kill(40001);
        }
        var (token, expiresIn) = state.AccessTokens.Issue();
        return Results.Json(new { access_token = token, expires_in = expiresIn });
    }

    private static IResult SubscribeSend(JsonObject body, SimulatorState state)
    {
        var toUser = (string?)body["touser"] ?? "";
        var templateId = (string?)body["template_id"] ?? "";
        if (!OpenIdPattern().IsMatch(toUser))
        {
            return Error(40003, "invalid openid");
        }
        if (templateId.Length == 0 || (!state.MiniProgram.KnownTemplates.IsEmpty && !state.MiniProgram.KnownTemplates.ContainsKey(templateId)))
        {
            return Error(40037, "invalid template_id");
        }
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        if (body["data"] is JsonObject values)
        {
            foreach (var (key, node) in values)
            {
                var value = (string?)node?["value"] ?? "";
                if (!ValueFits(key, value))
                {
                    return Error(47003, $"argument invalid! data.{key}.value invalid");
                }
                data[key] = value;
            }
        }
        if (!state.MiniProgram.TryConsumeSubscription(toUser, templateId))
        {
            return Error(43101, "user refuse to accept the msg");
        }
        state.MiniProgram.Record(new SentSubscribeMessage(toUser, templateId, data, (string?)body["page"]));
        return Error(0, "ok");
    }

    /// <summary>A rough version of WeChat's own checks, so a client that skipped validation is caught.</summary>
    private static bool ValueFits(string key, string value)
    {
        var prefix = key.TrimEnd("0123456789".ToCharArray());
        var length = value.EnumerateRunes().Count();
        return prefix switch
        {
            "thing" => length is > 0 and <= 20,
            "phrase" => length is > 0 and <= 5,
            "character_string" or "letter" or "number" => length is > 0 and <= 32,
            "phone_number" => length is > 0 and <= 17,
            "car_number" => length is > 0 and <= 8,
            "symbol" => length is > 0 and <= 5,
            _ => length > 0,
        };
    }

    private static IResult MsgSecCheck(JsonObject body, SimulatorState state)
    {
        if ((int?)body["version"] != 2)
        {
            return Error(47001, "data format error: version must be 2");
        }
        var content = (string?)body["content"] ?? "";
        var scene = (int?)body["scene"] ?? 0;
        if (scene is < 1 or > 4 || content.Length > 2500 || !OpenIdPattern().IsMatch((string?)body["openid"] ?? ""))
        {
            return Error(47001, "data format error");
        }
        var (suggest, label) =
            state.Options.RiskyWords.Any(w => content.Contains(w, StringComparison.Ordinal)) ? ("risky", 20006) :
            state.Options.ReviewWords.Any(w => content.Contains(w, StringComparison.Ordinal)) ? ("review", 10001) :
            ("pass", 100);
        return Results.Json(new
        {
            errcode = 0,
            errmsg = "ok",
            trace_id = Guid.NewGuid().ToString("N"),
            result = new { suggest, label },
            detail = new[] { new { strategy = "content_model", errcode = 0, suggest, label } },
        });
    }

    private static IResult PhoneNumber(JsonObject body, SimulatorState state)
    {
        var code = (string?)body["code"] ?? "";
        if (code.Length == 0 || code.StartsWith("invalid", StringComparison.Ordinal))
        {
            return Error(40029, "invalid code");
        }
        var match = PhoneCodePattern().Match(code);
        var pure = match.Success
            ? match.Groups[1].Value
            : "138" + (Math.Abs(BitConverter.ToInt64(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(code)))) % 100_000_000).ToString("00000000", System.Globalization.CultureInfo.InvariantCulture);
        object countryCode = state.MiniProgram.PhoneCountryCodeAsNumber ? 86 : "86";
        return Results.Json(new
        {
            errcode = 0,
            errmsg = "ok",
            phone_info = new
            {
                phoneNumber = pure,
                purePhoneNumber = pure,
                countryCode,
                watermark = new { timestamp = state.Options.Time.GetUtcNow().ToUnixTimeSeconds(), appid = state.Options.AppId },
            },
        });
    }

    private static IResult WithToken(HttpRequest request, SimulatorState state, Func<IResult> handler)
    {
        var code = state.AccessTokens.Check(request.Query["access_token"]);
        return code == 0 ? handler() : Error(code, code switch
        {
            42001 => "access_token expired",
            40001 => "invalid credential, access_token is invalid or not latest",
            41001 => "access_token missing",
            _ => "invalid access_token",
        });
    }

    internal static IResult Error(int errCode, string errMsg) => Results.Json(new { errcode = errCode, errmsg = errMsg });

    private static async Task<JsonObject> ReadJson(HttpRequest request)
    {
        return await System.Text.Json.JsonSerializer.DeserializeAsync<JsonObject>(request.Body) ?? [];
    }

    [GeneratedRegex("^o[A-Za-z0-9_-]{27}$")]
    private static partial Regex OpenIdPattern();

    [GeneratedRegex(@"^[A-Za-z0-9!#$&'()*+,/:;=?@\-._~]{1,32}$")]
    private static partial Regex ScenePattern();

    [GeneratedRegex(@"^phone-(\d{11})$")]
    private static partial Regex PhoneCodePattern();
}
