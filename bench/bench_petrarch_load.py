"""Load time of the PETRARCH-2 Phoenix dictionary set through coder.petrarch, and what it gave.

Reads PETRARCH's own PETR_config.ini from ../shared/peers (nothing is copied into coder).
Usage: python bench/bench_petrarch_load.py [--repeat N] [--ini PATH] [--issues N]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from coder.petrarch import load_petrarch_config

PEERS = Path(__file__).resolve().parents[1].parent / "shared" / "peers"
DEFAULT_INI = PEERS / "petrarch2" / "petrarch2" / "data" / "config" / "PETR_config.ini"
PICO_DIR = PEERS / "UniversalPetrarch" / "UniversalPetrarch" / "data" / "dictionaries"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=3, help="loads to time (default 3; the best is reported)")
    ap.add_argument("--ini", type=Path, default=DEFAULT_INI, help="a PETR_config.ini (default: petrarch2's)")
    ap.add_argument("--issues", type=int, default=0, help="print the first N load issues")
    args = ap.parse_args()
    if not args.ini.is_file():
        sys.exit(f"no PETRARCH config at {args.ini} (../shared/peers is needed)")
    times = []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        ps = load_petrarch_config(args.ini, extra_dirs=[PICO_DIR])
        times.append(time.perf_counter() - t0)
    print(f"load: best {min(times):.2f} s, mean {sum(times) / len(times):.2f} s over {len(times)} loads")
    for key, value in sorted(ps.stats.items()):
        print(f"  {value:>7}  {key}")
    by_file = Counter(Path(i.source).name for i in ps.load_issues)
    print("load issues by file: " + ", ".join(f"{k} {v}" for k, v in by_file.most_common()))
    for issue in ps.load_issues[:args.issues]:
        print("  " + issue.message)


if __name__ == "__main__":
    main()
