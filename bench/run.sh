#!/usr/bin/env bash
# The benchmark of SPEC §9, side by side in one run, on one generated corpus:
# answerlint check (cold and warm results cache, and without it), a
# parse-only pass, markdownlint-cli2 with its default rules, peak memory, and
# a pre-commit run (one staged answer in a 5,000-answer repository) against
# `git diff --cached --name-only`. Prints medians and the ratios the targets
# are stated in.
#
#   bench/run.sh [N] [RUNS]     N answers (10000), RUNS timed runs each (5)
#
# Environment:
#   ANSWERLINT        the binary (build/release/answerlint)
#   BENCH_PARSE       the parse-only binary (answerlint_bench_parse next to ANSWERLINT)
#   BENCH_DIR         scratch folder: corpora, npm install, caches (/tmp/answerlint-bench)
#   MDL_VERSION       markdownlint-cli2 version, installed there with npm (0.24.1)
#   MDL_RUNS          timed markdownlint-cli2 runs (3; each takes most of a minute)
#   SKIP_MDL=1        leave markdownlint-cli2 out (no network, no node)
#
# Nothing is written in the checkout. Timings are wall-clock medians; the
# machine should be otherwise idle. Answer files are dated an hour back after
# generation, as a real portfolio's are: a file modified in the last two
# seconds is re-read by the next run, by the cache's racy-file rule.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
export BENCH_ROOT=$root
export ANSWERLINT=${ANSWERLINT:-$root/build/release/answerlint}
export BENCH_PARSE=${BENCH_PARSE:-$(dirname "$ANSWERLINT")/answerlint_bench_parse}
export BENCH_DIR=${BENCH_DIR:-/tmp/answerlint-bench}
export MDL_VERSION=${MDL_VERSION:-0.24.1}
export MDL_RUNS=${MDL_RUNS:-3}
export SKIP_MDL=${SKIP_MDL:-0}

for tool in python3 git /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "bench/run.sh: $tool is missing (apt-get install python3 git time)" >&2; exit 2; }
done
for binary in "$ANSWERLINT" "$BENCH_PARSE"; do
  [ -x "$binary" ] || { echo "bench/run.sh: $binary is missing: build first (cmake --build --preset release)" >&2; exit 2; }
done

exec python3 - "$@" <<'PY'
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.environ["BENCH_ROOT"]
ANSWERLINT = os.environ["ANSWERLINT"]
PARSE = os.environ["BENCH_PARSE"]
WORK = os.environ["BENCH_DIR"]
MDL_VERSION = os.environ["MDL_VERSION"]
MDL_RUNS = int(os.environ["MDL_RUNS"])
SKIP_MDL = os.environ["SKIP_MDL"] == "1"
N = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
RUNS = int(sys.argv[2]) if len(sys.argv) > 2 else 5
SEED = 42
STAGED_N = 5000
FAST_RUNS = 31  # the staged comparison: millisecond runs, more samples

GIT_ENV = dict(os.environ, GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL="/dev/null",
               GIT_AUTHOR_NAME="bench", GIT_AUTHOR_EMAIL="bench@example.com",
               GIT_COMMITTER_NAME="bench", GIT_COMMITTER_EMAIL="bench@example.com")
# Outside a repository the results cache goes to $XDG_CACHE_HOME/answerlint.
XDG = os.path.join(WORK, "xdg")
LINT_ENV = dict(GIT_ENV, XDG_CACHE_HOME=XDG, NO_COLOR="1")


def die(message):
    print(f"bench/run.sh: {message}", file=sys.stderr)
    sys.exit(2)


def run_once(cmd, cwd, env, ok=(0, 1)):
    """Wall seconds and CPU seconds (user + system) of one run, output discarded."""
    # stderr to a file, not a pipe: markdownlint-cli2 reports there, and a
    # full pipe would stop it.
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode not in ok:
            err.seek(0)
            text = err.read().decode(errors="replace")
            die(f"{' '.join(cmd)} exited with {proc.returncode}:\n{text[-2000:]}")
    return elapsed, usage.ru_utime + usage.ru_stime


def medians(cmd, cwd, env, runs, before=None, ok=(0, 1)):
    """Median wall seconds and median CPU seconds."""
    walls, cpus = [], []
    for _ in range(runs):
        if before:
            before()
        wall, cpu = run_once(cmd, cwd, env, ok)
        walls.append(wall)
        cpus.append(cpu)
    return statistics.median(walls), statistics.median(cpus)


