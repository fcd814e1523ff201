namespace Renovation.Community.WeChat.Bills;

/// <summary>A trade bill line that cannot be trusted; <see cref="LineNumber"/> is 1-based, as an editor shows it.</summary>
public sealed class TradeBillFormatException : FormatException
{
    public TradeBillFormatException()
    {
    }

    public TradeBillFormatException(string message) : base(message)
    {
    }

    public TradeBillFormatException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public TradeBillFormatException(long lineNumber, string problem)
        : base($"Trade bill line {lineNumber}: {problem}")
    {
        LineNumber = lineNumber;
    }

    public long LineNumber { get; }
}
