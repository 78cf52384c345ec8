"""stanza → the sentence model. The only module in the project that imports stanza.

stanza is imported inside functions so that importing this module is cheap and
works without stanza installed.

``stanza_document_to_sentences`` converts a processed ``stanza.Document``:
syntactic words (not multiword tokens) become ``Token``\\ s, stanza's token
whitespace becomes ``SpaceAfter=No``, and ``sentence.ents`` become entity spans
over word ids (a multiword token in an entity contributes all its words).

``StanzaParser`` wraps a ``stanza.Pipeline`` built without any network access
(``download_method=None``). Models come either from a stanza resources folder
(``ParserConfig.stanza_dir``, default stanza's own) or from explicit files
(``ParserConfig.stanza_model_paths``, stanza's ``<processor>_model_path`` keyword
arguments, plus any other pipeline keywords such as ``pos_pretrain_path``).
When every processor in use has an explicit model path the pipeline is
self-contained: nothing is read from a resources folder, so the files must be
complete (give ``*_pretrain_path`` / ``*_forward_charlm_path`` too if the models
were trained with them).
"""

from __future__ import annotations

import json
import os
import tempfile
from typing import Any

from coder.conllu import normalise_v1
from coder.model import Entity, Sentence, Token
from coder.parsers import ParserConfig, ParserUnavailable

STANZA_INSTALL = "python -c \"import stanza; stanza.download('en')\""

# stanza's units differ per processor: tokenize batches paragraphs, pos batches
# sentences, depparse batches words. ParserConfig.batch_size counts documents;
# these factors keep stanza's own defaults (32 / 250 / 5000) at batch_size=32.
_POS_SENTENCES_PER_DOC = 8
_DEPPARSE_WORDS_PER_DOC = 160


def _self_contained_resources(processors: list[str]) -> dict:
    """A resources.json naming only a bare ``default`` package per processor.

    Lets stanza build a pipeline purely from explicit model paths, without a
    downloaded resources folder, without adding mwt or any dependency models.
    """
    lang: dict[str, Any] = {"lang_name": "English", "packages": {}}
    for p in processors:
        lang[p] = {"default": {}}
    return {"en": lang}


# ---------------------------------------------------------------------------
# Document conversion
# ---------------------------------------------------------------------------

def _misc_pieces(misc: str | None) -> list[str]:
    if not misc or misc == "_":
        return []
    drop = ("ner=", "spaceafter=", "spacesafter=", "spacesbefore=", "start_char=", "end_char=")
    return [p for p in misc.split("|") if p and not p.lower().startswith(drop)]


def _field(value: Any, default: str) -> str:
    if value is None or value == "":
        return default
    return str(value)


