"""How long opening a data file takes, next to a bare JSON parse of the same file, in one run.

    python -m bench.open [--data FILE] [--contacts 30000] [--runs 5] [--profile]

``open_store`` is timed on a copy of the file (it takes the lock and makes a backup, as the app
does); beside it, ``orjson.loads`` and ``json.loads`` of the same bytes and, phase by phase, what
``open_store`` does: parse the file, then build the records. Prints medians and the ratio of
``open_store`` to ``orjson.loads`` (target: ≤ 1.0 s and ≤ 2× at 30k). ``--profile`` adds a
cProfile of one ``open_store``, top 15 by own time.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import json
import pstats
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import orjson

from bench.generate import bench_data_file
from storage import open_store
from storage.durable import load_tables


def main() -> None:
    """Run the benchmark and print its table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--data', type=Path, default=None, help='a data file to open (a copy of it)')
    parser.add_argument('--contacts', type=int, default=30_000, help='network size without --data')
    parser.add_argument('--runs', type=int, default=5)
    parser.add_argument('--profile', action='store_true', help='also print a cProfile of one open_store')
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix='careernet-bench-open-') as folder:
        path = Path(folder) / 'careernet.json'
        bench_data_file(path, args.data, args.contacts)
        run(path, args.runs, args.profile)


def run(path: Path, runs: int, profile: bool) -> dict[str, float]:
    """Time every phase ``runs`` times; print and return the medians in seconds."""
    raw = path.read_bytes()
    timings: dict[str, Callable[[], object]] = {
        'orjson.loads(file)': lambda: orjson.loads(path.read_bytes()),
        'json.loads(file)': lambda: json.loads(path.read_bytes()),
        'load_tables (parse + checks)': lambda: load_tables(path),
        'open_store (everything)': lambda: open_store(path).close(),
    }
    medians = {name: median_seconds(action, runs) for name, action in timings.items()}
    print(f'{path.name}: {len(raw) / 1e6:.1f} MB, median of {runs} runs')
    for name, seconds in medians.items():
        print(f'  {name:<30} {seconds * 1000:8.0f} ms')
    ratio = medians['open_store (everything)'] / medians['orjson.loads(file)']
    print(f'  open_store / orjson.loads      {ratio:8.2f}×   (target ≤ 2×, open_store ≤ 1000 ms)')
    if profile:
        profiler = cProfile.Profile()
        profiler.enable()
        open_store(path).close()
        profiler.disable()
        pstats.Stats(profiler).sort_stats('tottime').print_stats(15)
    return medians


def median_seconds(action: Callable[[], object], runs: int) -> float:
    """The median wall time of ``action`` over ``runs`` calls, each after a full collection."""
    samples = []
    for _ in range(runs):
        gc.collect()
        started = time.perf_counter()
        action()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


if __name__ == '__main__':
    main()
