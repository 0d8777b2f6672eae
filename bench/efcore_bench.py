#!/usr/bin/env python3
"""Benchmark: the EF Core check's whole time, as a ratio to `dotnet ef migrations has-pending-model-changes --no-build`.

    python3 bench/efcore_bench.py [--migrations 50] [--repeat 5] [--dialects sqlite,postgres] [--ef-version 10.0.15]

For each dialect it generates an EF Core 10 console app (entities E01..E50, each a table with a key, two columns and a
foreign key with its index to the previous one) with --migrations migrations:
  * the model snapshot is the real tool's: `dotnet ef migrations add` on the model of the first N-1 entities (that
    migration itself is deleted), then again, after the last entity is added, for the last migration, which the tool
    writes with its Designer file and the updated snapshot;
  * the first N-1 migrations are generated here as C# text (CreateTable + CreateIndex up, DropTable down), as EF writes
    them for that provider, without Designer files (so without target models, which these operations do not need).
Then it builds the app once and times, median of --repeat runs:
  (a) `dotnet ef migrations has-pending-model-changes --no-build` in the project folder (EF loads the built assembly
      and answers one of the questions);
  (b) the whole check as the build runs it: the engine's command line that the ValidateMigrations task gives it for an
      EF Core project (`check --source efcore --ef-assembly … --format json`), whole process: the EF bridge, then
      upgrade, drift, every downgrade proof with re-up, the pending changes; on PostgreSQL against a throwaway cluster
      that is already running (the task's own temporary cluster start is not in (b));
  (c) the EF bridge alone, run as the engine runs it (`dotnet exec --depsfile App.deps.json --runtimeconfig
      App.runtimeconfig.json --roll-forward Major Migrations.EfBridge.dll …`),
and prints (b)/(a) (target: at most 1.5) and the bridge's share (c)/(b). Not a test: nothing here asserts a time.

The engine is the one the package runs on this machine (bench/run_bench.py builds it: the native one on linux-x64);
the bridge is src/Migrations.EfBridge built in Release (built here when missing). PostgreSQL runs only where initdb
and pg_ctl exist (run_bench.py's throwaway cluster in RAM).
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run_bench  # noqa: E402  (the engine build and the throwaway PostgreSQL cluster)

ROOT = run_bench.ROOT
BRIDGE = os.path.join(ROOT, "src", "Migrations.EfBridge", "bin", "Release", "net8.0", "Migrations.EfBridge.dll")
NPGSQL_VERSION = {"8": "8.0.11", "9": "9.0.4", "10": "10.0.3"}

# Per dialect: the EF provider package, the UseXxx call, the column types EF writes, the key's annotation.
DIALECTS = {
    "sqlite": {
        "package": lambda ef: ("Microsoft.EntityFrameworkCore.Sqlite", ef),
        "use": 'options.UseSqlite("Data Source=bench.db")',
        "int": "INTEGER", "text": "TEXT",
        "key": '.Annotation("Sqlite:Autoincrement", true)',
        "usings": "",
    },
    "postgres": {
        "package": lambda ef: ("Npgsql.EntityFrameworkCore.PostgreSQL", NPGSQL_VERSION[ef.split(".")[0]]),
        # Never connected to: design time only.
        "use": 'options.UseNpgsql("Host=localhost;Database=bench;Username=bench")',
        "int": "integer", "text": "text",
        "key": '.Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)',
        "usings": "using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;\n",
    },
}


def entity_name(k):
    return f"E{k:02d}"


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def write_project(folder, dialect, ef_version, entities):
    d = DIALECTS[dialect]
    package, version = d["package"](ef_version)
    write(os.path.join(folder, "Bench.csproj"), f"""<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="{package}" Version="{version}" />
    <PackageReference Include="Microsoft.EntityFrameworkCore.Design" Version="{ef_version}" PrivateAssets="all" />
  </ItemGroup>
</Project>
""")
    write(os.path.join(folder, "Program.cs"), "Console.WriteLine(\"bench\");\n")
    classes = "".join(
        f"public class {entity_name(k)}\n{{\n    public int Id {{ get; set; }}\n    public string Name {{ get; set; }} = \"\";\n"
        f"    public int Count {{ get; set; }}\n    public int? PreviousId {{ get; set; }}\n}}\n\n"
        for k in range(1, entities + 1))
    mappings = "".join(
        f"        modelBuilder.Entity<{entity_name(k)}>().ToTable(\"{entity_name(k)}\")"
        + (f".HasOne<{entity_name(k - 1)}>().WithMany().HasForeignKey(e => e.PreviousId).OnDelete(DeleteBehavior.Cascade)" if k > 1 else "")
        + ";\n"
        for k in range(1, entities + 1))
    write(os.path.join(folder, "BenchContext.cs"), f"""using Microsoft.EntityFrameworkCore;

