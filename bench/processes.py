"""Whole-process measurement shared by the benchmarks: wall time and peak RSS of a command.

The peak is read with wait4 from a small launcher process: Linux keeps a process's
high-water mark of memory across exec, so a command started from the benchmark's own
(large) process would report the benchmark's peak, not its own.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

LAUNCHER = """
import os, sys, time
start = time.perf_counter()
pid = os.posix_spawn(sys.argv[1], sys.argv[1:], os.environ,
                     file_actions=[(os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0)])
_, status, usage = os.wait4(pid, 0)
print(time.perf_counter() - start, usage.ru_maxrss, os.waitstatus_to_exitcode(status),
      usage.ru_utime + usage.ru_stime)
"""


def run_once(
    command: list[str], env: dict[str, str] | None = None, ok: tuple[int, ...] = (0,)
) -> tuple[float, int]:
    """Wall seconds and peak RSS in bytes of one run of a command whose exit code is in `ok`."""
    elapsed, _, rss = run_timed(command, env, ok)
    return elapsed, rss


def run_timed(
    command: list[str], env: dict[str, str] | None = None, ok: tuple[int, ...] = (0,)
) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (user + system: less moved by other work than the clock)
    and peak RSS in bytes of one run of a command whose exit code is in `ok`."""
    path = env.get("PATH") if env is not None else None
    program = shutil.which(command[0], path=path) or command[0]
    done = subprocess.run(
        [sys.executable, "-c", LAUNCHER, program, *command[1:]],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    elapsed, rss, code, cpu = done.stdout.split()
    if int(code) not in ok:
        raise SystemExit(f"{' '.join(command[:4])} ... exited {code}: {done.stderr}")
    return float(elapsed), float(cpu), int(rss) * 1024


def figures_from_checkout(script: str, checkout: Path, options: list[str]) -> dict[str, Any]:
    """The figures a benchmark script prints with --json, measured in a fresh process that
    imports the `exporter` of another checkout (an earlier commit, say)."""
    if not (checkout / "exporter" / "__init__.py").is_file():
        # else the child silently imports the installed procex and measures it against itself
        raise SystemExit(f"{checkout}: no procex checkout there (no exporter/__init__.py)")
    command = [sys.executable, str(Path(script).resolve()), *options, "--json"]
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.splitlines()[-1])