def median_of(cmd, cwd, env, runs, before=None, ok=(0, 1)):
    return medians(cmd, cwd, env, runs, before, ok)[0]


def peak_rss_mib(cmd, cwd, env):
    """Maximum resident set size as /usr/bin/time -v reports it."""
    out = subprocess.run(["/usr/bin/time", "-v"] + cmd, cwd=cwd, env=env,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True).stderr
    found = re.search(r"Maximum resident set size \(kbytes\): (\d+)", out)
    if not found:
        die(f"/usr/bin/time -v printed no maximum resident set size:\n{out[-2000:]}")
    return int(found.group(1)) / 1024


def age(folder):
    """Dates every file an hour back, like a portfolio written earlier."""
    past = time.time() - 3600
    for dirpath, _, names in os.walk(folder):
        for name in names:
            os.utime(os.path.join(dirpath, name), (past, past))


def corpus(n):
    folder = os.path.join(WORK, f"corpus-{n}-{SEED}")
    if not os.path.isdir(folder):
        tmp = folder + ".tmp"
        shutil.rmtree(tmp, ignore_errors=True)
        subprocess.run([sys.executable, os.path.join(ROOT, "bench/gen_corpus.py"), tmp, str(n),
                        str(SEED)], check=True)
        age(tmp)
        os.rename(tmp, folder)
    return folder


def corpus_bytes(folder):
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(folder) for f in fs)


def markdownlint():
    prefix = os.path.join(WORK, f"npm-markdownlint-cli2-{MDL_VERSION}")
    binary = os.path.join(prefix, "node_modules/.bin/markdownlint-cli2")
    if not os.path.exists(binary):
        subprocess.run(["npm", "install", "--prefix", prefix, "--no-save", "--no-audit",
                        "--no-fund", "--loglevel=error", f"markdownlint-cli2@{MDL_VERSION}"],
                       check=True)
    return binary


def staged_repo():
    """A 5,000-answer repository with one changed answer staged."""
    repo = os.path.join(WORK, f"repo-{STAGED_N}-{SEED}")
    if not os.path.isdir(os.path.join(repo, ".git")):
        shutil.rmtree(repo, ignore_errors=True)
        shutil.copytree(corpus(STAGED_N), repo)
        for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "answers"]):
            subprocess.run(["git"] + args, cwd=repo, env=GIT_ENV, check=True)
        subprocess.run(["git", "gc", "-q"], cwd=repo, env=GIT_ENV, check=True)
        target = os.path.join(repo, "behavioral/group-00/answer-00000.md")
        if not os.path.exists(target):
            target = next(os.path.join(d, f) for d, _, fs in os.walk(repo)
                          if ".git" not in d for f in fs if f.endswith(".md"))
        with open(target, "a", encoding="utf-8") as out:
            out.write("\nI also wrote the runbook, and pages fell from 9 to 2 a month.\n")
        subprocess.run(["git", "add", target], cwd=repo, env=GIT_ENV, check=True)
    return repo


def staged_target(repo):
    """The staged answer's path."""
    names = subprocess.run(["git", "diff", "--cached", "--name-only"], cwd=repo, env=GIT_ENV,
                           check=True, capture_output=True, text=True).stdout.split()
    return os.path.join(repo, names[0])


def edit_and_stage(target, counter=[0]):
    """A new line in the staged answer, staged: its blob is new to the cache,
    as in a real commit."""
    counter[0] += 1
    with open(target, "a", encoding="utf-8") as out:
        out.write(f"\nOn run {counter[0]} the p95 fell from {counter[0] + 300} ms to 90 ms.\n")
    subprocess.run(["git", "add", target], cwd=os.path.dirname(target), env=GIT_ENV, check=True)


def mb(n):
    return n / 1e6


def verdict(ok):
    return "met" if ok else "MISSED"


