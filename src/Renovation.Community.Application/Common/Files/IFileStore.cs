namespace Renovation.Community.Application.Common.Files;

/// <summary>
/// Where uploaded bytes live. Metadata (name, type, owner) stays in the database; the store only keeps content under
/// a key it chooses, so an object store can replace the local disk without touching the features.
/// </summary>
public interface IFileStore
{
    /// <summary>Stores the content and returns its key, the SHA-256 (hex) and the byte count.</summary>
    Task<StoredContent> SaveAsync(Stream content, CancellationToken ct);

    /// <summary>Opens stored content for reading, or null when the key is unknown.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken ct);

    Task DeleteAsync(string key, CancellationToken ct);
}

public sealed record StoredContent(string Key, string Sha256, long SizeBytes);