def stanza_document_to_sentences(doc: Any) -> list[Sentence]:
    """Convert a processed ``stanza.Document`` into sentences of the one model.

    Words become tokens (ids renumbered 1..n per sentence, heads mapped
    accordingly); missing lemma/xpos/feats become ``_``, missing upos ``X``,
    missing deprel ``dep`` and a missing head 0. ``SpaceAfter=No`` is set where
    stanza records no whitespace after a token (not after the document's last
    token) and between the words of a multiword token whose words spell the
    token (English ``do|n't``), so the forms reassemble the text. Entities keep
    stanza's labels (PERSON, GPE, ORG, NORP, ...). ``sent_id`` is the sentence's
    index in the document.
    """
    sentences = doc.sentences
    out: list[Sentence] = []
    for index, sent in enumerate(sentences):
        last_sentence = index == len(sentences) - 1
        tokens: list[Token] = []
        word_id: dict[int, int] = {}  # stanza word id -> our id
        token_span: dict[tuple[int, ...], tuple[int, int]] = {}  # stanza token id -> (first, last) of our ids
        pending: list[tuple[Any, list[str]]] = []
        for t_index, stok in enumerate(sent.tokens):
            words = list(stok.words)
            glued = len(words) > 1 and "".join(w.text for w in words) == stok.text
            last_token = last_sentence and t_index == len(sent.tokens) - 1
            no_space_after = stok.spaces_after == "" and not last_token
            first = len(pending) + 1
            for k, word in enumerate(words):
                misc = _misc_pieces(word.misc)
                if k == len(words) - 1:
                    if len(words) > 1:
                        misc += [p for p in _misc_pieces(stok.misc) if p not in misc]
                    if no_space_after:
                        misc.append("SpaceAfter=No")
                elif glued:
                    misc.append("SpaceAfter=No")
                word_id[word.id] = len(pending) + 1
                pending.append((word, misc))
            if words:
                token_span[tuple(stok.id)] = (first, len(pending))
        for n, (word, misc) in enumerate(pending, start=1):
            head = word.head
            tokens.append(Token(
                id=n,
                form=word.text,
                lemma=_field(word.lemma, "_"),
                upos=_field(word.upos, "X"),
                xpos=_field(word.xpos, "_"),
                feats=_field(word.feats, "_"),
                head=0 if head is None else word_id.get(head, 0),
                deprel=_field(word.deprel, "dep"),
                deps=_field(word.deps, "_"),
                misc="|".join(misc) or "_",
            ))
        tokens = normalise_v1(tokens)
        entities = _entities(sent, token_span)
        out.append(Sentence(tuple(tokens), text=sent.text or "", sent_id=str(index), entities=tuple(entities)))
    return out


def _entities(sent: Any, token_span: dict[tuple[int, ...], tuple[int, int]]) -> list[Entity]:
    out: list[Entity] = []
    for ent in sent.ents or ():
        ids: list[int] = []
        for stok in ent.tokens or ():
            span = token_span.get(tuple(stok.id))
            if span:
                ids.extend(span)
        if not ids and ent.start_char is not None and ent.end_char is not None:
            # no token links: fall back on character offsets
            for stok in sent.tokens:
                if stok.start_char is None or stok.end_char is None:
                    continue
                if stok.start_char < ent.end_char and stok.end_char > ent.start_char:
                    span = token_span.get(tuple(stok.id))
                    if span:
                        ids.extend(span)
        if ids:
            out.append(Entity(min(ids), max(ids), ent.type))
    return out


def conllu_to_stanza_document(text: str) -> Any:
    """A ``stanza.Document`` from CoNLL-U text, via stanza's own reader.

    The document text and character offsets are rebuilt from the tokens (or the
    ``# text`` comments), and entities are read from ``ner=``/``NER=`` BIO(ES)
    tags in the MISC column of each token (the range line of a multiword token).
    """
    from stanza.utils.conll import CoNLL

    # stanza reads token-level NER only from a lower-case ``ner=`` in MISC
    normalised = []
    for line in text.splitlines():
        cols = line.split("\t")
        if len(cols) == 10 and not line.startswith("#") and "NER=" in cols[9]:
            cols[9] = "|".join("ner=" + p[4:] if p.startswith("NER=") else p for p in cols[9].split("|"))
            line = "\t".join(cols)
        normalised.append(line)
    return CoNLL.conll2doc(input_str="\n".join(normalised) + "\n", reconstruct_text=True)


# ---------------------------------------------------------------------------
# The parser
# ---------------------------------------------------------------------------

def default_resources_dir() -> str:
    """stanza's own default resources folder: ``$STANZA_RESOURCES_DIR`` or, in
    current stanza (1.15), a per-version user cache folder
    (``~/.cache/stanza/<version>/resources`` on Linux), not ``~/stanza_resources``.
    Imports stanza."""
    from stanza.resources.common import DEFAULT_MODEL_DIR

    return DEFAULT_MODEL_DIR


def _install_hint(stanza_dir: str | None) -> str:
    hint = f"install stanza's English models with: {STANZA_INSTALL}"
    if stanza_dir:
        hint += f" (add model_dir={stanza_dir!r} to download into {stanza_dir})"
    return hint


