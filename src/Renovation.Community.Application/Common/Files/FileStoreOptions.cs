namespace Renovation.Community.Application.Common.Files;

/// <summary>Section <c>Files</c>.</summary>
public sealed class FileStoreOptions
{
    public const string Section = "Files";

    /// <summary>Folder of the local-disk store; relative paths are relative to the working directory, like the SQLite file.</summary>
    public string Root { get; set; } = "data/files";
}
