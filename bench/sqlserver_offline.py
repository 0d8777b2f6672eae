#!/usr/bin/env python3
"""Benchmark: the SQL Server add-on's offline check of a 200-migration T-SQL history with a 100-object model.

    python3 bench/sqlserver_offline.py [--migrations 200] [--objects 100] [--repeat 5] [--no-build]

Without a server the add-on runs every offline check: the history, each up and down split into GO batches and parsed
with ScriptDom, and the model (a SQL-project style folder, one object per file) loaded into DacFx and validated. The
script generates the history and the model (deterministic), publishes nothing: it runs the add-on and the engine from
their Release build output (`dotnet build -c Release` first, unless --no-build), and times, median of --repeat runs,
whole processes:
  * sqlite:            the plain engine (`Migrations.Build.dll`) on a SQLite history of the same size: what a
                       SQLite check costs, to show it pays nothing for SQL Server (the engine has no DacFx reference);
  * sqlserver, no model: the add-on with the history only (start-up + ScriptDom);
  * sqlserver, model:  the add-on with the history and the model (start-up + ScriptDom + DacFx).
It prints the times, DacFx's share (model - no model, as a share of the whole), and each as a ratio to the SQLite
check. Not a test: nothing here asserts a time.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ADD_ON = os.path.join(ROOT, "src", "Migrations.Build.SqlServer", "bin", "Release", "net8.0", "Migrations.Build.SqlServer.dll")
ENGINE = os.path.join(ROOT, "src", "Migrations.Build", "bin", "Release", "net8.0", "Migrations.Build.dll")


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def tables_for(objects):
    """Half of the model's objects are tables, the rest their indexes and views (one of each per two tables)."""
    return max(1, objects // 2)


def generate_sqlserver(root, migrations, objects):
    """Migration 1 creates the schema; then each table gets a create migration and, while migrations remain, an
    index or column migration; the model holds the end state, one object per file."""
    history = os.path.join(root, "Migrations")
    model = os.path.join(root, "Database")
    tables = tables_for(objects)
    steps = [("schema", None)]
    steps += [("table", t) for t in range(tables)]
    extra = 0
    while len(steps) < migrations:
        t = extra % tables
        steps.append(("index" if extra < tables else "column", t))
        extra += 1
    steps = steps[:migrations]

    indexed = set(t for kind, t in steps if kind == "index")
    widened = set(t for kind, t in steps if kind == "column")
    for number, (kind, t) in enumerate(steps, start=1):
        name = f"{number:04d}_{kind}_{t if t is not None else 'app'}"
        if kind == "schema":
            up, down = "CREATE SCHEMA app;\nGO\n", "DROP SCHEMA app;\nGO\n"
        elif kind == "table":
            references = f",\n    parent_id int NULL CONSTRAINT fk_t{t}_parent REFERENCES app.t{t - 1} (id)" if t > 0 else ""
            up = (f"CREATE TABLE app.t{t}\n(\n    id int IDENTITY (1, 1) NOT NULL CONSTRAINT pk_t{t} PRIMARY KEY,\n"
                  f"    name nvarchar(200) NOT NULL CONSTRAINT df_t{t}_name DEFAULT (N''),\n"
                  f"    amount decimal(12, 2) NOT NULL CONSTRAINT ck_t{t}_amount CHECK (amount >= 0){references}\n);\nGO\n")
            down = f"DROP TABLE app.t{t};\nGO\n"
        elif kind == "index":
            up = f"CREATE INDEX ix_t{t}_name ON app.t{t} (name) INCLUDE (amount);\nGO\n"
            down = f"DROP INDEX ix_t{t}_name ON app.t{t};\nGO\n"
        else:
            up = f"ALTER TABLE app.t{t} ADD note nvarchar(max) NULL;\nGO\n"
            down = f"ALTER TABLE app.t{t} DROP COLUMN note;\nGO\n"
        write(os.path.join(history, f"{name}.up.sql"), up)
        write(os.path.join(history, f"{name}.down.sql"), down)

    write(os.path.join(model, "Security", "app.sql"), "CREATE SCHEMA app;\n")
    count = 1
    for t in range(tables):
        note = ",\n    note nvarchar(max) NULL" if t in widened else ""
        references = f",\n    parent_id int NULL CONSTRAINT fk_t{t}_parent REFERENCES app.t{t - 1} (id)" if t > 0 else ""
        table = (f"CREATE TABLE app.t{t}\n(\n    id int IDENTITY (1, 1) NOT NULL CONSTRAINT pk_t{t} PRIMARY KEY,\n"
                 f"    name nvarchar(200) NOT NULL CONSTRAINT df_t{t}_name DEFAULT (N''),\n"
                 f"    amount decimal(12, 2) NOT NULL CONSTRAINT ck_t{t}_amount CHECK (amount >= 0){references}{note}\n);\n")
        if t in indexed:
            table += f"GO\nCREATE INDEX ix_t{t}_name ON app.t{t} (name) INCLUDE (amount);\n"
        write(os.path.join(model, "Tables", f"t{t}.sql"), table)
        count += 1
    view = 0
    while count < objects:
        write(os.path.join(model, "Views", f"v{view}.sql"),
              f"CREATE VIEW app.v{view} AS SELECT id, name FROM app.t{view % tables} WHERE amount > {view};\n")
        view += 1
        count += 1
    return history, model, len(steps), count


def generate_sqlite(root, migrations):
    history = os.path.join(root, "Migrations")
    for number in range(1, migrations + 1):
        name = f"{number:04d}_t{number}"
        write(os.path.join(history, f"{name}.up.sql"),
              f"CREATE TABLE t{number} (id INTEGER PRIMARY KEY, name TEXT NOT NULL DEFAULT '', amount NUMERIC NOT NULL CHECK (amount >= 0));\n")
        write(os.path.join(history, f"{name}.down.sql"), f"DROP TABLE t{number};\n")
    return history


def timed(command, repeat):
    """Median wall time of whole runs; every run must pass (exit 0), else the figures would time a failure."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run = subprocess.run(command, capture_output=True, text=True)
        times.append(time.perf_counter() - start)
        if run.returncode != 0:
            sys.exit(f"failed (exit {run.returncode}): {' '.join(command)}\n{run.stdout}{run.stderr}")
    return statistics.median(times), run.stdout


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--migrations", type=int, default=200)
    parser.add_argument("--objects", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-build", action="store_true")
    args = parser.parse_args()

    if not args.no_build:
        for project in ("Migrations.Build.SqlServer", "Migrations.Build"):
            subprocess.run(["dotnet", "build", os.path.join(ROOT, "src", project), "-c", "Release", "--nologo", "-v:q"], check=True)
    for path in (ADD_ON, ENGINE):
        if not os.path.exists(path):
            sys.exit(f"not built: {path} (run without --no-build)")

    work = tempfile.mkdtemp(prefix="migrations-sqlserver-bench-")
    try:
        history, model, steps, objects = generate_sqlserver(os.path.join(work, "sqlserver"), args.migrations, args.objects)
        sqlite_history = generate_sqlite(os.path.join(work, "sqlite"), args.migrations)
        # Offline on purpose: a developer's own server must not turn this into a server check.
        os.environ.pop("MIGRATIONS_CONNECTION_STRING", None)

        sqlite, _ = timed(["dotnet", ENGINE, "check", "--migrations", sqlite_history, "--provider", "Sqlite"], args.repeat)
        bare, _ = timed(["dotnet", ADD_ON, "check", "--migrations", history, "--provider", "SqlServer"], args.repeat)
        full, output = timed(["dotnet", ADD_ON, "check", "--migrations", history, "--provider", "SqlServer", "--model", model], args.repeat)
        summary = next((line for line in output.splitlines() if line.startswith("Migrations:")), output.strip().splitlines()[-1])

        print(f"SQL Server offline check: {steps} migrations (T-SQL, GO batches), model of {objects} objects "
              f"(a folder, one object per file); median of {args.repeat} whole runs")
        print(f"  sqlite check, {args.migrations} migrations (plain engine)  {sqlite:6.2f} s   1.00x")
        print(f"  sqlserver, no model (ScriptDom)              {bare:6.2f} s   {bare / sqlite:.2f}x")
        print(f"  sqlserver, with model (ScriptDom + DacFx)    {full:6.2f} s   {full / sqlite:.2f}x")
        print(f"  DacFx's share of the full check: {full - bare:.2f} s ({(full - bare) / full:.0%})")
        print(f"  last run said: {summary}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
