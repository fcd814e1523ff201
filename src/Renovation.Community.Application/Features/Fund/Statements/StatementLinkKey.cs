namespace Renovation.Community.Application.Features.Fund;

/// <summary>
/// Where the statement-link key comes from: <c>Fund:StatementLinkKey</c> (a secret of at least 32 characters, the same on
/// every node). In Development without one, a key is generated once and kept in <c>Fund:StatementLinkKeyFile</c>
/// (default <c>data/statement-link.key</c>, next to the quick-start's database) so links survive a restart. Elsewhere
/// without one the links are off: nothing else depends on them.
/// </summary>
public static class StatementLinkKey
{
    public const string FileSetting = "Fund:StatementLinkKeyFile";

    public static string? Resolve(WebApplicationBuilder builder)
    {
        var configured = builder.Configuration[StatementLinkSigner.KeySetting];
        if (!string.IsNullOrEmpty(configured) || !builder.Environment.IsDevelopment())
            return configured;
        var path = Path.GetFullPath(builder.Configuration[FileSetting] ?? Path.Combine("data", "statement-link.key"));
        if (File.Exists(path))
            return File.ReadAllText(path).Trim();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));
        try
        {
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            using var writer = new StreamWriter(file);
            writer.Write(key);
            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process started on the same ./data wrote it first: use theirs.
            return File.ReadAllText(path).Trim();
        }
    }
}
