using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using Renovation.Community.WeChat.Configuration;
using Renovation.Community.WeChat.MiniProgram;

namespace Renovation.Community.WeChat.AccessTokens;

/// <summary>
/// POST /cgi-bin/stable_token. force_refresh stays false: it is capped at 20 a day, and in normal mode
/// WeChat hands every caller the same token until it expires, which is what makes a cluster safe.
/// </summary>
internal sealed class StableTokenClient(IHttpClientFactory httpClients, IOptions<WeChatOptions> options, TimeProvider time)
{
    public async Task<StoredAccessToken> FetchAsync(CancellationToken cancellationToken)
    {
        var mp = options.Value.MiniProgram;
        var request = new StableTokenRequest("client_credential", mp.AppId, mp.AppSecret, ForceRefresh: false);
        var http = httpClients.CreateClient(WeChatHttpClientNames.MiniProgram);
        using var response = await http.PostAsJsonAsync("/cgi-bin/stable_token", request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var answer = await response.Content.ReadFromJsonAsync<StableTokenAnswer>(cancellationToken)
            ?? throw new WeChatApiException("stable_token", WeChatErrorCodes.SystemBusy, "empty answer");
        if (answer.ErrCode is not null and not WeChatErrorCodes.Ok || string.IsNullOrEmpty(answer.AccessToken))
        {
            throw new WeChatApiException("stable_token", answer.ErrCode ?? WeChatErrorCodes.SystemBusy, answer.ErrMsg);
        }
        return new StoredAccessToken(answer.AccessToken, time.GetUtcNow().AddSeconds(answer.ExpiresIn));
    }

    private sealed record StableTokenRequest(
        [property: JsonPropertyName("grant_type")] string GrantType,
        [property: JsonPropertyName("appid")] string AppId,
        [property: JsonPropertyName("secret")] string Secret,
        [property: JsonPropertyName("force_refresh")] bool ForceRefresh);

    private sealed record StableTokenAnswer(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn,
        [property: JsonPropertyName("errcode")] int? ErrCode,
        [property: JsonPropertyName("errmsg")] string? ErrMsg);
}
