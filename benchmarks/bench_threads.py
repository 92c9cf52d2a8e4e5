"""Full-build time by torch thread count, on an idle machine and with every core busy.

Usage::

    python benchmarks/bench_threads.py [--threads 1 2] [--out benchmarks/results/bench_threads.json]

Each run is a fresh ``kzcorpus build`` subprocess (``--threads N``) into a temporary data
root made from the shipped inputs, so torch starts cold each time. "Busy" runs start one
pure-Python busy loop per core first (the situation of a CI machine or a laptop running a
test suite), stopped after the run. The outputs are the same whatever the thread count
(the golden build test checks them byte for byte); only the time changes.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _burn(stop: mp.synchronize.Event) -> None:  # type: ignore[name-defined]
    while not stop.is_set():
        sum(i * i for i in range(10_000))


def timed_build(threads: int) -> float:
    from kzcorpus.build import copy_inputs

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        copy_inputs(REPO, root)
        cmd = [sys.executable, "-m", "kzcorpus.cli", "build", "--root", str(root), "--quiet", "--threads", str(threads)]
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        return time.perf_counter() - t0


def run(threads: int, busy: bool) -> float:
    if not busy:
        return timed_build(threads)
    stop = mp.Event()
    burners = [mp.Process(target=_burn, args=(stop,)) for _ in range(os.cpu_count() or 1)]
    for b in burners:
        b.start()
    try:
        return timed_build(threads)
    finally:
        stop.set()
        for b in burners:
            b.join()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--threads", nargs="+", type=int, default=[1, 2])
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args(argv)
    rows = []
    for busy in (False, True):
        for n in args.threads:
            row = {"threads": n, "cores_busy": busy, "full_build_seconds": round(run(n, busy), 1)}
            rows.append(row)
            print(json.dumps(row), flush=True)
    report = {
        "machine": {"cpu_count": os.cpu_count(), "platform": platform.platform(), "python": sys.version.split()[0]},
        "runs": rows,
    }
    if args.out:
        args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
