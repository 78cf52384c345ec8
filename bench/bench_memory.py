"""Peak memory of a whole `coder code` run on 1x and 10x the same corpus (streaming keeps it flat).

Runs the CLI in a child process per size and reads its peak resident memory (ru_maxrss).
Usage: python bench/bench_memory.py [--copies 20] [--parsed]   (--parsed: code a parse cache, no parser)
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpus import REPO, write_corpus  # noqa: E402


def peak_of(cmd: list[str]) -> tuple[float, float, str]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.perf_counter()
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1]
    elapsed = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(after, before) / 1024, elapsed, out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--copies", type=int, default=10, help="size of the base corpus in copies of the bundled one")
    ap.add_argument("--parsed", action="store_true", help="measure coding from a parse cache (no parser)")
    args = ap.parse_args()
    coder = str(Path(sys.executable).with_name("coder"))
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for factor in (1, 10):
            corpus = tmp / f"corpus{factor}.jsonl"
            docs = write_corpus(corpus, args.copies * factor)
            if args.parsed:
                subprocess.run([coder, "parse", str(corpus), "-o", str(tmp / f"p{factor}"), "--parser", "spacy",
                                "--no-progress"], check=True, capture_output=True)
                cmd = [coder, "code", "--parsed", str(tmp / f"p{factor}"), "-o", str(tmp / f"e{factor}.parquet"),
                       "--workers", "1", "--no-progress"]
            else:
                cmd = [coder, "code", str(corpus), "-o", str(tmp / f"e{factor}.parquet"), "--parser", "spacy",
                       "--workers", "1", "--no-progress"]
            # ru_maxrss of RUSAGE_CHILDREN is the largest child so far: run the small size first
            peak, elapsed, line = peak_of(cmd)
            print(f"{factor:>2}x ({docs} documents): peak memory {peak:.0f} MiB, {elapsed:.1f} s; {line}")


if __name__ == "__main__":
    main()