class StanzaParser:
    """The ``Parser`` protocol over a ``stanza.Pipeline``."""

    def __init__(self, config: ParserConfig) -> None:
        try:
            import stanza
            from stanza.pipeline.core import PipelineRequirementsException
        except ImportError as e:
            raise ParserUnavailable(f"stanza is not installed ({e}): pip install stanza; then {_install_hint(None)}") from e

        self.config = config
        paths = dict(config.stanza_model_paths)
        processors = [p.strip().lower() for p in config.stanza_processors.split(",") if p.strip()]
        explicit = {k[: -len("_model_path")] for k in paths if k.endswith("_model_path")}
        if paths:
            # explicit models only, plus tokenize as configured; mwt without its own
            # model is dropped when the tokenizer is explicit (it must match it)
            keep_mwt = "mwt" in explicit or "tokenize" not in explicit
            processors = [p for p in processors if p in explicit or p == "tokenize" or (p == "mwt" and keep_mwt)]
        if not processors:
            raise ParserUnavailable(f"no stanza processors to run: processors {config.stanza_processors!r}, "
                                    f"model paths for {sorted(explicit) or 'none'}")
        for key, value in paths.items():
            if key.endswith("_model_path") and not os.path.exists(value):
                raise ParserUnavailable(f"stanza model file not found: {key}={value}; {_install_hint(config.stanza_dir)}")
        self.processors = tuple(processors)
        self_contained = bool(paths) and all(p in explicit for p in processors)

        kwargs: dict[str, Any] = dict(
            lang="en",
            processors=",".join(processors),
            download_method=None,
            use_gpu=(config.device == "cuda"),
            logging_level="WARN",
            tokenize_batch_size=config.batch_size,
            pos_batch_size=config.batch_size * _POS_SENTENCES_PER_DOC,
            depparse_batch_size=config.batch_size * _DEPPARSE_WORDS_PER_DOC,
        )
        if config.stanza_dir:
            kwargs["dir"] = config.stanza_dir
        kwargs.update(paths)
        try:
            if self_contained:
                with tempfile.TemporaryDirectory(prefix="coder-stanza-") as tmp:
                    resources = os.path.join(tmp, "resources.json")
                    with open(resources, "w", encoding="utf-8") as fh:
                        json.dump(_self_contained_resources(processors), fh)
                    self._nlp = stanza.Pipeline(resources_filepath=resources, **kwargs)
            else:
                self._nlp = stanza.Pipeline(**kwargs)
        except FileNotFoundError as e:
            where = config.stanza_dir or f"stanza's default resources folder {default_resources_dir()}"
            raise ParserUnavailable(f"stanza English models not found in {where} ({e}); "
                                    f"{_install_hint(config.stanza_dir)}") from e
        except PipelineRequirementsException as e:
            raise ParserUnavailable(f"stanza pipeline {','.join(processors)} cannot be built: {e}") from e

        if self_contained:
            dirs = {os.path.basename(os.path.dirname(os.path.abspath(paths[f"{p}_model_path"]))) for p in processors}
            tag = "en-" + (dirs.pop() if len(dirs) == 1 else "custom")
        else:
            tag = "en-default" + ("+custom" if paths else "")
        self.name = f"stanza-{stanza.__version__}/{tag}"

    def parse_texts(self, texts: list[str]) -> list[list[Sentence]]:
        """Parse a batch of texts with stanza's bulk API; one list of sentences per text."""
        import stanza

        results: list[list[Sentence]] = [[] for _ in texts]
        todo = [i for i, t in enumerate(texts) if t and t.strip()]
        if not todo:
            return results
        docs = self._nlp.bulk_process([stanza.Document([], text=texts[i]) for i in todo])
        for i, doc in zip(todo, docs):
            results[i] = stanza_document_to_sentences(doc)
        return results
