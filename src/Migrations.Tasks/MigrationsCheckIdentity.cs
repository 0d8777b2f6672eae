using System.Security.Cryptography;
using System.Text;
using Microsoft.Build.Framework;
using Migrations.Build.Cli;

namespace Migrations.Tasks;

/// <summary>Hashes what the incremental check depends on beyond file times: the connection string (the property or
/// the variable, read here so that the targets never expand it, which MSBuild would log with its value) and the
/// package's engine and task: a package update extracts them with their pack time, older than the stamp, so their
/// times alone would leave the check "up to date".</summary>
public sealed class MigrationsCheckIdentity : Microsoft.Build.Utilities.Task
{
    /// <summary>The <c>MigrationsConnectionString</c> property, if set; otherwise the variable is read.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The files of the package that run the check (the engine, the task assembly, the targets).</summary>
    public string[] PackageFiles { get; set; } = [];

    /// <summary>A hash of the connection string (empty when there is none): it changes when the string changes and
    /// says nothing of it.</summary>
    [Output]
    public string ConnectionHash { get; private set; } = "";

    /// <summary>Each package file's full path (in the package cache: with the package's version), length and write
    /// time (its pack time), hashed: a cheap identity of the installed package, without reading the engine.</summary>
    [Output]
    public string PackageHash { get; private set; } = "";

    public override bool Execute()
    {
        var connection = string.IsNullOrEmpty(ConnectionString)
            ? Environment.GetEnvironmentVariable(EngineProtocol.ConnectionStringVariable)
            : ConnectionString;
        ConnectionHash = string.IsNullOrEmpty(connection) ? "" : Hex(Sha256(Encoding.UTF8.GetBytes(connection)));
        var identity = new StringBuilder();
        foreach (var path in PackageFiles.Where(path => !string.IsNullOrEmpty(path)))
        {
            var file = new FileInfo(path);
            identity.Append(file.FullName).Append('|');
            if (file.Exists)
            {
                identity.Append(file.Length).Append('|').Append(file.LastWriteTimeUtc.Ticks);
            }

            identity.Append('\n');
        }

        PackageHash = Hex(Sha256(Encoding.UTF8.GetBytes(identity.ToString())));

        return true;
    }

    private static byte[] Sha256(byte[] bytes)
    {
        using var sha = SHA256.Create();
        return sha.ComputeHash(bytes);
    }

    /// <summary>The first 16 bytes in hex: enough to tell versions apart, short enough for a settings line.</summary>
    private static string Hex(byte[] hash)
    {
        var text = new StringBuilder(32);
        for (var i = 0; i < 16; i++)
        {
            text.Append(hash[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }
}
