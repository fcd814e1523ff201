using System.Text.Json;
using System.Text.Json.Serialization;

namespace Renovation.Community.WeChat;

internal static class WeChatJson
{
    /// <summary>WeChat Pay v3 speaks snake_case; names that break the pattern (appid, mchid, openid) carry attributes.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
