using System.Buffers.Binary;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace Renovation.Community.WeChatSimulator.MiniProgram;

/// <summary>
/// The simulator's mini-program code: a real PNG (8-bit grey) that any image viewer shows, with a pattern drawn from
/// the scene's hash and the scene and page written in PNG text chunks (<c>tEXt</c>, keys <c>scene</c> and <c>page</c>).
/// Nothing can scan it; a developer reads the scene from <c>/simulator/wxacodes</c> or from the chunk (<see cref="SceneOf"/>).
/// </summary>
public static class WxaCodeImage
{
    private const int Modules = 16, ModulePixels = 12, Margin = 2 * ModulePixels;
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static byte[] Draw(string scene, string? page)
    {
        var size = Modules * ModulePixels + 2 * Margin;
        var bits = SHA256.HashData(Encoding.UTF8.GetBytes(scene));
        var raw = new byte[size * (size + 1)];
        for (var y = 0; y < size; y++)
        {
            var row = y * (size + 1);
            raw[row] = 0; // filter: none
            for (var x = 0; x < size; x++)
            {
                var (mx, my) = ((x - Margin) / ModulePixels, (y - Margin) / ModulePixels);
                var inside = x >= Margin && y >= Margin && mx < Modules && my < Modules;
                var bit = my * Modules + mx;
                var dark = inside && (bits[bit / 8 % bits.Length] >> (bit % 8) & 1) == 1;
                raw[row + 1 + x] = dark ? (byte)0 : (byte)255;
            }
        }
        using var png = new MemoryStream();
        png.Write(Signature);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, size);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), size);
        header[8] = 8; // bit depth
        header[9] = 0; // greyscale
        Chunk(png, "IHDR", header);
        Chunk(png, "tEXt", Encoding.Latin1.GetBytes("scene\0" + scene));
        if (page is not null)
            Chunk(png, "tEXt", Encoding.Latin1.GetBytes("page\0" + page));
        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
                zlib.Write(raw);
            Chunk(png, "IDAT", compressed.ToArray());
        }
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>The scene written into a code this simulator drew, or null for any other PNG.</summary>
    public static string? SceneOf(byte[] png)
    {
        if (png.Length < Signature.Length || !png.AsSpan(0, Signature.Length).SequenceEqual(Signature))
            return null;
        for (var at = Signature.Length; at + 8 <= png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var type = Encoding.ASCII.GetString(png, at + 4, 4);
            var data = png.AsSpan(at + 8, length);
            if (type == "tEXt" && Encoding.Latin1.GetString(data) is var text && text.StartsWith("scene\0", StringComparison.Ordinal))
                return text["scene\0".Length..];
            at += 12 + length;
        }
        return null;
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        png.Write(word);
        var typed = new byte[4 + data.Length];
        Encoding.ASCII.GetBytes(type, typed);
        data.CopyTo(typed, 4);
        png.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32(typed));
        png.Write(word);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}
