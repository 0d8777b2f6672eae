#!/usr/bin/env python3
"""Cancel and kill trials: does a check leave anything behind, and how long does a Ctrl+C take?

    python3 bench/cancel_trials.py [--ctrl-c N] [--kill M] [--engine DLL]     defaults: 20, 10

Runs N Ctrl+C trials and M SIGKILL trials at random moments, each half on a running server (a cluster this script
starts in a folder of its own, given with --connection) and half on the engine's temporary cluster (no connection
string: initdb and pg_ctl are part of what gets interrupted). The migrations are a 120-migration history ending in
`SELECT pg_sleep(600)`, so every run is still busy when the signal comes, whatever the moment: start-up, the sweep,
CREATE DATABASE, initdb, a migration or the sleep. Ctrl+C is SIGINT to the engine's process group, as a terminal sends
it. Then one more check runs on each (the "next run", which must sweep what the killed ones left), and the script
prints the orphans found after it (scratch databases on the server, temporary clusters and their server processes of
the trials' engines: all must be 0) and the longest time from Ctrl+C to exit. Not a test: it asserts nothing, but
exits 1 when an orphan is left. Linux, with the PostgreSQL server binaries (scripts/install-postgres.sh).
"""
import argparse
import glob
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_ENGINE = os.path.join(ROOT, "src/Migrations.Build/bin/Release/net8.0/Migrations.Build.dll")


def bin_dir():
    for path in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if os.path.exists(os.path.join(path, "initdb")):
            return path
    sys.exit("No PostgreSQL server binaries (run scripts/install-postgres.sh).")


def as_server_account(command):
    return ["runuser", "-u", "postgres", "--"] + command if os.geteuid() == 0 else command


def start_server(folder):
    """A cluster of this script's own, reached through a Unix socket in its folder."""
    binaries = bin_dir()
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
    data = os.path.join(folder, "data")
    subprocess.run(as_server_account([f"{binaries}/initdb", "-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C"]),
                   check=True, stdout=subprocess.DEVNULL, cwd=folder)
    subprocess.run(as_server_account([f"{binaries}/pg_ctl", "start", "-w", "-D", data, "-l", os.path.join(folder, "log"),
                                      "-o", f"-k {folder} -c listen_addresses='' -c fsync=off -c max_connections=100"]),
                   check=True, stdout=subprocess.DEVNULL, cwd=folder)
    return data


