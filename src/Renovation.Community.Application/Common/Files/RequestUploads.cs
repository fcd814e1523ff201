namespace Renovation.Community.Application.Common.Files;

/// <summary>
/// The one rule for uploaded bytes: a request that does not succeed leaves no file behind. The store records what
/// each request wrote (<see cref="RequestTrackingFileStore"/>); when the request ends with an error status or an
/// exception, those files are deleted again. Handlers save their rows once, at the end, so an error answer means no
/// row refers to the files. Handlers therefore need no clean-up of their own, whichever check refuses them.
/// </summary>
public sealed class RequestUploads
{
    private readonly List<string> _keys = [];

    public void Add(string key)
    {
        lock (_keys)
            _keys.Add(key);
    }

    public IReadOnlyList<string> Keys
    {
        get
        {
            lock (_keys)
                return [.. _keys];
        }
    }
}

/// <summary>Deletes the files of a request that was refused or failed (see <see cref="RequestUploads"/>).</summary>
public sealed class DiscardUploadsOfFailedRequests(RequestDelegate next, IFileStore store, ILogger<DiscardUploadsOfFailedRequests> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var uploads = new RequestUploads();
        http.Features.Set(uploads);
        var succeeded = false;
        try
        {
            await next(http);
            succeeded = http.Response.StatusCode < 400;
        }
        finally
        {
            if (!succeeded)
                foreach (var key in uploads.Keys)
                {
                    try
                    {
                        await store.DeleteAsync(key, CancellationToken.None);
                    }
                    catch (IOException e)
                    {
                        logger.LogWarning(e, "Could not delete the upload {Key} of a failed request", key);
                    }
                }
        }
    }
}

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
