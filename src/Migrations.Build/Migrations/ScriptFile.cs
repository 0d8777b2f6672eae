using System.Text;
using Migrations.Build.Diagnostics;

namespace Migrations.Build.Migrations;

/// <summary>A script file's bytes and, when it is UTF-8 text, its text without the BOM; else the reason it is not.</summary>
internal sealed record ScriptFile(string Path, byte[] Bytes, string? Text, Diagnostic? Error)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads a file; binary content, invalid UTF-8 and I/O failures become an UnreadableScript diagnostic,
    /// a special or huge file or a denied read one of <see cref="SourceFileReader"/>'s (the file is not read).</summary>
    public static ScriptFile Read(string path, string displayName)
    {
        if (SourceFileReader.Read(path, displayName, out var problem) is not { } bytes)
        {
            return new ScriptFile(path, [], null, problem);
        }

        if (bytes.AsSpan().StartsWith((byte[])[0xFF, 0xFE]) || bytes.AsSpan().StartsWith((byte[])[0xFE, 0xFF]))
        {
            // UTF-16 text is full of NUL bytes; say what it is rather than calling it binary.
            return Unreadable(path, bytes, $"{displayName} is UTF-16 text; save it as UTF-8", new SourceLocation(path));
        }

        var nul = Array.IndexOf(bytes, (byte)0);
        if (nul >= 0)
        {
            return Unreadable(path, bytes, $"{displayName} contains NUL bytes: it is a binary file, not SQL text", LocateByte(path, bytes, nul));
        }

        try
        {
            var text = StrictUtf8.GetString(bytes);
            return new ScriptFile(path, bytes, text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text, null);
        }
        catch (DecoderFallbackException e)
        {
            var index = Math.Clamp(e.Index, 0, Math.Max(bytes.Length - 1, 0));
            var at = LocateByte(path, bytes, index);
            var value = bytes.Length > 0 ? $" 0x{bytes[index]:X2}" : string.Empty;
            return Unreadable(path, bytes, $"{displayName} is not valid UTF-8 text (invalid byte{value} at line {at.Line}); save it as UTF-8", at);
        }
    }

    /// <summary>The line and column (in characters of the valid text before it) of the byte at <paramref name="index"/>.</summary>
    private static SourceLocation LocateByte(string path, byte[] bytes, int index)
    {
        var lineStart = index == 0 ? 0 : Array.LastIndexOf(bytes, (byte)'\n', index - 1) + 1;
        var line = 1 + bytes.AsSpan(0, lineStart).Count((byte)'\n');
        var prefix = Encoding.UTF8.GetString(bytes, lineStart, index - lineStart).TrimStart('\uFEFF');
        return new SourceLocation(path, line, prefix.Length + 1);
    }

    private static ScriptFile Unreadable(string path, byte[] bytes, string message, SourceLocation location) =>
        new(path, bytes, null, new Diagnostic(DiagnosticCodes.UnreadableScript, message, location));
}
