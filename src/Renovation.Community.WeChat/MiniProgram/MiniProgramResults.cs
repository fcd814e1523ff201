using System.Text.Json.Serialization;

namespace Renovation.Community.WeChat.MiniProgram;

/// <summary>The answer to code2Session. The session key stays on the server; never send it to the client.</summary>
public sealed record Code2SessionResult(string OpenId, string SessionKey, string? UnionId);

/// <summary>The user's phone number from <c>getPhoneNumber</c>'s code.</summary>
public sealed record PhoneNumberInfo(string PhoneNumber, string PurePhoneNumber, string CountryCode);

/// <summary>msgSecCheck scenes (场景).</summary>
public enum ContentScene
{
    Profile = 1,
    Comment = 2,
    Forum = 3,
    Social = 4,
}

/// <summary>What WeChat suggests doing with the content.</summary>
public enum ContentSuggestion
{
    Pass = 0,
    Review = 1,
    Risky = 2,
}

/// <summary>The msgSecCheck v2 verdict. <see cref="Label"/> is WeChat's category (100 normal, 20001 politics, …).</summary>
public sealed record ContentCheckResult(ContentSuggestion Suggestion, int Label, string? TraceId);

/// <summary>Whether a subscribe message went out. Not being subscribed is normal and must not be retried.</summary>
public enum SubscribeMessageOutcome
{
    Sent = 0,
    NotSubscribed = 1,
}

/// <summary>Reads a JSON value that WeChat sometimes sends as a string and sometimes as a number.</summary>
internal sealed class StringOrNumberJsonConverter : JsonConverter<string>
{
    public override string? Read(ref System.Text.Json.Utf8JsonReader reader, Type typeToConvert, System.Text.Json.JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            System.Text.Json.JsonTokenType.String => reader.GetString(),
            System.Text.Json.JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan),
            System.Text.Json.JsonTokenType.Null => null,
            _ => throw new System.Text.Json.JsonException($"Expected a string or a number, found {reader.TokenType}."),
        };

    public override void Write(System.Text.Json.Utf8JsonWriter writer, string value, System.Text.Json.JsonSerializerOptions options) =>
        writer.WriteStringValue(value);
}
