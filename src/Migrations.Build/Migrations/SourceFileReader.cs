using System.Globalization;
using Migrations.Build.Diagnostics;

namespace Migrations.Build.Migrations;

/// <summary>Reads a script, model or lock file only when it is a regular file under the size limit, asked of the
/// file system first (<see cref="FileKind"/>): a FIFO named like a script is never opened (it would block for ever),
/// a device never read (<c>/dev/zero</c> reads until memory runs out), and a huge file is refused before it is loaded.
/// Every refusal is a diagnostic at the file.</summary>
internal static class SourceFileReader
{
    /// <summary>64 MB: far above any real migration (the largest seen are data loads of a few MB), far below what
    /// would exhaust memory once the text and its statements are held too.</summary>
    public const long SizeLimit = 64L * 1024 * 1024;

    /// <summary>The file's bytes, or null and the reason in <paramref name="problem"/>.</summary>
    public static byte[]? Read(string path, string displayName, out Diagnostic? problem)
    {
        problem = Refusal(path, displayName);
        if (problem is not null)
        {
            return null;
        }

        try
        {
            return ReadBounded(path, displayName, out problem);
        }
        catch (UnauthorizedAccessException e)
        {
            problem = new Diagnostic(DiagnosticCodes.AccessDenied, $"{displayName} cannot be read: permission denied ({e.Message}). Give the build's user read access to it.", new SourceLocation(path));
        }
        catch (IOException e)
        {
            problem = new Diagnostic(DiagnosticCodes.UnreadableScript, $"{displayName} cannot be read: {e.Message}", new SourceLocation(path));
        }

        return null;
    }

    /// <summary>A diagnostic about a folder that cannot be listed: permissions (MIG1017) or another I/O failure.</summary>
    public static Diagnostic FolderUnreadable(string folder, string displayName, Exception exception) =>
        exception is UnauthorizedAccessException
            ? new Diagnostic(DiagnosticCodes.AccessDenied, $"The folder {displayName} cannot be read: permission denied ({exception.Message}). Give the build's user read and execute (list) access to it; nothing in it was checked.", new SourceLocation(folder))
            : new Diagnostic(DiagnosticCodes.AccessDenied, $"The folder {displayName} cannot be read: {exception.Message}; nothing in it was checked.", new SourceLocation(folder));

    private static Diagnostic? Refusal(string path, string displayName)
    {
        var (kind, size) = FileKind.Of(path);
        if (kind is FileKindName.Unknown or FileKindName.Regular)
        {
            return kind == FileKindName.Regular && size > SizeLimit ? TooLarge(path, displayName, size) : null;
        }

        var what = kind switch
        {
            FileKindName.Fifo => "a FIFO (named pipe)",
            FileKindName.Socket => "a socket",
            FileKindName.CharacterDevice => "a character device",
            FileKindName.BlockDevice => "a block device",
            _ => "a directory",
        };
        var target = LinkTarget(path);
        var subject = target is null ? $"{displayName} is {what}" : $"{displayName} is a symbolic link to '{target}', {what}";
        return new Diagnostic(DiagnosticCodes.NotARegularFile, $"{subject}, not a regular file: it was not read. A script, model or lock file must be a file.", new SourceLocation(path));
    }

    private static string? LinkTarget(string path)
    {
        try
        {
            return File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Reads at most the limit (and one byte more, to notice a file that grew or whose size was not known).</summary>
    private static byte[]? ReadBounded(string path, string displayName, out Diagnostic? problem)
    {
        problem = null;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, FileOptions.SequentialScan);
        var buffer = new MemoryStream(stream.CanSeek ? (int)Math.Min(stream.Length, SizeLimit) : 0);
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > SizeLimit)
            {
                problem = TooLarge(path, displayName, -1);
                return null;
            }
        }

        return buffer.ToArray();
    }

    private static Diagnostic TooLarge(string path, string displayName, long size)
    {
        var actual = size < 0 ? "over" : $"{Megabytes(size)}, over";
        return new Diagnostic(DiagnosticCodes.FileTooLarge, $"{displayName} is {actual} the limit of {Megabytes(SizeLimit)} for a script, model or lock file: it was not read. Split it, or load its data another way.", new SourceLocation(path));
    }

    private static string Megabytes(long bytes) => bytes >= 1024L * 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024 * 1024):0.0} GB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024 * 1024)} MB");
}