def main():
    os.makedirs(WORK, exist_ok=True)
    cores = os.cpu_count()
    folder = corpus(N)
    size = corpus_bytes(folder)
    version = subprocess.run([ANSWERLINT, "--version"], capture_output=True, text=True).stdout.strip()
    load = os.getloadavg()[0]
    print(f"{version} on {N} generated answers ({mb(size):.1f} MB), {cores} cores, "
          f"load average {load:.2f} at start; medians of {RUNS} runs")
    if load > 0.5 * cores:
        print("warning: the machine is busy: timings will be high and noisy")

    cache = os.path.join(XDG, "answerlint")
    clear = lambda: shutil.rmtree(cache, ignore_errors=True)
    check = [ANSWERLINT, "check", "."]
    rows = []

    mdl = None
    if not SKIP_MDL:
        mdl_run = medians([markdownlint(), "**/*.md"], folder, LINT_ENV, MDL_RUNS)
        mdl = mdl_run[0]
        rows.append((f"markdownlint-cli2 {MDL_VERSION} (default rules)", mdl_run))

    def measure(name, cmd, before=None, ok=(0, 1)):
        result = medians(cmd, folder, LINT_ENV, RUNS, before, ok)
        rows.append((name, result))
        return result[0]

    no_cache = measure("answerlint check --no-cache", check + ["--no-cache"])
    # The cache as each cold run leaves it: cleared before each, kept after the last.
    cold = measure("answerlint check, cold cache", check, before=clear)
    warm = measure("answerlint check, warm cache", check)
    one_core = measure("answerlint check --no-cache -j1", check + ["--no-cache", "-j1"])
    measure("parse only (answerlint_bench_parse)", [PARSE, "."], ok=(0,))
    measure("parse only -j1", [PARSE, "-j", "1", "."], ok=(0,))
    memory_plain = peak_rss_mib(check + ["--no-cache"], folder, LINT_ENV)
    clear()
    memory_cold = peak_rss_mib(check, folder, LINT_ENV)

    repo = staged_repo()
    git_diff = median_of(["git", "diff", "--cached", "--name-only"], repo, GIT_ENV, FAST_RUNS,
                         ok=(0,))
    staged_plain = median_of([ANSWERLINT, "check", "--staged", "--no-cache"], repo, LINT_ENV,
                             FAST_RUNS)
    # The cache as earlier runs leave it: results and the spelling memo.
    run_once([ANSWERLINT, "check", "-q", "."], repo, LINT_ENV)
    target = staged_target(repo)
    staged_new = median_of([ANSWERLINT, "check", "--staged"], repo, LINT_ENV, FAST_RUNS,
                           before=lambda: edit_and_stage(target))
    staged_cached = median_of([ANSWERLINT, "check", "--staged"], repo, LINT_ENV, FAST_RUNS)

    print()
    print(f"{'':44}{'median':>10}{'MB/s':>9}{'CPU':>10}")
    for name, (seconds, cpu) in rows:
        print(f"{name:44}{seconds:>9.3f}s{mb(size) / seconds:>9.1f}{cpu:>9.3f}s")
    print(f"{'git diff --cached --name-only (5,000 files)':44}{git_diff * 1000:>8.1f}ms")
    print(f"{'answerlint check --staged --no-cache':44}{staged_plain * 1000:>8.1f}ms")
    print(f"{'answerlint check --staged, new answer':44}{staged_new * 1000:>8.1f}ms")
    print(f"{'answerlint check --staged (warm cache)':44}{staged_cached * 1000:>8.1f}ms")
    print(f"{'peak memory, check --no-cache':44}{memory_plain:>8.1f} MiB")
    print(f"{'peak memory, check (cold cache)':44}{memory_cold:>8.1f} MiB")

    print()
    print("targets (SPEC §9):")
    if mdl is not None:
        for name, seconds in (("cold cache", cold), ("--no-cache", no_cache)):
            ratio = mdl / seconds
            print(f"  {ratio:6.1f}x faster than markdownlint-cli2 ({name}); target >= 50x: "
                  f"{verdict(ratio >= 50)}")
    per_core = mb(size) / one_core
    print(f"  {per_core:6.1f} MB/s per core, full rule set with spelling (-j1); target >= 20: "
          f"{verdict(per_core >= 20)}")
    share = warm / cold
    print(f"  {100 * share:6.1f}% warm cache / cold; target < 10%: {verdict(share < 0.10)}")
    peak = max(memory_plain, memory_cold)
    print(f"  {peak:6.1f} MiB peak memory; target < 100 MB (95.4 MiB): "
          f"{verdict(peak * 1024 * 1024 < 100e6)}")
    for name, seconds in (("--no-cache", staged_plain), ("new answer", staged_new),
                          ("warm cache", staged_cached)):
        ratio = seconds / git_diff
        print(f"  {ratio:6.1f}x git diff --cached --name-only, one staged answer ({name}); "
              f"target <= 3x: {verdict(ratio <= 3)}")


main()
PY
