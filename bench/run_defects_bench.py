#!/usr/bin/env python3
"""Benchmark: what defective downs and scripts with their own transactions cost the engine's full check.

    python3 bench/run_defects_bench.py [-n 200] [-k 10] [--dialect sqlite,postgres] [--repeat 3] [--no-build]

For each dialect it generates the workload with ../shared/bench/gen_workload.py N --defects K (which lists the broken
migrations in defects.txt) and the same history without defects, then times the engine's whole process (as
run_bench.py does, best of --repeat) on four variants of the history:
  * healthy:             the history without defects;
  * defects:             the same history with the K defective downs;
  * own-tx:              the healthy history with every up and down file wrapped in BEGIN; ... COMMIT; (the engine runs
                         such scripts outside its own transaction);
  * own-tx defects:      the same, with the defects;
and the bare DDL (run_bench.py's baseline). It prints each time and the ratios the issue sets: defects / healthy
(<= 1.25), own-tx / healthy (<= 2), healthy / DDL (SQLite <= 1, PostgreSQL <= 2). It also checks, from the engine's
`--format json` diagnostics, that the migrations with findings are exactly those in defects.txt, each with a
downgrade finding (MIG4xxx) and none reported twice (it prints how many findings each variant had), and that the healthy variants have none; a mismatch ends the script with an error. Not a test:
nothing here asserts a time.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

import run_bench

VARIANTS = ("healthy", "defects", "own-tx", "own-tx defects")


def generate(n, dialect, folder, defects):
    args = [sys.executable, run_bench.GENERATOR, str(n), "--dialect", dialect, "--out", folder]
    subprocess.run(args + (["--defects", str(defects)] if defects else []), check=True, stdout=subprocess.DEVNULL)
    return os.path.join(folder, "migrations")


def own_transactions(migrations, folder):
    """A copy of the history whose every up and down file manages its own transaction."""
    copy = os.path.join(folder, "migrations-own-tx")
    os.makedirs(copy)
    for name in os.listdir(migrations):
        body = run_bench.read(os.path.join(migrations, name)).rstrip()
        if body and not body.endswith(";"):
            body += ";"
        with open(os.path.join(copy, name), "w", encoding="utf-8") as f:
            f.write(f"BEGIN;\n{body}\nCOMMIT;\n" if body else "BEGIN;\nCOMMIT;\n")
    return copy


def listed_defects(folder):
    with open(os.path.join(folder, "defects.txt"), encoding="utf-8") as f:
        return sorted(line.split()[0] for line in f if line.strip())


def run_engine(command, repeat):
    """Best time of `repeat` runs, and the downgrade findings of the last one by migration version."""
    best, findings = None, None
    for _ in range(repeat):
        start = time.perf_counter()
        result = subprocess.run(command, capture_output=True, text=True)
        elapsed = time.perf_counter() - start
        if result.returncode not in (0, 1):
            sys.stderr.write(result.stdout[-3000:] + result.stderr[-3000:])
            raise SystemExit(f"engine failed ({result.returncode})")
        best = elapsed if best is None else min(best, elapsed)
        findings = {}
        for line in result.stdout.splitlines():
            try:
                item = json.loads(line)
            except ValueError:
                continue
            if item.get("type") != "diagnostic" or item.get("severity") == "info":
                continue
            version = re.match(r"\d+", os.path.basename(item.get("file", "")))
            if version is None:
                raise SystemExit(f"finding without a migration: {item['code']}: {item['message']}")
            findings.setdefault(version.group(0), []).append((item["code"], item.get("line"), item["message"]))
    return best, findings


def check_findings(variant, findings, expected):
    reported = sorted(findings)
    if reported != expected:
        raise SystemExit(f"{variant}: the engine reported {reported}, defects.txt lists {expected}")
    # An empty down is also a history warning (MIG1010), and a down run outside a transaction that leaves something
    # behind also makes its up fail again (MIG4006): each defect has a downgrade finding, none is reported twice.
    wrong = {v: found for v, found in findings.items()
             if not any(code.startswith("MIG4") for code, _, _ in found) or len(set(found)) != len(found)}
    if wrong:
        raise SystemExit(f"{variant}: no downgrade finding or one reported twice: {wrong}")
    return sum(len(found) for found in findings.values())


def bench_dialect(dialect, n, k, repeat, engine, cluster):
    folder = tempfile.mkdtemp(prefix=f"mb-bench-defects-{dialect}-")
    try:
        healthy = generate(n, dialect, os.path.join(folder, "healthy"), 0)
        broken_folder = os.path.join(folder, "defects")
        broken = generate(n, dialect, broken_folder, k)
        expected = listed_defects(broken_folder)
        histories = {"healthy": (healthy, []), "defects": (broken, expected),
                     "own-tx": (own_transactions(healthy, os.path.join(folder, "healthy")), []),
                     "own-tx defects": (own_transactions(broken, broken_folder), expected)}
        ups = sorted(os.path.join(healthy, f) for f in os.listdir(healthy) if f.endswith(".up.sql"))
        if dialect == "sqlite":
            baseline = run_bench.sqlite_baseline(ups, repeat)
            provider, connection = "Sqlite", None
        else:
            baseline = run_bench.postgres_baseline(ups, repeat, [], cluster.fresh_database)
            provider, connection = "PostgreSql", cluster.connection
        times, counts = {}, {}
        for variant in VARIANTS:
            migrations, defects = histories[variant]
            command = [*engine, "check", "--migrations", migrations, "--model",
                       os.path.join(folder, "healthy", "schema.sql"), "--provider", provider, "--format", "json"]
            if connection:
                command += ["--connection", connection]
            times[variant], findings = run_engine(command, repeat)
            counts[variant] = check_findings(variant, findings, defects)
        return baseline, times, counts
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("-n", type=int, default=200)
    parser.add_argument("-k", type=int, default=10, help="defective downs")
    parser.add_argument("--dialect", default="sqlite,postgres")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-build", action="store_true", help="use the engine published by the last run")
    parser.add_argument("--disk", action="store_true", help="the throwaway cluster in the temp folder, not in RAM")
    args = parser.parse_args()

    engine = ([os.path.join(run_bench.ENGINE_DIR, "Migrations.Build")] if args.no_build else run_bench.build_engine())
    dialects = args.dialect.split(",")
    cluster = run_bench.ThrowawayCluster(on_disk=args.disk).start() if "postgres" in dialects else None
    try:
        print(f"N={args.n} K={args.k} best of {args.repeat}; load average {os.getloadavg()[0]:.2f}")
        print(f"{'dialect':>8} {'DDL s':>7} " + " ".join(f"{v + ' s':>15}" for v in VARIANTS)
              + f" {'defects/healthy':>15} {'own-tx/healthy':>14} {'healthy/DDL':>11}")
        for dialect in dialects:
            baseline, t, counts = bench_dialect(dialect, args.n, args.k, args.repeat, engine, cluster)
            print(f"{dialect:>8} {baseline:>7.3f} " + " ".join(f"{t[v]:>15.3f}" for v in VARIANTS)
                  + f" {t['defects'] / t['healthy']:>15.2f} {t['own-tx'] / t['healthy']:>14.2f}"
                  + f" {t['healthy'] / baseline:>11.2f}   findings: {counts}", flush=True)
        print(f"load average at the end {os.getloadavg()[0]:.2f}")
    finally:
        if cluster is not None:
            cluster.stop()


if __name__ == "__main__":
    main()
