using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Renovation.Community.WeChatSimulator.MiniProgram;

/// <summary>A subscribe message the simulator accepted.</summary>
public sealed record SentSubscribeMessage(string ToOpenId, string TemplateId, IReadOnlyDictionary<string, string> Data, string? Page);

/// <summary>A mini-program code the simulator drew (getwxacodeunlimit): what a phone scanning it would open.</summary>
public sealed record DrawnWxaCode(string Scene, string? Page, string EnvVersion, DateTimeOffset DrawnAt);

/// <summary>State of the api.weixin.qq.com half: login codes, subscriptions, sent messages.</summary>
public sealed class MiniProgramBackend
{
    private readonly ConcurrentDictionary<string, byte> _usedCodes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string OpenId, string TemplateId), int> _subscriptions = new();
    private readonly ConcurrentQueue<SentSubscribeMessage> _sent = new();
    private readonly ConcurrentQueue<DrawnWxaCode> _drawn = new();
    private readonly string _appId;

    internal MiniProgramBackend(string appId)
    {
        _appId = appId;
    }

    /// <summary>Templates the simulator knows; when empty every template id is accepted.</summary>
    public ConcurrentDictionary<string, byte> KnownTemplates { get; } = new(StringComparer.Ordinal);

    /// <summary>getuserphonenumber sends countryCode as a number instead of a string (WeChat does both).</summary>
    public bool PhoneCountryCodeAsNumber { get; set; }

    public IReadOnlyCollection<SentSubscribeMessage> SentMessages => _sent.ToArray();

    /// <summary>The mini-program codes drawn so far, oldest first.</summary>
    public IReadOnlyCollection<DrawnWxaCode> DrawnCodes => _drawn.ToArray();

    /// <summary>
    /// The openid a login code yields. Everything before the first ':' names the user, so
    /// "demo-resident" and "demo-resident:2" are the same person with two single-use codes.
    /// </summary>
    public string OpenIdFor(string code) => DeterministicId("o", IdentityOf(code), 28);

    public string UnionIdFor(string code) => DeterministicId("oU", IdentityOf(code), 28);

    /// <summary>The user accepts one more message of <paramref name="templateId"/> (a one-time subscription).</summary>
    public void Subscribe(string openId, string templateId, int count = 1) =>
        _subscriptions.AddOrUpdate((openId, templateId), count, (_, existing) => existing + count);

    /// <summary>The user turned <paramref name="templateId"/> off ("总是拒绝"): nothing more of it is delivered.</summary>
    public void Ban(string openId, string templateId) => _subscriptions[(openId, templateId)] = 0;

    /// <summary>Whether WeChat holds an unused consent of the user for the template.</summary>
    public bool HasSubscription(string openId, string templateId) =>
        _subscriptions.TryGetValue((openId, templateId), out var left) && left > 0;

    internal bool TryUseCode(string code) => _usedCodes.TryAdd(code, 0);

    internal bool TryConsumeSubscription(string openId, string templateId)
    {
        while (_subscriptions.TryGetValue((openId, templateId), out var left))
        {
            if (left <= 0)
            {
                return false;
            }
            if (_subscriptions.TryUpdate((openId, templateId), left - 1, left))
            {
                return true;
            }
        }
        return false;
    }

    internal void Record(SentSubscribeMessage message) => _sent.Enqueue(message);

    internal void Record(DrawnWxaCode code) => _drawn.Enqueue(code);

    private static string IdentityOf(string code)
    {
        var colon = code.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? code : code[..colon];
    }

    private string DeterministicId(string prefix, string identity, int length)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{_appId}/{identity}"));
        var text = Convert.ToBase64String(hash).Replace('+', '-').Replace('/', '_');
        return (prefix + text)[..length];
    }
}
