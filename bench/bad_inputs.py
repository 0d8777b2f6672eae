#!/usr/bin/env python3
"""Runs the bad-input corpus (tests/Migrations.Build.Tests/TestData/BadInputs/<case>/) against the built engine and
prints the figures: inputs, clear errors, stack traces, internal errors, hangs.

A clear error: exit code 1 or 2, the case's expected MIG code, no MIG9001, no stack trace, the case's file named.
Each case folder holds the files of a workspace and case.txt (see the folder's README.md). Usage:

    python3 bench/bad_inputs.py [--engine PATH/Migrations.Build.dll] [--record] [--verbose] [CASE...]

--record writes the observed code and exit code into each case.txt (to review before committing).
"""
import argparse, json, os, re, shutil, socket, subprocess, sys, tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(REPO, "tests", "Migrations.Build.Tests", "TestData", "BadInputs")
DEFAULT_ENGINE = os.path.join(REPO, "src", "Migrations.Build", "bin", "Release", "net8.0", "Migrations.Build.dll")
STACK_FRAME = re.compile(r"^\s+at \S", re.M)
CODE = re.compile(r"\b(MIG\d{4})\b")
TIMEOUT = 90


def read_case(folder):
    spec = {"expect": None, "exit": None, "file": None, "args": [], "env": {}, "make": []}
    with open(os.path.join(folder, "case.txt"), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            key, _, value = line.partition(": ")
            if key == "args":
                spec["args"] = json.loads(value)
            elif key == "env":
                name, _, val = value.partition("=")
                spec["env"][name] = val
            elif key == "make":
                spec["make"].append(value)
            else:
                spec[key] = value
    return spec


def make(workspace, directive, sockets):
    kind, _, rest = directive.partition(" ")
    if kind == "rename":
        safe, real = json.loads(rest)
        os.rename(os.path.join(workspace, safe), os.path.join(workspace, real))
        return
    if kind == "rawname":
        name, _, content = rest.partition(" ")
        raw = os.path.join(workspace.encode(), name.encode().decode("unicode_escape").encode("latin-1"))
        with open(raw, "wb") as f:
            f.write(content.encode() + b"\n")
        return
    if kind == "chmod":
        mode, _, path = rest.partition(" ")
        os.chmod(os.path.join(workspace, path), int(mode, 8))
        return
    path, _, argument = rest.partition(" ")
    target = os.path.join(workspace, path)
    os.makedirs(os.path.dirname(target), exist_ok=True)
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "socket":
        s = socket.socket(socket.AF_UNIX)
        s.bind(target)
        sockets.append(s)
    elif kind == "link":
        os.symlink(argument, target)
    elif kind == "sparse":
        with open(target, "wb") as f:
            f.truncate(int(argument))
    else:
        raise SystemExit(f"unknown make directive: {directive}")


def run_case(engine, folder):
    spec = read_case(folder)
    workspace = tempfile.mkdtemp(prefix="migrations-bad-input-")
    os.chmod(workspace, 0o755)
    sockets = []
    try:
        for entry in os.listdir(folder):
            if entry == "case.txt":
                continue
            source, target = os.path.join(folder, entry), os.path.join(workspace, entry)
            (shutil.copytree if os.path.isdir(source) else shutil.copy)(source, target)
        keep = os.path.join(workspace, "Migrations", ".keep")
        if os.path.exists(keep):
            os.remove(keep)
        for directive in spec["make"]:
            make(workspace, directive, sockets)
        arguments = ["check"] + ([] if "--migrations" in spec["args"] else ["--migrations", "Migrations"]) + spec["args"]
        command = ["dotnet", engine] + arguments
        environment = {k: v for k, v in os.environ.items() if k not in ("MIGRATIONS_CONNECTION_STRING", "GITHUB_STEP_SUMMARY")}
        environment.update(spec["env"])
        environment.setdefault("DOTNET_NOLOGO", "1")
        if any(d.startswith("chmod ") for d in spec["make"]) and os.geteuid() == 0:
            # Root reads every file: drop to nobody so that permissions apply.
            command = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"] + command
            environment.update(HOME="/tmp", DOTNET_CLI_HOME="/tmp")
        try:
            done = subprocess.run(command, cwd=workspace, env=environment, capture_output=True, timeout=TIMEOUT, stdin=subprocess.DEVNULL)
            exit_code, text = done.returncode, done.stdout.decode("utf-8", "replace") + "\n" + done.stderr.decode("utf-8", "replace")
        except subprocess.TimeoutExpired as e:
            exit_code, text = None, (e.stdout or b"").decode("utf-8", "replace")
        return spec, exit_code, text, workspace
    finally:
        for s in sockets:
            s.close()
        for root, dirs, _ in os.walk(workspace):
            for d in dirs:
                try:
                    os.chmod(os.path.join(root, d), 0o755)
                except OSError:
                    pass
        shutil.rmtree(workspace, ignore_errors=True)


def judge(spec, exit_code, text, workspace):
    """The problems of one run (empty: a clear error)."""
    problems = []
    codes = CODE.findall(text)
    if exit_code is None:
        return ["hang: no exit within %d s" % TIMEOUT]
    if exit_code not in (1, 2):
        problems.append(f"exit code {exit_code}")
    if "MIG9001" in codes or exit_code == 3:
        problems.append("internal error")
    if STACK_FRAME.search(text) or "Exception" in text:
        problems.append("stack trace")
    if not any(c != "MIG9001" for c in codes):
        problems.append("no MIG code")
    if spec["expect"] not in (None, "?") and spec["expect"] not in codes:
        problems.append(f"expected {spec['expect']}, got {sorted(set(codes))}")
    if spec["file"]:
        named = [os.path.join(workspace, spec["file"]), spec["file"], os.path.basename(spec["file"])]
        if not any(n in text for n in named):
            problems.append(f"{spec['file']} not named")
    return problems


def first_error_code(text):
    for line in text.splitlines():
        m = re.search(r": error (MIG\d{4}):", line)
        if m and m.group(1) != "MIG9001":
            return m.group(1)
    codes = [c for c in CODE.findall(text) if c != "MIG9001"]
    return codes[0] if codes else "?"


def first_error_file(text, workspace):
    """The file of the first error line, relative to the workspace (None: the error names no file)."""
    for line in text.splitlines():
        m = re.match(r"^(.*)\(\d+,\d+\): error (MIG\d{4}):", line)
        if m and m.group(1).startswith(workspace + "/"):
            return m.group(1)[len(workspace) + 1:]
    return None


def record(folder, exit_code, text, workspace):
    path = os.path.join(folder, "case.txt")
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    lines = [f"expect: {first_error_code(text)}" if l.startswith("expect:") else f"exit: {exit_code}" if l.startswith("exit:") else l for l in lines]
    named = first_error_file(text, workspace)
    lines = [l for l in lines if not l.startswith("file:")]
    if named:
        lines.insert(2, f"file: {named}")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--engine", default=DEFAULT_ENGINE)
    parser.add_argument("--corpus", default=CORPUS)
    parser.add_argument("--record", action="store_true")
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("cases", nargs="*")
    options = parser.parse_args()
    if not os.path.exists(options.engine):
        raise SystemExit(f"No engine at {options.engine}: build it first (dotnet build src/Migrations.Build -c Release).")
    names = options.cases or sorted(n for n in os.listdir(options.corpus) if os.path.isfile(os.path.join(options.corpus, n, "case.txt")))
    clear = stack = internal = hangs = 0
    failed = []
    for name in names:
        folder = os.path.join(options.corpus, name)
        spec, exit_code, text, workspace = run_case(options.engine, folder)
        if options.record:
            record(folder, exit_code, text, workspace)
            spec = read_case(folder)
        problems = judge(spec, exit_code, text, workspace)
        clear += not problems
        stack += "stack trace" in problems
        internal += "internal error" in problems
        hangs += exit_code is None
        if problems:
            failed.append((name, problems, text))
        if options.verbose:
            print(f"{name}: exit {exit_code} {first_error_code(text)} {'ok' if not problems else '; '.join(problems)}")
    for name, problems, text in failed:
        print(f"NOT CLEAR {name}: {'; '.join(problems)}")
        print("    " + "\n    ".join(text.strip().splitlines()[:6]))
    print(f"inputs: {len(names)}, clear errors: {clear}, stack traces: {stack}, internal errors: {internal}, hangs: {hangs}")
    return 0 if clear == len(names) else 1


if __name__ == "__main__":
    sys.exit(main())