def stop_server(data):
    subprocess.run(as_server_account([f"{bin_dir()}/pg_ctl", "stop", "-m", "immediate", "-D", data]), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def scratch_databases(socket_folder):
    out = subprocess.run([f"{bin_dir()}/psql", "-h", socket_folder, "-U", "postgres", "-d", "postgres", "-Atc",
                          "SELECT datname FROM pg_database WHERE datname LIKE 'migrations_build_%'"],
                         capture_output=True, text=True, check=True).stdout
    return [line for line in out.splitlines() if line]


def write_workspace(folder, sleeping):
    migrations = os.path.join(folder, "Migrations")
    os.makedirs(migrations)
    count = 120 if sleeping else 3
    for i in range(1, count + 1):
        parent = f",\n    parent_id INTEGER REFERENCES t{i - 1} (id)" if i > 1 else ""
        with open(os.path.join(migrations, f"{i:04}_t{i}.up.sql"), "w") as up:
            up.write(f"CREATE TABLE t{i} (\n    id INTEGER PRIMARY KEY,\n    name VARCHAR(40) NOT NULL DEFAULT ''{parent}\n);\nCREATE INDEX ix_t{i}_name ON t{i} (name);\n")
        with open(os.path.join(migrations, f"{i:04}_t{i}.down.sql"), "w") as down:
            down.write(f"DROP INDEX ix_t{i}_name;\nDROP TABLE t{i};\n")
    if sleeping:
        with open(os.path.join(migrations, f"{count + 1:04}_wait.up.sql"), "w") as up:
            up.write("SELECT pg_sleep(600);\n")
        with open(os.path.join(migrations, f"{count + 1:04}_wait.down.sql"), "w") as down:
            down.write("SELECT 1;\n")
    return migrations


def engine_command(engine, migrations, connection):
    command = ["dotnet", engine, "check", "--migrations", migrations, "--provider", "PostgreSql", "--format", "json"]
    return command + (["--connection", connection] if connection else [])


def environment():
    env = dict(os.environ, MIGRATIONS_POSTGRES_CLUSTER="temporary", DOTNET_NOLOGO="1", DOTNET_CLI_TELEMETRY_OPTOUT="1")
    env.pop("MIGRATIONS_CONNECTION_STRING", None)
    return env


def trial(engine, migrations, connection, how, latest):
    """Starts a check, signals it at a random moment, returns (pid, exit code, seconds from the signal to the exit)."""
    process = subprocess.Popen(engine_command(engine, migrations, connection), stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, env=environment(), start_new_session=True)
    time.sleep(random.uniform(0.05, latest))
    signalled = time.monotonic()
    if process.poll() is None:
        if how == "ctrl-c":
            os.killpg(process.pid, signal.SIGINT)  # the whole foreground group, as a terminal does
        else:
            process.kill()  # SIGKILL to the engine alone
    try:
        code = process.wait(timeout=120)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        code = process.wait()
    return process.pid, code, time.monotonic() - signalled


def owned_clusters(pids):
    """Temporary cluster folders whose owner file names one of the trials' engines, with their server processes."""
    folders = []
    for folder in glob.glob("/tmp/mb-pg-*") + glob.glob(os.path.join(tempfile.gettempdir(), "mb-pg-*")):
        try:
            with open(os.path.join(folder, "owner")) as owner:
                pid = int(owner.read().split()[0])
        except (OSError, ValueError, IndexError):
            continue
        if pid in pids:
            folders.append(folder)
    processes = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/cmdline", "rb") as cmdline:
                    text = cmdline.read().replace(b"\0", b" ").decode(errors="replace")
            except OSError:
                continue
            if any(folder in text for folder in folders):
                processes.append(text)
    return sorted(set(folders)), processes


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ctrl-c", type=int, default=20)
    parser.add_argument("--kill", type=int, default=10)
    parser.add_argument("--engine", default=DEFAULT_ENGINE)
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args()
    if not os.path.exists(args.engine):
        subprocess.run(["dotnet", "build", os.path.join(ROOT, "src/Migrations.Build"), "-c", "Release", "-f", "net8.0", "-v:q", "--nologo"], check=True)
    random.seed(args.seed)

    work = tempfile.mkdtemp(prefix="mb-cancel-trials-")
    os.chmod(work, 0o755)
    server_folder = os.path.join(work, "server")
    os.makedirs(server_folder)
    data = start_server(server_folder)
    connection = f"Host={server_folder};Port=5432;Username=postgres;Database=postgres"
    sleeping = write_workspace(os.path.join(work, "sleeping"), sleeping=True)
    healthy = write_workspace(os.path.join(work, "healthy"), sleeping=False)
    try:
        pids, cancel_times, results = set(), [], []
        # A run reaches the sleep after ~1-3 s on a server and ~3-8 s with a temporary cluster (initdb, pg_ctl first).
        plan = [("ctrl-c", target) for target in ("server", "cluster") for _ in range((args.ctrl_c + (target == "server")) // 2)]
        plan += [("kill", target) for target in ("server", "cluster") for _ in range((args.kill + (target == "server")) // 2)]
        random.shuffle(plan)
        for number, (how, target) in enumerate(plan, 1):
            pid, code, seconds = trial(args.engine, sleeping, connection if target == "server" else None, how, 3.0 if target == "server" else 8.0)
            pids.add(pid)
            results.append((how, target, code))
            if how == "ctrl-c":
                cancel_times.append(seconds)
            print(f"trial {number:2}/{len(plan)}: {how:6} on the {target:7}: exit {code:4} after {seconds * 1000:6.0f} ms", flush=True)

        print("next run on the server:", subprocess.run(engine_command(args.engine, healthy, connection), env=environment(), stdout=subprocess.DEVNULL).returncode)
        print("next run on a temporary cluster:", subprocess.run(engine_command(args.engine, healthy, None), env=environment(), stdout=subprocess.DEVNULL).returncode)

        databases = scratch_databases(server_folder)
        folders, processes = owned_clusters(pids)
        cancelled = [code for how, _, code in results if how == "ctrl-c"]
        print(f"Ctrl+C trials: {len(cancelled)}, exit 130: {sum(1 for c in cancelled if c == 130)}, other exits: {sorted(c for c in cancelled if c != 130)}")
        print(f"SIGKILL trials: {sum(1 for how, _, _ in results if how == 'kill')}")
        print(f"longest Ctrl+C to exit: {max(cancel_times, default=0) * 1000:.0f} ms (median {sorted(cancel_times)[len(cancel_times) // 2] * 1000 if cancel_times else 0:.0f} ms)")
        print(f"orphans after the next run: {len(databases)} scratch database(s) on the server, {len(folders)} temporary cluster folder(s), {len(processes)} server process(es)")
        for leftover in databases + folders + processes:
            print("  left:", leftover)
        return 1 if databases or folders or processes else 0
    finally:
        stop_server(data)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
