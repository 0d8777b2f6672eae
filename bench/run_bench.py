#!/usr/bin/env python3
"""Benchmark: the engine's whole-process time for a full check, as a ratio to the bare DDL.

    python3 bench/run_bench.py [--sizes 50,200,1000] [--dialect sqlite|postgres] [--repeat 3]

For each N it generates a workload with ../shared/bench/gen_workload.py (golang-migrate layout + schema.sql),
then times, best of --repeat runs:
  * baseline (sqlite):   sqlite3 executing every up, then every down (newest first), once, in one in-memory process;
  * baseline (postgres): psql executing, for each migration, up, down and up again, in one session (ON_ERROR_STOP) on a
                         fresh database created (untimed) before each run;
  * engine:              `Migrations.Build check --migrations DIR --model DIR/schema.sql` (all downgrade proofs),
                         whole process, including start-up and the scratch databases; the engine the package runs on
                         this machine (the native one on linux-x64, else the portable one on the dotnet host).
and prints the ratio engine / baseline. Not a test: nothing here asserts a time.

PostgreSQL: without --psql the script starts a throwaway cluster itself (initdb -A trust into a temp folder, a private
Unix socket, fsync off; as root through `runuser -u postgres`), gives the engine
`--connection "Host=<socket dir>;Username=postgres;Database=postgres"` so neither side pays for a cluster start, and
stops and deletes the cluster at the end. The cluster lives in RAM (/dev/shm) where there is one, so that both sides
are measured doing their work rather than waiting for the disk to create files (every table, index and database is a
set of files: on the development VM creating a file under /tmp took 0.3-0.7 ms, in RAM 6 us, and the psql baseline
varied between 0.4 and 1.3 s from one run to the next); --disk puts it in the temp folder instead.
"""
import argparse
import glob
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# The shared generator sits beside the repository (../shared), or two levels up from a worktree (wt/<name>).
GENERATOR = next((p for p in (os.path.join(ROOT, *[".."] * up, "shared", "bench", "gen_workload.py") for up in (1, 2))
                  if os.path.exists(p)), os.path.join(ROOT, "..", "shared", "bench", "gen_workload.py"))
ENGINE_DIR = os.path.join(ROOT, "artifacts", "bench-engine")


def build_engine():
    """Publishes the engine the package runs on this machine: the native one on linux-x64, else the portable one."""
    shutil.rmtree(ENGINE_DIR, ignore_errors=True)
    if sys.platform.startswith("linux") and platform.machine() in ("x86_64", "AMD64"):
        subprocess.run(["dotnet", "publish", os.path.join(ROOT, "src", "Migrations.Build"), "-c", "Release", "-f", "net10.0",
                        "-r", "linux-x64", "-p:PublishAot=true", "-o", ENGINE_DIR, "--nologo", "-v:q"], check=True)
        return [os.path.join(ENGINE_DIR, "Migrations.Build")]
    subprocess.run(["dotnet", "publish", os.path.join(ROOT, "src", "Migrations.Build"), "-c", "Release", "-f", "net8.0",
                    "-p:UseAppHost=false", "-o", ENGINE_DIR, "--nologo", "-v:q"], check=True)
    return ["dotnet", os.path.join(ENGINE_DIR, "Migrations.Build.dll")]


def generate(n, dialect, folder):
    subprocess.run([sys.executable, GENERATOR, str(n), "--dialect", dialect, "--out", folder], check=True,
                   stdout=subprocess.DEVNULL)
    migrations = os.path.join(folder, "migrations")
    ups = sorted(f for f in os.listdir(migrations) if f.endswith(".up.sql"))
    return migrations, [os.path.join(migrations, f) for f in ups]


def best_of(repeat, command, stdin_text=None, env=None):
    best = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = subprocess.run(command, input=stdin_text, capture_output=True, text=True, env=env)
        elapsed = time.perf_counter() - start
        if result.returncode not in (0,):
            sys.stderr.write(result.stdout[-3000:] + result.stderr[-3000:])
            raise SystemExit(f"command failed ({result.returncode}): {' '.join(command[:4])} ...")
        best = elapsed if best is None else min(best, elapsed)
    return best


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def sqlite_baseline(ups, repeat):
    downs = [u.replace(".up.sql", ".down.sql") for u in ups]
    script = "".join(read(u) + "\n;\n" for u in ups) + "".join(read(d) + "\n;\n" for d in reversed(downs))
    return best_of(repeat, ["sqlite3", ":memory:"], stdin_text=script)


def postgres_script(ups):
    parts = []
    for up in ups:
        down = up.replace(".up.sql", ".down.sql")
        parts += [read(up), read(down), read(up)]
    return "\n;\n".join(parts) + "\n;\n"


def postgres_baseline(ups, repeat, psql_args, fresh_database=None):
    """Best of `repeat` psql runs; with `fresh_database` (a function returning psql arguments for a new empty
    database, created outside the timing) each run gets its own database."""
    script = postgres_script(ups)
    best = None
    for _ in range(repeat):
        args = fresh_database() if fresh_database else psql_args
        elapsed = best_of(1, [psql_binary(), "-X", "-q", "-v", "ON_ERROR_STOP=1", *args], stdin_text=script)
        best = elapsed if best is None else min(best, elapsed)
    return best


