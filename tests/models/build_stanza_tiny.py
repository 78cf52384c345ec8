"""Rebuild the tiny stanza English models under ``tests/models/stanza_tiny/``.

The models exist so that tests can load a real ``stanza.Pipeline`` offline
(stanza's own models cannot be downloaded in CI). Their accuracy does not
matter; what matters is that they load, batch and produce well-formed output.

Everything is trained with stanza's own training entry points
(``stanza.models.tokenizer``, ``tagger``, ``lemmatizer``, ``parser``), without
pretrained word vectors or character language models, with tiny hidden sizes
and a few hundred steps. Work happens in a temporary directory; only the final
``.pt`` files are copied into ``tests/models/stanza_tiny/``.

Training data is ``tests/models/stanza_tiny/train.conllu``: ~200 short
news-style sentences annotated in UD v2. It is generated from the templates
below when missing or when ``--regenerate-data`` is given; otherwise the file
as committed is used (so hand edits survive a rebuild).

Usage::

    .venv/bin/python tests/models/build_stanza_tiny.py [--regenerate-data] [--steps N]

Then load the models with::

    ParserConfig(name="stanza", stanza_processors="tokenize,pos,lemma,depparse",
                 stanza_model_paths=(("tokenize_model_path", ".../tokenize.pt"),
                                     ("pos_model_path", ".../pos.pt"),
                                     ("lemma_model_path", ".../lemma.pt"),
                                     ("depparse_model_path", ".../depparse.pt")))
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT_DIR = HERE / "stanza_tiny"
TRAIN_CONLLU = OUT_DIR / "train.conllu"
SHORTHAND = "en_tiny"

# ---------------------------------------------------------------------------
# Training data: templates over news-style actors, verbs, places and dates.
# ---------------------------------------------------------------------------

PROPER = ["Iran", "Egypt", "Israel", "Russia", "China", "France", "Germany", "Turkey", "Syria", "Japan",
          "India", "Brazil", "Ukraine", "Pakistan", "Hamas", "NATO", "Lebanon", "Jordan", "Qatar", "Kenya"]
COMPOUND = [("South", "Korea"), ("North", "Korea"), ("Saudi", "Arabia"), ("New", "Zealand")]
DEF_NOUNS = [("minister", "minister"), ("president", "president"), ("government", "government"),
             ("army", "army"), ("embassy", "embassy"), ("opposition", "opposition"), ("court", "court")]
BARE_PLURALS = [("Police", "police"), ("Protesters", "protester"), ("Rebels", "rebel"),
                ("Officials", "official"), ("Troops", "troop"), ("Diplomats", "diplomat")]
PRONOUNS = [("He", "he", "Case=Nom|Gender=Masc|Number=Sing|Person=3|PronType=Prs"),
            ("She", "she", "Case=Nom|Gender=Fem|Number=Sing|Person=3|PronType=Prs"),
            ("They", "they", "Case=Nom|Number=Plur|Person=3|PronType=Prs")]
# lemma, past, past participle
VERBS = [("meet", "met", "met"), ("visit", "visited", "visited"), ("criticize", "criticized", "criticized"),
         ("accuse", "accused", "accused"), ("attack", "attacked", "attacked"), ("praise", "praised", "praised"),
         ("condemn", "condemned", "condemned"), ("thank", "thanked", "thanked"), ("warn", "warned", "warned"),
         ("support", "supported", "supported"), ("reject", "rejected", "rejected"), ("invite", "invited", "invited"),
         ("host", "hosted", "hosted"), ("blame", "blamed", "blamed"), ("sanction", "sanctioned", "sanctioned"),
         ("welcome", "welcomed", "welcomed"), ("threaten", "threatened", "threatened"), ("fight", "fought", "fought")]
PLACES = ["Cairo", "Geneva", "Paris", "Moscow", "Beijing", "Tehran", "Ankara", "Brussels", "Baghdad", "Kabul", "Doha"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
COUNTED = [("protesters", "protester"), ("soldiers", "soldier"), ("people", "person"), ("rebels", "rebel"),
           ("civilians", "civilian"), ("journalists", "journalist")]

VBD = "Mood=Ind|Tense=Past|VerbForm=Fin"
VB = "VerbForm=Inf"
VBN_PASS = "Tense=Past|VerbForm=Part|Voice=Pass"
NNP = "Number=Sing"
NNS = "Number=Plur"
DT = "Definite=Def|PronType=Art"


class _Sent:
    """Accumulates CoNLL-U rows; heads may be filled in after the head token exists."""

    def __init__(self) -> None:
        self.rows: list[dict] = []

    def add(self, form, lemma, upos, xpos, feats="_", head=None, deprel="dep") -> int:
        self.rows.append(dict(form=form, lemma=lemma, upos=upos, xpos=xpos, feats=feats or "_",
                              head=head, deprel=deprel, space=True))
        return len(self.rows)

    def attach(self, i: int, head: int, deprel: str) -> None:
        self.rows[i - 1]["head"] = head
        self.rows[i - 1]["deprel"] = deprel

    def no_space(self, i: int) -> None:
        self.rows[i - 1]["space"] = False

    def punct(self, form: str, head: int) -> int:
        self.no_space(len(self.rows))
        return self.add(form, form, "PUNCT", form, "_", head, "punct")

    def text(self) -> str:
        out = []
        for r in self.rows:
            out.append(r["form"])
            if r["space"]:
                out.append(" ")
        return "".join(out).strip()

    def conllu(self, sent_id: str) -> str:
        lines = [f"# sent_id = {sent_id}", f"# text = {self.text()}"]
        for i, r in enumerate(self.rows, start=1):
            if r["head"] is None:
                raise ValueError(f"{sent_id}: token {i} {r['form']!r} has no head")
            misc = "_" if r["space"] or i == len(self.rows) else "SpaceAfter=No"
            lines.append("\t".join([str(i), r["form"], r["lemma"], r["upos"], r["xpos"], r["feats"],
                                    str(r["head"]), r["deprel"], "_", misc]))
        return "\n".join(lines) + "\n"


def _cap(word: str, first: bool) -> str:
    return word[:1].upper() + word[1:] if first else word


def _np(s: _Sent, rng: random.Random, first: bool, subject: bool = True, plural_ok: bool = True) -> tuple[int, bool]:
    """Add a noun phrase (a pronoun only as a sentence-initial subject); returns (head id, is_plural)."""
    kinds = ["proper"] * 5 + ["compound", "def", "poss"] + (["plural"] if plural_ok else []) + (["pron"] if subject and first else [])
    kind = rng.choice(kinds)
    if kind == "proper":
        i = s.add(rng.choice(PROPER), None, "PROPN", "NNP", NNP)
        s.rows[i - 1]["lemma"] = s.rows[i - 1]["form"]
        return i, False
    if kind == "compound":
        a, b = rng.choice(COMPOUND)
        i = s.add(a, a, "PROPN", "NNP", NNP)
        j = s.add(b, b, "PROPN", "NNP", NNP)
        s.attach(i, j, "compound")
        return j, False
    if kind == "def":
        form, lemma = rng.choice(DEF_NOUNS)
        d = s.add(_cap("the", first), "the", "DET", "DT", DT)
        n = s.add(form, lemma, "NOUN", "NN", NNP)
        s.attach(d, n, "det")
        return n, False
    if kind == "poss":
        owner = rng.choice(PROPER)
        form, lemma = rng.choice(DEF_NOUNS[:2] + [("leader", "leader"), ("foreign minister", "")])
        o = s.add(owner, owner, "PROPN", "NNP", NNP)
        s.no_space(o)
        p = s.add("'s", "'s", "PART", "POS", "_")
        s.attach(p, o, "case")
        if form == "foreign minister":
            a = s.add("foreign", "foreign", "ADJ", "JJ", "Degree=Pos")
            n = s.add("minister", "minister", "NOUN", "NN", NNP)
            s.attach(a, n, "amod")
        else:
            n = s.add(form, lemma, "NOUN", "NN", NNP)
        s.attach(o, n, "nmod:poss")
        return n, False
    if kind == "plural":
        form, lemma = rng.choice(BARE_PLURALS)
        n = s.add(_cap(form.lower(), first), lemma, "NOUN", "NNS", NNS)
        return n, True
    form, lemma, feats = rng.choice(PRONOUNS)
    n = s.add(form, lemma, "PRON", "PRP", feats)
    return n, lemma == "they"


def _adjunct(s: _Sent, rng: random.Random, verb: int, future: bool = False) -> None:
    kinds = ["none", "none", "day", "place", "place_day"] + ([] if future else ["yesterday", "last_week"])
    kind = rng.choice(kinds)
    if kind in ("place", "place_day"):
        c = s.add("in", "in", "ADP", "IN", "_")
        p = s.add(rng.choice(PLACES), None, "PROPN", "NNP", NNP)
        s.rows[p - 1]["lemma"] = s.rows[p - 1]["form"]
        s.attach(c, p, "case")
        s.attach(p, verb, "obl")
    if kind in ("day", "place_day"):
        c = s.add("on", "on", "ADP", "IN", "_")
        d = s.add(rng.choice(DAYS), None, "PROPN", "NNP", NNP)
        s.rows[d - 1]["lemma"] = s.rows[d - 1]["form"]
        s.attach(c, d, "case")
        s.attach(d, verb, "obl")
    if kind == "yesterday":
        y = s.add("yesterday", "yesterday", "NOUN", "NN", NNP)
        s.attach(y, verb, "obl:tmod")
    if kind == "last_week":
        a = s.add("last", "last", "ADJ", "JJ", "Degree=Pos")
        w = s.add("week", "week", "NOUN", "NN", NNP)
        s.attach(a, w, "amod")
        s.attach(w, verb, "obl:tmod")


def _t_simple(rng: random.Random) -> _Sent:
    """NP V NP (adjunct) ."""
    s = _Sent()
    subj, _ = _np(s, rng, True)
    lemma, past, _ = rng.choice(VERBS)
    v = s.add(past, lemma, "VERB", "VBD", VBD, 0, "root")
    s.attach(subj, v, "nsubj")
    obj, _ = _np(s, rng, False, subject=False)
    s.attach(obj, v, "obj")
    _adjunct(s, rng, v)
    s.punct(".", v)
    return s


def _t_fronted(rng: random.Random) -> _Sent:
    """On DAY , NP V NP ."""
    s = _Sent()
    c = s.add("On", "on", "ADP", "IN", "_")
    d = s.add(rng.choice(DAYS), None, "PROPN", "NNP", NNP)
    s.rows[d - 1]["lemma"] = s.rows[d - 1]["form"]
    s.attach(c, d, "case")
    comma = s.punct(",", None)
    subj, _ = _np(s, rng, False)
    lemma, past, _ = rng.choice(VERBS)
    v = s.add(past, lemma, "VERB", "VBD", VBD, 0, "root")
    s.attach(subj, v, "nsubj")
    s.attach(d, v, "obl")
    s.attach(comma, v, "punct")
    obj, _ = _np(s, rng, False, subject=False)
    s.attach(obj, v, "obj")
    s.punct(".", v)
    return s


def _t_said(rng: random.Random) -> _Sent:
    """NP said (that) NP would/will V NP ."""
    s = _Sent()
    subj, _ = _np(s, rng, True)
    said = s.add("said", "say", "VERB", "VBD", VBD, 0, "root")
    s.attach(subj, said, "nsubj")
    mark = s.add("that", "that", "SCONJ", "IN", "_") if rng.random() < 0.6 else None
    subj2, _ = _np(s, rng, False)
    modal = rng.choice(["would", "will"])
    aux = s.add(modal, modal, "AUX", "MD", "VerbForm=Fin")
    lemma, _, _ = rng.choice(VERBS)
    v = s.add(lemma, lemma, "VERB", "VB", VB)
    s.attach(v, said, "ccomp")
    s.attach(subj2, v, "nsubj")
    s.attach(aux, v, "aux")
    if mark:
        s.attach(mark, v, "mark")
    obj, _ = _np(s, rng, False, subject=False)
    s.attach(obj, v, "obj")
    _adjunct(s, rng, v, future=True)
    s.punct(".", said)
    return s


def _t_negated(rng: random.Random) -> _Sent:
    """NP did/will not V NP ."""
    s = _Sent()
    subj, _ = _np(s, rng, True)
    aux_form = rng.choice(["did", "will"])
    aux = s.add(aux_form, "do" if aux_form == "did" else "will", "AUX", "VBD" if aux_form == "did" else "MD",
                VBD if aux_form == "did" else "VerbForm=Fin")
    neg = s.add("not", "not", "PART", "RB", "Polarity=Neg")
    lemma, _, _ = rng.choice(VERBS)
    v = s.add(lemma, lemma, "VERB", "VB", VB, 0, "root")
    s.attach(subj, v, "nsubj")
    s.attach(aux, v, "aux")
    s.attach(neg, v, "advmod")
    obj, _ = _np(s, rng, False, subject=False)
    s.attach(obj, v, "obj")
    _adjunct(s, rng, v, future=aux_form == "will")
    s.punct(".", v)
    return s


def _t_passive(rng: random.Random) -> _Sent:
    """NP was/were V-ed by NP (adjunct) ."""
    s = _Sent()
    subj, plural = _np(s, rng, True, subject=False)
    aux = s.add("were" if plural else "was", "be", "AUX", "VBD",
                "Mood=Ind|Number=%s|Person=3|Tense=Past|VerbForm=Fin" % ("Plur" if plural else "Sing"))
    lemma, _, part = rng.choice(VERBS)
    v = s.add(part, lemma, "VERB", "VBN", VBN_PASS, 0, "root")
    s.attach(subj, v, "nsubj:pass")
    s.attach(aux, v, "aux:pass")
    by = s.add("by", "by", "ADP", "IN", "_")
    agent, _ = _np(s, rng, False, subject=False)
    s.attach(by, agent, "case")
    s.attach(agent, v, "obl:agent")
    _adjunct(s, rng, v)
    s.punct(".", v)
    return s


def _t_coord(rng: random.Random) -> _Sent:
    """NP and NP V NP ."""
    s = _Sent()
    a, _ = _np(s, rng, True, subject=False, plural_ok=False)
    cc = s.add("and", "and", "CCONJ", "CC", "_")
    b, _ = _np(s, rng, False, subject=False, plural_ok=False)
    s.attach(cc, b, "cc")
    s.attach(b, a, "conj")
    lemma, past, _ = rng.choice(VERBS)
    v = s.add(past, lemma, "VERB", "VBD", VBD, 0, "root")
    s.attach(a, v, "nsubj")
    obj, _ = _np(s, rng, False, subject=False)
    s.attach(obj, v, "obj")
    _adjunct(s, rng, v)
    s.punct(".", v)
    return s


def _t_counted(rng: random.Random) -> _Sent:
    """NP V/arrested NUM NOUNS in PLACE ."""
    s = _Sent()
    subj, _ = _np(s, rng, True)
    lemma, past, _ = rng.choice(VERBS + [("arrest", "arrested", "arrested"), ("kill", "killed", "killed")])
    v = s.add(past, lemma, "VERB", "VBD", VBD, 0, "root")
    s.attach(subj, v, "nsubj")
    num = str(rng.choice([2, 3, 5, 7, 12, 15, 20, 30, 45, 100]))
    n = s.add(num, num, "NUM", "CD", "NumForm=Digit|NumType=Card")
    form, nlemma = rng.choice(COUNTED)
    o = s.add(form, nlemma, "NOUN", "NNS", NNS)
    s.attach(n, o, "nummod")
    s.attach(o, v, "obj")
    _adjunct(s, rng, v)
    s.punct(".", v)
    return s


TEMPLATES = [_t_simple, _t_simple, _t_simple, _t_fronted, _t_said, _t_negated, _t_passive, _t_coord, _t_counted]


def generate_conllu(n: int = 200, seed: int = 20240601, per_doc: int = 4) -> str:
    rng = random.Random(seed)
    seen: set[str] = set()
    blocks = []
    while len(blocks) < n:
        s = rng.choice(TEMPLATES)(rng)
        text = s.text()
        names = [r["form"] for r in s.rows if r["upos"] == "PROPN" and r["form"] not in DAYS]
        if text in seen or len(set(names)) < len(names):  # no "Iran met Iran."
            continue
        seen.add(text)
        k = len(blocks)
        head = f"# newdoc id = tiny-{k // per_doc:03d}\n" if k % per_doc == 0 else ""
        blocks.append(head + s.conllu(f"tiny-{k:03d}"))
    return "\n".join(blocks) + "\n"


# ---------------------------------------------------------------------------
# Training with stanza's own entry points.
# ---------------------------------------------------------------------------

def _run(args: list[str], cwd: Path) -> None:
    cmd = [sys.executable, "-m", *args]
    print("+", " ".join(cmd), flush=True)
    # One thread: these models are tiny, and OpenMP spinning across threads makes
    # small LSTMs an order of magnitude slower on a busy machine.
    threads = os.environ.get("STANZA_TINY_THREADS", "1")
    env = {**os.environ, "OMP_NUM_THREADS": threads, "MKL_NUM_THREADS": threads}
    subprocess.run(cmd, cwd=cwd, check=True, env=env)


def build(work: Path, steps: int) -> dict[str, Path]:
    from stanza.utils.datasets import conllu_to_text, prepare_tokenizer_data

    conllu = work / f"{SHORTHAND}.train.in.conllu"
    shutil.copyfile(TRAIN_CONLLU, conllu)
    txt = work / f"{SHORTHAND}.train.txt"
    labels = work / f"{SHORTHAND}-ud-train.toklabels"
    mwt = work / f"{SHORTHAND}-ud-train-mwt.json"
    conllu_to_text.convert_text(str(conllu), str(txt))
    prepare_tokenizer_data.main([str(txt), str(conllu), "-o", str(labels), "-m", str(mwt)])

    models = work / "models"
    common = ["--lang", "en", "--shorthand", SHORTHAND, "--save_dir", str(models), "--seed", "1234"]
    _run(["stanza.models.tokenizer", "--mode", "train",
          "--txt_file", str(txt), "--label_file", str(labels), "--mwt_json_file", str(mwt),
          "--dev_txt_file", str(txt), "--dev_label_file", str(labels), "--dev_conll_gold", str(conllu),
          "--emb_dim", "16", "--hidden_dim", "16", "--conv_filters", "1,5", "--batch_size", "16",
          "--max_seqlen", "100", "--steps", str(steps), "--eval_steps", str(10 * steps + 1),
          "--report_steps", str(max(steps // 5, 1)), "--no_use_mwt",
          "--save_name", "tokenize.pt", *common], work)
    small_tagger = ["--hidden_dim", "32", "--char_hidden_dim", "32", "--word_emb_dim", "24", "--char_emb_dim", "16",
                    "--tag_emb_dim", "8", "--transformed_dim", "16", "--num_layers", "1",
                    "--deep_biaff_hidden_dim", "16"]
    _run(["stanza.models.tagger", "--mode", "train", "--train_file", str(conllu), "--eval_file", str(conllu),
          "--output_file", str(work / "pos.out.conllu"), "--no_pretrain", *small_tagger,
          "--composite_deep_biaff_hidden_dim", "8", "--batch_size", "500", "--max_steps", str(steps),
          "--eval_interval", str(steps), "--fix_eval_interval", "--log_step", str(max(steps // 5, 1)),
          "--save_name", "pos.pt", *common], work)
    _run(["stanza.models.lemmatizer", "--mode", "train", "--dict_only", "--train_file", str(conllu),
          "--eval_file", str(conllu), "--output_file", str(work / "lemma.out.conllu"),
          "--shorthand", SHORTHAND, "--save_dir", str(models), "--save_name", "lemma.pt"], work)
    _run(["stanza.models.parser", "--mode", "train", "--train_file", str(conllu), "--eval_file", str(conllu),
          "--output_file", str(work / "depparse.out.conllu"), "--no_pretrain", *small_tagger,
          "--deep_biaff_output_dim", "16", "--batch_size", "1000", "--max_steps", str(steps),
          "--eval_interval", str(steps), "--log_step", str(max(steps // 5, 1)), "--no_checkpoint",
          "--save_name", "depparse.pt", *common], work)
    return {name: models / f"{name}.pt" for name in ("tokenize", "pos", "lemma", "depparse")}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--regenerate-data", action="store_true", help="rewrite train.conllu from the templates")
    ap.add_argument("--steps", type=int, default=200, help="training steps for the tokenizer, tagger and parser")
    ap.add_argument("--keep-work", action="store_true", help="keep the temporary working directory")
    args = ap.parse_args(argv)

    OUT_DIR.mkdir(parents=True, exist_ok=True)
    if args.regenerate_data or not TRAIN_CONLLU.exists():
        TRAIN_CONLLU.write_text(generate_conllu(), encoding="utf-8")
        print(f"wrote {TRAIN_CONLLU}")

    start = time.time()
    work = Path(tempfile.mkdtemp(prefix="stanza_tiny_"))
    try:
        built = build(work, args.steps)
        for name, path in built.items():
            if not path.exists():
                raise SystemExit(f"training did not produce {path}")
            shutil.copyfile(path, OUT_DIR / f"{name}.pt")
    finally:
        if args.keep_work:
            print(f"work directory kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    total = sum((OUT_DIR / f"{n}.pt").stat().st_size for n in built)
    print(f"built {', '.join(f'{n}.pt' for n in built)} in {OUT_DIR} "
          f"({total / 1e6:.2f} MB) in {time.time() - start:.0f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
