namespace Renovation.Community.Application.Common.Files;

/// <summary>The file store every feature gets: the local disk, with each write recorded for the current request.</summary>
public sealed class RequestTrackingFileStore(LocalDiskFileStore disk, IHttpContextAccessor http) : IFileStore
{
    public async Task<StoredContent> SaveAsync(Stream content, CancellationToken ct)
    {
        var stored = await disk.SaveAsync(content, ct);
        http.HttpContext?.Features.Get<RequestUploads>()?.Add(stored.Key);
        return stored;
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken ct) => disk.OpenReadAsync(key, ct);

    public Task DeleteAsync(string key, CancellationToken ct) => disk.DeleteAsync(key, ct);
}
