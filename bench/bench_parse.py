"""Parsing throughput: sentences per second for the parser alone (default: spaCy, one process).

Usage: python bench/bench_parse.py [--parser spacy|stanza] [--copies N]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpus import texts  # noqa: E402

from coder.parsers import ParserConfig, make_parser  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--parser", default="spacy")
    ap.add_argument("--copies", type=int, default=5, help="times the bundled corpus is parsed (default 5)")
    ap.add_argument("--device", default="cpu")
    args = ap.parse_args()
    t0 = time.perf_counter()
    parser = make_parser(ParserConfig(name=args.parser, device=args.device))
    load = time.perf_counter() - t0
    docs = [r["text"] for r in texts()] * args.copies
    parser.parse_texts(docs[:2])  # warm-up
    t0 = time.perf_counter()
    parsed = parser.parse_texts(docs)
    elapsed = time.perf_counter() - t0
    n = sum(len(p) for p in parsed)
    print(f"parser {parser.name}: load {load:.2f} s")
    print(f"parsing: {len(docs)} documents, {n} sentences in {elapsed:.2f} s = {n / elapsed:.0f} sentences/s")


if __name__ == "__main__":
    main()
