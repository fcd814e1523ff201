using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Renovation.Community.Application.Common.Files;

/// <summary>
/// Keeps content as files under <see cref="FileStoreOptions.Root"/>, one folder per month. Content is written to a
/// temporary name and moved into place, so a crash never leaves a half-written file under a real key.
/// </summary>
public sealed class LocalDiskFileStore(IOptions<FileStoreOptions> options, TimeProvider clock) : IFileStore
{
    private readonly string _root = Path.GetFullPath(options.Value.Root);

    public async Task<StoredContent> SaveAsync(Stream content, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var key = $"{now:yyyy}/{now:MM}/{Guid.CreateVersion7():N}";
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".partial";
        long size;
        byte[] hash;
        await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        using (var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await content.ReadAsync(buffer, ct)) > 0)
            {
                sha.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), ct);
            }
            size = file.Length;
            hash = sha.GetHashAndReset();
        }
        File.Move(temporary, path);
        return new StoredContent(key, Convert.ToHexStringLower(hash), size);
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken ct)
    {
        var path = PathOf(key);
        Stream? stream = File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true)
            : null;
        return Task.FromResult(stream);
    }

    public Task DeleteAsync(string key, CancellationToken ct)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    private string PathOf(string key)
    {
        // Keys are made here, but a stored key is still data: never let one point outside the root.
        var path = Path.GetFullPath(Path.Combine(_root, key));
        if (!path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new InvalidOperationException("File key escapes the store root");
        return path;
    }
}
