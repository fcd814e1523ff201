namespace Renovation.Community.WeChat.Pay.TradeBills;

public enum TradeBillType
{
    All = 0,
    Success = 1,
    Refund = 2,
}

/// <summary>Where to fetch a bill and how to check it; the URL is short-lived (about 30 seconds).</summary>
public sealed record TradeBillDownload(string HashType, string HashValue, Uri DownloadUrl);

/// <summary>
/// The answer to "give me the bill for this day": either ready to download, or "try later"
/// (NO_STATEMENT_EXIST, STATEMENT_CREATING), which is a normal state before about 10:00 the next day.
/// </summary>
public sealed record TradeBillApplication(TradeBillDownload? Download, string? TryLaterCode, string? TryLaterMessage)
{
    public bool IsReady => Download is not null;

    public static TradeBillApplication Ready(TradeBillDownload download) => new(download, null, null);

    public static TradeBillApplication TryLater(string code, string? message) => new(null, code, message);
}

/// <summary>The downloaded file's SHA1 differs from the one WeChat Pay announced; the file must not be used.</summary>
public sealed class TradeBillHashMismatchException : Exception
{
    public TradeBillHashMismatchException()
    {
    }

    public TradeBillHashMismatchException(string message) : base(message)
    {
    }

    public TradeBillHashMismatchException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
