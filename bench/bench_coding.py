"""Coding throughput given parses (one process, shipped dictionaries), and dictionary load time.

Prints sentences per second for the coding step alone (matching + event rows), excluding parsing.
Usage: python bench/bench_coding.py [--repeat N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpus import parsed_documents  # noqa: E402

from coder.coding import code_document  # noqa: E402
from coder.config import CoderConfig  # noqa: E402
from coder.dictset import load_dictionary_set  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=100, help="passes over the parsed corpus (default 100)")
    args = ap.parse_args()
    t0 = time.perf_counter()
    dicts = load_dictionary_set()
    load = time.perf_counter() - t0
    docs = parsed_documents()
    config = CoderConfig(default_date=dt.date(2023, 5, 1))
    n_sent = sum(len(d.sentences) for d in docs)
    for d in docs:  # warm-up
        code_document(d, dicts, config)
    events = 0
    t0 = time.perf_counter()
    for _ in range(args.repeat):
        for d in docs:
            events += len(code_document(d, dicts, config).events)
    elapsed = time.perf_counter() - t0
    total = n_sent * args.repeat
    print(f"dictionaries: {len(dicts.actors.entries)} actor entries, {len(dicts.verbs.patterns)} patterns; "
          f"load {load:.2f} s")
    print(f"coding: {total} sentences, {events} events in {elapsed:.2f} s = {total / elapsed:.0f} sentences/s (one process)")


if __name__ == "__main__":
    main()
