using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.ContentCheck;
using Renovation.Community.Application.Data;
using Renovation.Community.WeChat.MiniProgram;

namespace Renovation.Community.Application.Features.WeChatIntegration;

/// <summary>
/// msgSecCheck v2 (scene "comment") on text residents publish. When WeChat cannot give an answer the text is held
/// for review rather than published unchecked or refused for something that is not the author's fault.
/// </summary>
public sealed class WeChatContentCheck(IMiniProgramClient wechat, AppDbContext db, ILogger<WeChatContentCheck> logger) : IContentCheck
{
    private const int MaxCharacters = 2500;

    public async Task<ContentVerdict> CheckAsync(string text, Guid authorUserId, CancellationToken ct)
    {
        var openId = await db.Users.AsNoTracking().Where(u => u.Id == authorUserId).Select(u => u.OpenId).SingleOrDefaultAsync(ct);
        if (openId is null)
            return ContentVerdict.Unavailable;
        var verdict = ContentVerdict.Pass;
        try
        {
            for (var start = 0; start < text.Length; start += MaxCharacters)
            {
                var part = text.Substring(start, Math.Min(MaxCharacters, text.Length - start));
                var result = await wechat.MsgSecCheckAsync(openId, ContentScene.Comment, part, ct);
                verdict = (ContentVerdict)Math.Max((int)verdict, (int)Map(result.Suggestion));
            }
            return verdict;
        }
        catch (Exception e) when (e is WeChatApiException or HttpRequestException or TimeoutException
                                      or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException)
        {
            logger.LogWarning("msgSecCheck failed, holding the text for review: {Error}", e.Message);
            return ContentVerdict.Unavailable;
        }
    }

    private static ContentVerdict Map(ContentSuggestion suggestion) => suggestion switch
    {
        ContentSuggestion.Pass => ContentVerdict.Pass,
        ContentSuggestion.Risky => ContentVerdict.Risky,
        _ => ContentVerdict.Review,
    };
}
