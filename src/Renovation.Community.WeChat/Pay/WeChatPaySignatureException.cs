namespace Renovation.Community.WeChat.Pay;

/// <summary>A response or notification that does not prove it comes from WeChat Pay. Never retried.</summary>
public sealed class WeChatPaySignatureException : Exception
{
    public WeChatPaySignatureException()
    {
    }

    public WeChatPaySignatureException(string message) : base(message)
    {
    }

    public WeChatPaySignatureException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
