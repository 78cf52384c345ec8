"""The held-out measure (issue 4): coder's OWN shipped dictionaries on the PETRARCH-2 GSR records.

The 78 records of UniversalPetrarch's PETR2_GSR_validation.xml are hand-checked codings of
real news sentences that coder's dictionaries were not built from. Each record is coded
from its CoNLL-U parse (default) or, with --parser spacy|stanza, from its text; events are
compared per sentence at (source root, target root, CAMEO root): root = the first three
characters of an actor code, the first two digits of a CAMEO code. An extra event costs
precision exactly as a missed one costs recall (see docs/validation.md).

Usage: python bench/evaluate_gsr.py [--parser conllu|spacy|stanza] [--file GSR.xml] [--show]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from coder.config import CoderConfig  # noqa: E402
from coder.dictset import load_dictionary_set  # noqa: E402
from coder.validation import UNKNOWN_ACTOR, read_validation_file, run_validation, score_roots  # noqa: E402

GSR = REPO.parent / "shared" / "peers" / "UniversalPetrarch" / "UniversalPetrarch" / "data" / "text" / "PETR2_GSR_validation.xml"


def _known(triples):
    return {t for t in triples if UNKNOWN_ACTOR not in t[0] and UNKNOWN_ACTOR not in t[1]}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--parser", default="conllu", choices=["conllu", "spacy", "stanza"],
                    help="conllu: the records' own UD parses (default); spacy/stanza: parse their text")
    ap.add_argument("--file", type=Path, default=GSR, help=f"the GSR validation file (default: {GSR})")
    ap.add_argument("--show", action="store_true", help="list every record whose root-level events differ")
    args = ap.parse_args()
    if not args.file.exists():
        print(f"evaluate_gsr: {args.file} not found (give --file)", file=sys.stderr)
        return 2
    vfile = read_validation_file(args.file)
    parser = None
    if args.parser != "conllu":
        from coder.parsers import ParserConfig, make_parser

        parser = make_parser(ParserConfig(name=args.parser))
    dicts = load_dictionary_set()
    report = run_validation(vfile, dicts, parser, CoderConfig(default_date=dt.date(2008, 8, 1)),
                            use_parses=parser is None)
    pairs = [(r.produced, r.record.expected) for r in report.results]
    p, r, f1, tp, fp, fn = score_roots(pairs)
    gold = sum(len(g) for _, g in pairs)
    predicted = sum(len(x) for x, _ in pairs)
    how = "CoNLL-U parses in the file" if parser is None else parser.name
    print(f"GSR held-out measure: {len(pairs)} records ({args.file.name}), coder's shipped dictionaries, {how}")
    print(f"events: {gold} gold, {predicted} predicted; at (source root, target root, CAMEO root):")
    print(f"precision {p:.3f}  recall {r:.3f}  F1 {f1:.3f}  (tp {tp}, fp {fp}, fn {fn})")
    kp, kr, kf, ktp, kfp, kfn = score_roots([(x, _known(g)) for x, g in pairs])
    print(f"without the {gold - sum(len(_known(g)) for _, g in pairs)} gold events with an unknown actor "
          f"({UNKNOWN_ACTOR}): precision {kp:.3f}  recall {kr:.3f}  F1 {kf:.3f}  (tp {ktp}, fp {kfp}, fn {kfn})")
    print(f"exact full-code set match: {report.passed}/{report.scored} records")
    if args.show:
        for res in report.results:
            one = score_roots([(res.produced, res.record.expected)])
            if one[4] or one[5]:
                print(f"{res.record.id}: gold {sorted(res.record.expected)} predicted {sorted(res.produced)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
