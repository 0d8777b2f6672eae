using System.Runtime.InteropServices;

namespace Migrations.Build.Migrations;

/// <summary>What a path is on disk, asked of the file system before a file is opened: <see cref="File.ReadAllBytes"/>
/// on a FIFO blocks until a writer comes, and on a device (<c>/dev/zero</c>) reads until the process runs out of
/// memory. .NET does not say whether a file is regular; Linux's <c>statx</c> does, with a layout that is the same on
/// every architecture. Elsewhere (or on a libc without <c>statx</c>) the kind is <see cref="FileKindName.Unknown"/>
/// and only the size limit of the reader protects.</summary>
internal static class FileKind
{
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1; // STATX_TYPE
    private const uint StatxMode = 0x2; // STATX_MODE
    private const uint StatxSize = 0x200; // STATX_SIZE
    private const int StatxBufferSize = 256;
    private const int ModeOffset = 28; // stx_mode: __u16
    private const int SizeOffset = 40; // stx_size: __u64
    private const int TypeMask = 0xF000; // S_IFMT

    /// <summary>The kind of what <paramref name="path"/> names, following symbolic links, and its size in bytes.</summary>
    public static (FileKindName Kind, long Size) Of(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return (FileKindName.Unknown, -1);
        }

        var buffer = new byte[StatxBufferSize];
        try
        {
            if (statx(AtFdCwd, path, 0, StatxType | StatxMode | StatxSize, buffer) != 0)
            {
                return (FileKindName.Unknown, -1);
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return (FileKindName.Unknown, -1);
        }

        var mode = BitConverter.ToUInt16(buffer, ModeOffset);
        var size = BitConverter.ToInt64(buffer, SizeOffset);
        var kind = (mode & TypeMask) switch
        {
            0x8000 => FileKindName.Regular,
            0x4000 => FileKindName.Directory,
            0x1000 => FileKindName.Fifo,
            0xC000 => FileKindName.Socket,
            0x2000 => FileKindName.CharacterDevice,
            0x6000 => FileKindName.BlockDevice,
            _ => FileKindName.Unknown,
        };
        return (kind, size);
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, [Out] byte[] buffer);
}

/// <summary>The kinds of <see cref="FileKind.Of"/>.</summary>
internal enum FileKindName
{
    Unknown,
    Regular,
    Directory,
    Fifo,
    Socket,
    CharacterDevice,
    BlockDevice,
}
