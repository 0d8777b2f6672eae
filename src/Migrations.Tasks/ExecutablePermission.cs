using System;
using System.Runtime.InteropServices;

namespace Migrations.Tasks;

/// <summary>Makes the package's native engine executable: NuGet extracts package files without their Unix execute
/// permission.</summary>
internal static class ExecutablePermission
{
    private const int ExecuteAccess = 1; // X_OK
    private const uint ReadWriteExecuteForOwnerReadExecuteForOthers = 0x1ED; // 0755

    /// <summary>True when <paramref name="path"/> can be executed, after granting the permission if needed.</summary>
    public static bool TryEnsure(string path)
    {
        try
        {
            return access(path, ExecuteAccess) == 0
                || (chmod(path, ReadWriteExecuteForOwnerReadExecuteForOthers) == 0 && access(path, ExecuteAccess) == 0);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int access(string path, int mode);

    [DllImport("libc", SetLastError = true)]
    private static extern int chmod(string path, uint mode);
}
