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