namespace Bench;

{classes}public class BenchContext : DbContext
{{
    protected override void OnConfiguring(DbContextOptionsBuilder options) => {d["use"]};

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {{
{mappings}    }}
}}
""")


def migration_class(dialect, k):
    """Migration k as EF writes it for this provider: its entity's table, the foreign key to the previous one and its
    index; Down drops the table."""
    d = DIALECTS[dialect]
    name, previous = entity_name(k), entity_name(k - 1)
    foreign_key = (f"""
                    table.ForeignKey(
                        name: "FK_{name}_{previous}_PreviousId",
                        column: x => x.PreviousId,
                        principalTable: "{previous}",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);""" if k > 1 else "")
    index = (f"""

            migrationBuilder.CreateIndex(
                name: "IX_{name}_PreviousId",
                table: "{name}",
                column: "PreviousId");""" if k > 1 else "")
    return f"""using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
{d["usings"]}
namespace Bench.Migrations;

[DbContext(typeof(BenchContext))]
[Migration("2026010100{k:04d}_Add{name}")]
public partial class Add{name} : Migration
{{
    protected override void Up(MigrationBuilder migrationBuilder)
    {{
        migrationBuilder.CreateTable(
            name: "{name}",
            columns: table => new
            {{
                Id = table.Column<int>(type: "{d["int"]}", nullable: false){d["key"]},
                Name = table.Column<string>(type: "{d["text"]}", nullable: false),
                Count = table.Column<int>(type: "{d["int"]}", nullable: false),
                PreviousId = table.Column<int>(type: "{d["int"]}", nullable: true)
            }},
            constraints: table =>
            {{
                table.PrimaryKey("PK_{name}", x => x.Id);{foreign_key}
            }});{index}
    }}

    protected override void Down(MigrationBuilder migrationBuilder)
    {{
        migrationBuilder.DropTable(
            name: "{name}");
    }}
}}
"""


def run(command, cwd, what):
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=clean_environment())
    if result.returncode != 0:
        sys.stderr.write(result.stdout[-4000:] + result.stderr[-4000:])
        raise SystemExit(f"{what} failed ({result.returncode})")
    return result


def clean_environment():
    # A caller's MSBuild variables (a test host, an IDE) must not leak into the app's build or EF's.
    return {k: v for k, v in os.environ.items() if not k.upper().startswith("MSBUILD") and k != "DOTNET_HOST_PATH"} | {"DOTNET_NOLOGO": "1", "DOTNET_CLI_TELEMETRY_OPTOUT": "1"}


def generate_app(folder, dialect, ef_version, count, dotnet_ef):
    """The app with `count` migrations: the snapshot and the last migration from the real tool, the others here."""
    migrations = os.path.join(folder, "Migrations")
    write_project(folder, dialect, ef_version, count - 1)
    run(["dotnet", "restore", "--nologo", "-v:q"], folder, "dotnet restore")
    run([dotnet_ef, "migrations", "add", "Seed"], folder, "dotnet ef migrations add Seed")
    for name in os.listdir(migrations):
        if "_Seed" in name:
            os.remove(os.path.join(migrations, name))
    for k in range(1, count):
        write(os.path.join(migrations, f"2026010100{k:04d}_Add{entity_name(k)}.cs"), migration_class(dialect, k))
    write_project(folder, dialect, ef_version, count)
    run([dotnet_ef, "migrations", "add", f"Add{entity_name(count)}"], folder, f"dotnet ef migrations add Add{entity_name(count)}")
    run(["dotnet", "build", "-c", "Debug", "--nologo", "-v:q", "-nodeReuse:false"], folder, "dotnet build")
    written = sorted(n for n in os.listdir(migrations) if n.endswith(".cs") and not n.endswith(".Designer.cs") and "Snapshot" not in n)
    assert len(written) == count, f"{len(written)} migrations, expected {count}"
    return os.path.join(folder, "bin", "Debug", "net10.0", "Bench.dll")


def median_of(repeat, command, cwd, check_exit=True):
    times = []
    last = None
    for _ in range(repeat):
        start = time.perf_counter()
        last = subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=clean_environment())
        times.append(time.perf_counter() - start)
        if check_exit and last.returncode != 0:
            sys.stderr.write(last.stdout[-4000:] + last.stderr[-4000:])
            raise SystemExit(f"command failed ({last.returncode}): {' '.join(command[:6])} ...")
    return statistics.median(times), last


def package_folder():
    return os.environ.get("NUGET_PACKAGES") or os.path.join(os.path.expanduser("~"), ".nuget", "packages")


def engine_command(engine, folder, assembly, connection):
    """What ValidateMigrations.EngineArguments gives the engine for an EF Core project (its JSON-lines protocol)."""
    sources = os.path.join(folder, "obj", "migrations.efcore.sources")
    write(sources, "".join(os.path.join(root, n) + "\n" for root, _, names in os.walk(folder)
                           if "/bin" not in root and "/obj" not in root for n in names if n.endswith(".cs")))
    command = [*engine, "check", "--migrations", os.path.join(folder, "Migrations"), "--format", "json",
               "--downgrade", "all", "--report-dir", os.path.join(folder, "obj", "migrations"),
               "--project-file", os.path.join(folder, "Bench.csproj"),
               "--source", "efcore", "--ef-assembly", assembly, "--ef-project", os.path.join(folder, "Bench.csproj"),
               "--ef-sources", sources, "--ef-bridge", BRIDGE, "--ef-packages", package_folder()]
    if connection:
        command += ["--connection", connection]
    return command


def bridge_command(folder, assembly):
    stem = assembly[:-len(".dll")]
    return ["dotnet", "exec", "--depsfile", stem + ".deps.json", "--runtimeconfig", stem + ".runtimeconfig.json",
            "--roll-forward", "Major", "--additionalprobingpath", package_folder(), BRIDGE,
            "--assembly", assembly, "--output", os.path.join(folder, "obj", "bridge.json"),
            "--project-dir", folder, "--project", os.path.join(folder, "Bench.csproj")]


def install_dotnet_ef(version, tools):
    tool = os.path.join(tools, "dotnet-ef")
    if not os.path.exists(tool):
        subprocess.run(["dotnet", "tool", "install", "dotnet-ef", "--version", version, "--tool-path", tools],
                       check=True, stdout=subprocess.DEVNULL)
    return tool


def postgres_available():
    try:
        run_bench.postgres_bindir()
        return True
    except SystemExit:
        return False


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--migrations", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--dialects", default="sqlite,postgres")
    parser.add_argument("--ef-version", default="10.0.15")
    parser.add_argument("--engine", help="an engine already built (default: build the one the package runs here)")
    args = parser.parse_args()

    # The commands run in the app's folder: a relative engine path is made absolute first.
    engine = [os.path.abspath(p) if os.path.exists(p) else p for p in args.engine.split()] if args.engine else run_bench.build_engine()
    if not os.path.exists(BRIDGE):
        subprocess.run(["dotnet", "build", os.path.join(ROOT, "src", "Migrations.EfBridge"), "-c", "Release", "--nologo", "-v:q"], check=True)
    tools = os.path.join(ROOT, "artifacts", "bench-tools", f"ef-{args.ef_version}")
    dotnet_ef = install_dotnet_ef(args.ef_version, tools)

    rows = []
    for dialect in args.dialects.split(","):
        if dialect == "postgres" and not postgres_available():
            print("postgres: skipped, no initdb/pg_ctl on this machine (bash scripts/install-postgres.sh)")
            continue
        folder = tempfile.mkdtemp(prefix=f"mb-efbench-{dialect}-")
        cluster = None
        try:
            assembly = generate_app(folder, dialect, args.ef_version, args.migrations, dotnet_ef)
            connection = None
            if dialect == "postgres":
                cluster = run_bench.ThrowawayCluster().start()
                connection = cluster.connection
            ef_time, _ = median_of(args.repeat, [dotnet_ef, "migrations", "has-pending-model-changes", "--no-build"], folder)
            check_time, last = median_of(args.repeat, engine_command(engine, folder, assembly, connection), folder)
            bridge_time, _ = median_of(args.repeat, bridge_command(folder, assembly), folder)
            summary = next((json.loads(line)["message"] for line in last.stdout.splitlines() if line.startswith('{"type":"summary"')), "")
            rows.append((dialect, ef_time, check_time, bridge_time, summary))
            print(f"{dialect}: has-pending-model-changes {ef_time:.2f} s, whole check {check_time:.2f} s "
                  f"(ratio {check_time / ef_time:.2f}), bridge alone {bridge_time:.2f} s ({bridge_time / check_time:.0%} of the check)",
                  flush=True)
        finally:
            if cluster is not None:
                cluster.stop()
            shutil.rmtree(folder, ignore_errors=True)

    print()
    print(f"{args.migrations} EF Core {args.ef_version} migrations, median of {args.repeat}")
    print(f"{'dialect':<9} {'ef pending s':>12} {'check s':>8} {'ratio':>6} {'bridge s':>9} {'bridge share':>13}")
    for dialect, ef_time, check_time, bridge_time, summary in rows:
        print(f"{dialect:<9} {ef_time:>12.2f} {check_time:>8.2f} {check_time / ef_time:>6.2f} {bridge_time:>9.2f} {bridge_time / check_time:>13.0%}")
        if summary:
            print(f"          {summary[:160]}")


if __name__ == "__main__":
    main()
