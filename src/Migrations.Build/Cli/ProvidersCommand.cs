using System.CommandLine;
using Migrations.Build.Providers;

namespace Migrations.Build.Cli;

/// <summary><c>providers</c>: lists the engines <c>--provider</c> (<c>MigrationsProvider</c>) accepts, from the
/// <see cref="ProviderRegistry"/>; with <c>--msbuild-props FILE</c> writes the same list for the package's targets
/// (run when the package is packed, so the targets never keep a copy of their own).</summary>
public static class ProvidersCommand
{
    public static Command Create()
    {
        var props = new Option<string?>("--msbuild-props") { Description = "Write the list as MSBuild properties to this file (used when packing)." };
        var command = new Command("providers", "List the engines --provider accepts: name, display name and other accepted names.") { props };
        command.SetAction(parsed =>
        {
            if (parsed.GetValue(props) is { Length: > 0 } file)
            {
                File.WriteAllText(file, ProviderListProps.Text());
                return EngineProtocol.ExitCodes.Success;
            }

            var width = ProviderRegistry.All.Max(p => p.Name.Length) + 2;
            foreach (var provider in ProviderRegistry.All)
            {
                var line = $"{provider.Name.PadRight(width)}{provider.DisplayName}";
                line += provider == ProviderRegistry.Default ? " (default)" : string.Empty;
                line += provider.AddOnPackage is { } package ? $" (add-on package {package})" : string.Empty;
                line += provider.Aliases.Count > 0 ? $"; also accepted: {string.Join(", ", provider.Aliases)}" : string.Empty;
                Console.WriteLine(line);
            }

            return EngineProtocol.ExitCodes.Success;
        });
        return command;
    }
}
