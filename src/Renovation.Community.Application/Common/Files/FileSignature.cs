namespace Renovation.Community.Application.Common.Files;

public enum FileKind
{
    Pdf = 0,
    Image = 1,
}

public sealed record DetectedType(FileKind Kind, string ContentType, string Extension);

/// <summary>
/// Tells a file's type from its first bytes (magic numbers). The name and the client's Content-Type are ignored:
/// both are chosen by the uploader, the bytes are what a reader's software will actually open.
/// </summary>
public static class FileSignature
{
    public const int BytesNeeded = 12;

    public static DetectedType? Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("%PDF-"u8))
            return new(FileKind.Pdf, "application/pdf", ".pdf");
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
            return new(FileKind.Image, "image/png", ".png");
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
            return new(FileKind.Image, "image/jpeg", ".jpg");
        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
            return new(FileKind.Image, "image/webp", ".webp");
        return null;
    }
}
