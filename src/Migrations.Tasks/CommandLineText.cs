using System.Text;

namespace Migrations.Tasks;

/// <summary>
/// Joins arguments into one <c>ProcessStartInfo.Arguments</c> string. net472 has no <c>ArgumentList</c>;
/// .NET splits the string with the Windows (CommandLineToArgvW) rules on every OS, so quoting follows those rules.
/// </summary>
internal static class CommandLineText
{
    public static string Join(IEnumerable<string> arguments) => string.Join(" ", arguments.Select(Quote));

    public static string Quote(string argument)
    {
        if (argument.Length > 0 && argument.IndexOfAny([' ', '\t', '\n', '\v', '"']) < 0)
        {
            return argument;
        }

        var builder = new StringBuilder("\"");
        var backslashes = 0;
        foreach (var c in argument)
        {
            if (c == '\\')
            {
                backslashes++;
                continue;
            }

            // Backslashes are literal unless they precede a quote: then each is doubled and the quote escaped.
            builder.Append('\\', c == '"' ? (backslashes * 2) + 1 : backslashes);
            builder.Append(c);
            backslashes = 0;
        }

        // Before the closing quote, trailing backslashes are doubled so the quote still ends the argument.
        builder.Append('\\', backslashes * 2);
        return builder.Append('"').ToString();
    }
}
