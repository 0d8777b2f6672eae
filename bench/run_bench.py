#!/usr/bin/env python3
"""Benchmark: the engine's whole-process time for a full check, as a ratio to the bare DDL.

    python3 bench/run_bench.py [--sizes 50,200,1000] [--dialect sqlite|postgres] [--repeat 3]

For each N it generates a workload with ../shared/bench/gen_workload.py (golang-migrate layout + schema.sql),
then times, best of --repeat runs:
  * baseline (sqlite):   sqlite3 executing every up, then every down (newest first), once, in one in-memory process;
  * baseline (postgres): psql executing, for each migration, up, down and up again, in one session on a fresh database;
  * engine:              `dotnet Migrations.Build.dll check --migrations DIR --model DIR/schema.sql` (all downgrade proofs),
                         whole process, including .NET start-up and the scratch databases.
and prints the ratio engine / baseline. Not a test: nothing here asserts a time.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GENERATOR = os.path.join(ROOT, "..", "shared", "bench", "gen_workload.py")
ENGINE_DIR = os.path.join(ROOT, "artifacts", "bench-engine")


def build_engine():
    subprocess.run(["dotnet", "publish", os.path.join(ROOT, "src", "Migrations.Build"), "-c", "Release",
                    "-o", ENGINE_DIR, "--nologo", "-v:q"], check=True)
    return os.path.join(ENGINE_DIR, "Migrations.Build.dll")


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


def postgres_baseline(ups, repeat, psql_args):
    parts = []
    for up in ups:
        down = up.replace(".up.sql", ".down.sql")
        parts += [read(up), read(down), read(up)]
    script = "\\set ON_ERROR_STOP on\n" + "\n;\n".join(parts) + "\n;\n"
    return best_of(repeat, ["psql", "-q", *psql_args], stdin_text=script)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="50,200,1000")
    parser.add_argument("--dialect", default="sqlite", choices=["sqlite", "postgres"])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--connection", help="PostgreSQL server for the engine (else it starts its own cluster)")
    parser.add_argument("--psql", default="", help="psql connection arguments for the postgres baseline, e.g. '-h /tmp/pg -d bench'")
    args = parser.parse_args()

    engine = build_engine()
    print(f"{'N':>6} {'baseline s':>11} {'engine s':>9} {'ratio':>6}")
    for n in (int(s) for s in args.sizes.split(",")):
        folder = tempfile.mkdtemp(prefix=f"mb-bench-{n}-")
        try:
            migrations, ups = generate(n, args.dialect, folder)
            if args.dialect == "sqlite":
                baseline = sqlite_baseline(ups, args.repeat)
                provider = "Sqlite"
            else:
                baseline = postgres_baseline(ups, args.repeat, args.psql.split())
                provider = "PostgreSql"
            command = ["dotnet", engine, "check", "--migrations", migrations, "--model",
                       os.path.join(folder, "schema.sql"), "--provider", provider]
            if args.connection:
                command += ["--connection", args.connection]
            engine_time = best_of(args.repeat, command)
            print(f"{n:>6} {baseline:>11.3f} {engine_time:>9.3f} {engine_time / baseline:>6.2f}", flush=True)
        finally:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
