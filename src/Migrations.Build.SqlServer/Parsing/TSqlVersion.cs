using Microsoft.SqlServer.Dac.Model;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Migrations.Build.SqlServer.Parsing;

/// <summary>The SQL Server version scripts are parsed and models are built for: the newest DacFx 170 knows (SQL Server
/// 2025, compatibility level 170) unless <see cref="VersionVariable"/> names another.</summary>
public sealed record TSqlVersion(int CompatibilityLevel)
{
    /// <summary>Read by the add-on (set by the targets from <c>MigrationsSqlServerVersion</c>): <c>2019</c>, <c>150</c>, <c>Sql150</c>.</summary>
    public const string VersionVariable = Cli.EngineProtocol.SqlServerVersionVariable;

    public static TSqlVersion Newest { get; } = new(170);

    private static readonly (int Year, int Level)[] Releases = [(2008, 100), (2012, 110), (2014, 120), (2016, 130), (2017, 140), (2019, 150), (2022, 160), (2025, 170)];

    /// <summary>The version a text names (a release year, a compatibility level, or <c>SqlNNN</c>), or null.</summary>
    public static TSqlVersion? Parse(string? text)
    {
        var value = text?.Trim() ?? string.Empty;
        if (value.StartsWith("Sql", StringComparison.OrdinalIgnoreCase))
        {
            value = value[3..];
        }

        if (!int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        foreach (var (year, level) in Releases)
        {
            if (number == year || number == level)
            {
                return new TSqlVersion(level);
            }
        }

        return null;
    }

    /// <summary>The version of <see cref="VersionVariable"/>, the newest when it is not set.</summary>
    /// <exception cref="Providers.ProviderSetupException">MIG0006 when the variable names no known version.</exception>
    public static TSqlVersion FromEnvironment()
    {
        var text = Environment.GetEnvironmentVariable(VersionVariable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return Newest;
        }

        return Parse(text) ?? throw new Providers.ProviderSetupException(
            Diagnostics.DiagnosticCodes.InvalidOption,
            $"MigrationsSqlServerVersion '{text}' is not a SQL Server version. Set it to a release year (2016 … 2025) or a compatibility level (130 … 170).");
    }

    public TSqlParser CreateParser() => CompatibilityLevel switch
    {
        100 => new TSql100Parser(initialQuotedIdentifiers: true),
        110 => new TSql110Parser(initialQuotedIdentifiers: true),
        120 => new TSql120Parser(initialQuotedIdentifiers: true),
        130 => new TSql130Parser(initialQuotedIdentifiers: true),
        140 => new TSql140Parser(initialQuotedIdentifiers: true),
        150 => new TSql150Parser(initialQuotedIdentifiers: true),
        160 => new TSql160Parser(initialQuotedIdentifiers: true),
        _ => new TSql170Parser(initialQuotedIdentifiers: true),
    };

    /// <summary>DacFx's name of this version, for building a model.</summary>
    public SqlServerVersion DacFxVersion => Enum.Parse<SqlServerVersion>($"Sql{CompatibilityLevel}");

    public override string ToString() => $"SQL Server {Releases.First(r => r.Level == CompatibilityLevel).Year} ({CompatibilityLevel})";
}