def postgres_bindir():
    candidates = []
    try:
        candidates.append(subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True, check=True).stdout.strip())
    except (OSError, subprocess.CalledProcessError):
        pass
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda d: int(d.split("/")[-2]), reverse=True)
    for folder in candidates:
        if os.path.exists(os.path.join(folder, "initdb")):
            return folder
    raise SystemExit("no PostgreSQL server binaries (initdb) found: install postgresql or pass --psql/--connection")


def psql_binary():
    found = shutil.which("psql")
    return found or os.path.join(postgres_bindir(), "psql")


class ThrowawayCluster:
    """initdb + pg_ctl start in a temp folder, reachable only through a private Unix socket; deleted on stop."""

    def __init__(self, on_disk=False):
        self.bindir = postgres_bindir()
        ram = "/dev/shm"
        in_ram = not on_disk and os.path.isdir(ram) and os.access(ram, os.W_OK) and shutil.disk_usage(ram).free > 2 << 30
        self.root = tempfile.mkdtemp(prefix="mb-bench-pg-", dir=ram if in_ram else None)
        self.data = os.path.join(self.root, "data")
        self.socket = os.path.join(self.root, "sock")
        os.makedirs(self.socket)
        self.as_server = []
        if os.geteuid() == 0:  # the server refuses to run as root
            subprocess.run(["chown", "-R", "postgres:postgres", self.root], check=True)
            os.chmod(self.root, 0o755)
            self.as_server = ["runuser", "-u", "postgres", "--"]
        self.databases = 0

    def start(self):
        self._run("initdb", "-D", self.data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8")
        options = (f"-k {self.socket} -c listen_addresses='' -c fsync=off -c synchronous_commit=off "
                   "-c full_page_writes=off")
        self._run("pg_ctl", "-D", self.data, "-l", os.path.join(self.root, "server.log"), "-w", "-o", options, "start")
        return self

    def psql(self, database, sql):
        subprocess.run([psql_binary(), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", self.socket, "-U", "postgres",
                        "-d", database, "-c", sql], check=True, capture_output=True)

    def fresh_database(self):
        """Drops the previous baseline database and creates an empty one; returns psql arguments for it."""
        if self.databases:
            self.psql("postgres", f"DROP DATABASE bench_{self.databases}")
        self.databases += 1
        self.psql("postgres", f"CREATE DATABASE bench_{self.databases}")
        return ["-h", self.socket, "-U", "postgres", "-d", f"bench_{self.databases}"]

    @property
    def connection(self):
        return f"Host={self.socket};Username=postgres;Database=postgres"

    def stop(self):
        try:
            self._run("pg_ctl", "-D", self.data, "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def _run(self, tool, *args):
        subprocess.run([*self.as_server, os.path.join(self.bindir, tool), *args], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="50,200,1000")
    parser.add_argument("--dialect", default="sqlite", choices=["sqlite", "postgres"])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--connection", help="PostgreSQL server for the engine (else it starts its own cluster)")
    parser.add_argument("--disk", action="store_true", help="the throwaway cluster in the temp folder, not in RAM")
    parser.add_argument("--psql", default="", help="psql connection arguments for the postgres baseline, e.g. '-h /tmp/pg -d bench' "
                        "(the database must be empty; without it a throwaway cluster is started)")
    args = parser.parse_args()

    engine = build_engine()
    cluster = None
    if args.dialect == "postgres" and not args.psql:
        cluster = ThrowawayCluster(on_disk=args.disk).start()
        print(f"throwaway cluster in {cluster.root}")
    try:
        print(f"{'N':>6} {'baseline s':>11} {'engine s':>9} {'ratio':>6}")
        for n in (int(s) for s in args.sizes.split(",")):
            folder = tempfile.mkdtemp(prefix=f"mb-bench-{n}-")
            try:
                migrations, ups = generate(n, args.dialect, folder)
                connection = args.connection
                if args.dialect == "sqlite":
                    baseline = sqlite_baseline(ups, args.repeat)
                    provider = "Sqlite"
                elif cluster is not None:
                    baseline = postgres_baseline(ups, args.repeat, [], cluster.fresh_database)
                    connection = connection or cluster.connection
                    provider = "PostgreSql"
                else:
                    baseline = postgres_baseline(ups, args.repeat, args.psql.split())
                    provider = "PostgreSql"
                command = [*engine, "check", "--migrations", migrations, "--model",
                           os.path.join(folder, "schema.sql"), "--provider", provider]
                if connection:
                    command += ["--connection", connection]
                engine_time = best_of(args.repeat, command)
                print(f"{n:>6} {baseline:>11.3f} {engine_time:>9.3f} {engine_time / baseline:>6.2f}", flush=True)
            finally:
                shutil.rmtree(folder, ignore_errors=True)
    finally:
        if cluster is not None:
            cluster.stop()

if __name__ == "__main__":
    main()
