namespace Renovation.Community.WeChat.MiniProgram.SubscribeMessages;

/// <summary>
/// A subscribe message (订阅消息). <see cref="Data"/> maps template keywords such as <c>thing1</c>,
/// <c>time2</c>, <c>amount3</c> to their values; the prefix decides which rule the value must meet.
/// </summary>
public sealed record SubscribeMessage(string ToOpenId, string TemplateId, IReadOnlyDictionary<string, string> Data)
{
    /// <summary>The mini-program page opened from the message, e.g. <c>pages/notice/detail?id=1</c>.</summary>
    public string? Page { get; init; }

    /// <summary>developer, trial or formal (default formal).</summary>
    public string? MiniProgramState { get; init; }

    /// <summary>zh_CN (default), en_US, zh_HK, zh_TW.</summary>
    public string? Lang { get; init; }
}

/// <summary>What to do with a value that breaks its keyword's rule.</summary>
public enum SubscribeValuePolicy
{
    /// <summary>Throw <see cref="SubscribeMessageValueException"/> before anything is sent.</summary>
    Refuse = 0,

    /// <summary>
    /// Cut free text (<c>thing</c>) to its limit with an ellipsis; still refuse values where cutting would
    /// change the meaning (amounts, dates, numbers, phone and car numbers).
    /// </summary>
    TruncateText = 1,
}

/// <summary>A subscribe message value that WeChat would refuse with 47003.</summary>
public sealed class SubscribeMessageValueException : ArgumentException
{
    public SubscribeMessageValueException()
    {
    }

    public SubscribeMessageValueException(string message) : base(message)
    {
    }

    public SubscribeMessageValueException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public SubscribeMessageValueException(string key, string value, string rule)
        : base($"Subscribe message value {key}='{value}' breaks the rule: {rule}.")
    {
        Key = key;
    }

    public string? Key { get; }
}
