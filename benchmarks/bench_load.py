"""Loading time against PyYAML's C loader, reported as ratios (never asserted).

    python benchmarks/bench_load.py [PARTNERSHIPS]

Writes a generated region of PARTNERSHIPS files (default 150) to a temporary folder,
then times (a) PyYAML's C safe loader parsing every file, and (b)
``safeguarding_model.load`` of the folder: reading, structuring into the model and
resolving every reference. It also loads a third and two thirds of the region to
show that the time per partnership stays flat (linear growth).
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).parent))

from region import write_region

from safeguarding_model import load


def best_of(repeats: int, action: Callable[[], object]) -> float:
    """The fastest of several runs, in seconds."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def parse_only(paths: list[Path]) -> None:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    for path in paths:
        yaml.load(path.read_text(encoding="utf-8"), Loader=loader)


def main(count: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        sizes = sorted({max(1, count // 3), max(1, 2 * count // 3), count})
        print("partnerships  files(MB)  yaml C parse(s)  load(s)  ratio  load per partnership(ms)")
        for size in sizes:
            folder = Path(tmp) / f"region-{size}"
            paths = write_region(size, folder)
            megabytes = sum(p.stat().st_size for p in paths) / 1e6
            parse = best_of(3, partial(parse_only, paths))
            full = best_of(3, partial(load, folder))
            print(
                f"{size:>12}  {megabytes:>9.1f}  {parse:>15.3f}  {full:>7.3f}  "
                f"{full / parse:>5.2f}  {1000 * full / size:>24.2f}"
            )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 150)
