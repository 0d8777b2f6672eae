namespace Migrations.Build.Providers.PostgreSql;

/// <summary>An exclusive lock on a file between processes, held while the stream is open; the operating system
/// releases it when its holder dies (on Unix .NET takes an advisory <c>flock</c> for <see cref="FileShare.None"/>).</summary>
internal static class FileLock
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(50);

    /// <summary>Waits for the lock as long as another process holds it (its holder's work is bounded; a dead holder
    /// has already released it).</summary>
    public static async Task<FileStream> AcquireAsync(string path, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (TryAcquire(path) is { } acquired)
            {
                return acquired;
            }

            await Task.Delay(RetryDelay, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The lock, or null when another process holds it.</summary>
    public static FileStream? TryAcquire(string path)
    {
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
