namespace Renovation.Community.Application.Common.Files;

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
