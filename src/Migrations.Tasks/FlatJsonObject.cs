using System.Globalization;
using System.Text;

namespace Migrations.Tasks;

/// <summary>
/// One line of the engine's protocol: a JSON object whose scalar members (string, number, boolean, null) are read.
/// netstandard2.0 has no System.Text.Json and the task must ship without dependencies, so this is a small strict
/// reader: anything that is not exactly one valid JSON object is rejected, never guessed. Nested objects and arrays
/// (extra detail a newer engine may add) are checked for syntax and skipped.
/// </summary>
internal sealed class FlatJsonObject
{
    private readonly Dictionary<string, object?> _values;

    private FlatJsonObject(Dictionary<string, object?> values) => _values = values;

    /// <summary>Reads one line; null when the line is not a single flat JSON object.</summary>
    public static FlatJsonObject? TryParse(string text)
    {
        var reader = new Reader(text);
        try
        {
            var values = reader.ReadObject(depth: 0);
            reader.SkipWhitespace();
            return reader.AtEnd ? new FlatJsonObject(values) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>The string value of <paramref name="name"/>, or null when absent or not a string.</summary>
    public string? GetString(string name) => _values.TryGetValue(name, out var value) ? value as string : null;

    /// <summary>The integer value of <paramref name="name"/>, or 0 when absent, not a number or not whole.</summary>
    public int GetInt32(string name)
    {
        if (_values.TryGetValue(name, out var value) && value is double number
            && number >= int.MinValue && number <= int.MaxValue && Math.Floor(number) == number)
        {
            return (int)number;
        }

        return 0;
    }

    public bool Contains(string name) => _values.ContainsKey(name);

    /// <summary>A cursor over the text; every method throws <see cref="FormatException"/> on the first deviation.</summary>
    private sealed class Reader(string text)
    {
        private int _position;

        public bool AtEnd => _position == text.Length;

        /// <summary>Nested objects and arrays deeper than this are rejected rather than followed.</summary>
        private const int MaxDepth = 16;

        /// <summary>Stands for a nested object or array: present, but not readable as a scalar.</summary>
        private static readonly object Nested = new();

        public Dictionary<string, object?> ReadObject(int depth)
        {
            if (depth > MaxDepth)
            {
                throw new FormatException("Nested too deeply.");
            }

            var values = new Dictionary<string, object?>(StringComparer.Ordinal);
            SkipWhitespace();
            Expect('{');
            SkipWhitespace();
            if (TryConsume('}'))
            {
                return values;
            }

            while (true)
            {
                SkipWhitespace();
                var name = ReadString();
                SkipWhitespace();
                Expect(':');
                SkipWhitespace();
                var value = ReadValue(depth);
                if (values.ContainsKey(name))
                {
                    throw new FormatException($"Duplicate member '{name}'.");
                }

                values.Add(name, value);
                SkipWhitespace();
                if (TryConsume('}'))
                {
                    return values;
                }

                Expect(',');
            }
        }

        public void SkipWhitespace()
        {
            while (_position < text.Length && text[_position] is ' ' or '\t' or '\r' or '\n')
            {
                _position++;
            }
        }

        private object? ReadValue(int depth)
        {
            var c = Peek();
            if (c == '{')
            {
                ReadObject(depth + 1);
                return Nested;
            }

            if (c == '[')
            {
                ReadArray(depth + 1);
                return Nested;
            }

            if (c == '"')
            {
                return ReadString();
            }

            if (c == '-' || (c >= '0' && c <= '9'))
            {
                return ReadNumber();
            }

            if (TryConsumeWord("true"))
            {
                return true;
            }

            if (TryConsumeWord("false"))
            {
                return false;
            }

            if (TryConsumeWord("null"))
            {
                return null;
            }

            throw new FormatException($"Unexpected '{c}' at {_position}.");
        }

        private void ReadArray(int depth)
        {
            if (depth > MaxDepth)
            {
                throw new FormatException("Nested too deeply.");
            }

            Expect('[');
            SkipWhitespace();
            if (TryConsume(']'))
            {
                return;
            }

            while (true)
            {
                SkipWhitespace();
                ReadValue(depth);
                SkipWhitespace();
                if (TryConsume(']'))
                {
                    return;
                }

                Expect(',');
            }
        }

        private string ReadString()
        {
            Expect('"');
            var builder = new StringBuilder();
            while (true)
            {
                var c = Next();
                if (c == '"')
                {
                    return builder.ToString();
                }

                if (c < ' ')
                {
                    throw new FormatException("Control character in a string.");
                }

                if (c != '\\')
                {
                    builder.Append(c);
                    continue;
                }

                var escape = Next();
                builder.Append(escape switch
                {
                    '"' => '"',
                    '\\' => '\\',
                    '/' => '/',
                    'b' => '\b',
                    'f' => '\f',
                    'n' => '\n',
                    'r' => '\r',
                    't' => '\t',
                    'u' => ReadHexCodeUnit(),
                    _ => throw new FormatException($"Unknown escape '\\{escape}'."),
                });
            }
        }

        private char ReadHexCodeUnit()
        {
            if (_position + 4 > text.Length)
            {
                throw new FormatException("Truncated \\u escape.");
            }

            var hex = text.Substring(_position, 4);
            if (!ushort.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var unit))
            {
                throw new FormatException($"Invalid \\u escape '{hex}'.");
            }

            _position += 4;
            return (char)unit;
        }

        private double ReadNumber()
        {
            var start = _position;
            TryConsume('-');
            if (TryConsume('0'))
            {
                // JSON forbids leading zeros such as 012.
            }
            else
            {
                ReadDigits();
            }

            if (TryConsume('.'))
            {
                ReadDigits();
            }

            if (TryConsume('e') || TryConsume('E'))
            {
                if (!TryConsume('+'))
                {
                    TryConsume('-');
                }

                ReadDigits();
            }

            return double.Parse(text.Substring(start, _position - start), NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        private void ReadDigits()
        {
            var start = _position;
            while (_position < text.Length && text[_position] >= '0' && text[_position] <= '9')
            {
                _position++;
            }

            if (_position == start)
            {
                throw new FormatException($"Digit expected at {_position}.");
            }
        }

        private bool TryConsumeWord(string word)
        {
            if (string.CompareOrdinal(text, _position, word, 0, word.Length) != 0)
            {
                return false;
            }

            _position += word.Length;
            return true;
        }

        private bool TryConsume(char expected)
        {
            if (_position < text.Length && text[_position] == expected)
            {
                _position++;
                return true;
            }

            return false;
        }

        private void Expect(char expected)
        {
            if (!TryConsume(expected))
            {
                throw new FormatException($"'{expected}' expected at {_position}.");
            }
        }

        private char Peek() => _position < text.Length ? text[_position] : throw new FormatException("Unexpected end of line.");

        private char Next()
        {
            var c = Peek();
            _position++;
            return c;
        }
    }
}
