"""The index on disk: generations of (units, links, BM25, Chroma) and a CURRENT pointer; reading it back.

Each ingest writes a complete new generation beside the old one and then swaps the pointer with an atomic
rename, so a failed or killed ingest leaves the previous index usable.
"""
from __future__ import annotations

import json
import os
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import numpy as np

from corpus.model import ASKED_ONLY_KINDS, Document, SourceFile, Unit
from corpus.settings import Settings

CURRENT = "CURRENT"
OPEN_END = 99991231
# Files every generation has; checked before anything is parsed, so damage is named rather than stumbled on.
GENERATION_FILES = ("meta.json", "units.jsonl", "docs.json", "links.json", "bm25_ids.json", "df.json",
                    "bm25/params.index.json", "bm25/vocab.index.json", "bm25/data.csc.index.npy",
                    "bm25/indices.csc.index.npy", "bm25/indptr.csc.index.npy")
CHROMA_DB = "chroma/chroma.sqlite3"
SQLITE_MAGIC = b"SQLite format 3\x00"
# chromadb's HTTP client waits forever by default; a server that stops answering must fail a question in seconds.
CHROMA_CONNECT_TIMEOUT = 3.0
CHROMA_TIMEOUT = 10.0


class IndexMissingError(RuntimeError):
    """No index has been built yet."""


class IndexDamagedError(RuntimeError):
    """The index on disk cannot be read."""


class BackendUnavailableError(RuntimeError):
    """The Chroma server (KAIA_CHROMA_URL) does not answer; the index itself may be fine."""


def _unavailable(settings: Settings, exc: BaseException) -> BackendUnavailableError:
    return BackendUnavailableError(f"the Chroma server at {settings.chroma_url} is not answering "
                                   f"({type(exc).__name__}); check that `chroma run` is up")


def _is_transport_error(exc: BaseException) -> bool:
    """Whether `exc` is, or was raised while handling, a network failure (chromadb re-raises ConnectError
    as a bare ValueError when it cannot reach the server)."""
    import httpx

    seen = 0
    while exc is not None and seen < 5:
        if isinstance(exc, httpx.TransportError):
            return True
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return False


def date_int(value: str, default: int) -> int:
    return int(value.replace("-", "")) if value else default


def chroma_client(settings: Settings, gen_dir: Path):  # noqa: ANN201 - chromadb client types vary
    """The Chroma client for a generation: embedded (persistent folder) or a server (KAIA_CHROMA_URL)."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    if settings.chroma_url:
        import httpx

        u = urlparse(settings.chroma_url)
        if not u.hostname:
            raise ValueError(f"KAIA_CHROMA_URL must look like http://host:port, not {settings.chroma_url!r}")
        timeout = httpx.Timeout(CHROMA_TIMEOUT, connect=CHROMA_CONNECT_TIMEOUT)
        base = f"{'https' if u.scheme == 'https' else 'http'}://{u.hostname}:{u.port or 8000}"
        try:
            # The client's own first requests have no timeout; a bounded heartbeat first keeps a hung server
            # from hanging us.
            httpx.get(f"{base}/api/v2/heartbeat", timeout=timeout).raise_for_status()
            client = chromadb.HttpClient(host=u.hostname, port=u.port or 8000, ssl=u.scheme == "https",
                                         settings=chroma_settings)
        except (httpx.HTTPError, ValueError) as exc:
            if isinstance(exc, httpx.HTTPError) or _is_transport_error(exc):
                raise _unavailable(settings, exc) from exc
            raise
        # chromadb offers no timeout setting (its httpx session has timeout=None); set it on the session,
        # which every client of this host:port in the process shares.
        session = getattr(getattr(client, "_server", None), "_session", None)
        if session is not None:
            session.timeout = timeout
        return client
    return chromadb.PersistentClient(path=str(gen_dir / "chroma"), settings=chroma_settings)


def collection_name(settings: Settings, generation: str) -> str:
    # One server may hold several generations (and several installations); name them apart.
    return f"kaia-{generation}" if settings.chroma_url else "kaia"


def _damaged(path: Path, why: str) -> IndexDamagedError:
    return IndexDamagedError(f"the index in {path} is damaged ({why}); run `kaia ingest --rebuild`")


def check_generation(settings: Settings, gen: str) -> None:
    """IndexDamagedError naming the first missing or garbled file of a generation. Cheap (no parsing of the
    big files), so `kaia show` and an up-to-date `kaia ingest` notice damage too."""
    path = settings.index_root / gen
    if not path.is_dir():
        raise IndexDamagedError(f"{settings.index_root / CURRENT} points to {gen}, which is missing; "
                                "run `kaia ingest --rebuild`")
    missing = [f for f in GENERATION_FILES if not (path / f).is_file()]
    if not settings.chroma_url and not (path / CHROMA_DB).is_file():
        missing.append(CHROMA_DB)
    if missing:
        raise _damaged(path, "missing " + ", ".join(missing))
    try:
        meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
        with (path / "units.jsonl").open("rb") as fh:
            data = fh.read()
        n_ids = len(json.loads((path / "bm25_ids.json").read_text(encoding="utf-8")))
    except (OSError, ValueError) as exc:
        raise _damaged(path, f"{type(exc).__name__}: {exc}") from exc
    # A file cut short (disk full, copy interrupted) may still parse; the counts in meta.json tell.
    if not isinstance(meta, dict):
        raise _damaged(path, "meta.json is not an object")
    lines = data.count(b"\n")
    if (data and not data.endswith(b"\n")) or lines != meta.get("units", lines):
        raise _damaged(path, f"units.jsonl has {lines} complete lines, meta.json says {meta.get('units')}")
    expected = meta.get("indexed_lexical", meta.get("indexed", n_ids))
    if n_ids != expected:
        raise _damaged(path, f"bm25_ids.json has {n_ids} ids, meta.json says {expected}")
    if not settings.chroma_url:
        with (path / CHROMA_DB).open("rb") as fh:
            if fh.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
                raise _damaged(path, f"{CHROMA_DB} is not a SQLite database")


def current_generation(settings: Settings) -> str | None:
    p = settings.index_root / CURRENT
    if not p.exists():
        return None
    name = p.read_text(encoding="utf-8").strip()
    return name or None


def unit_metadata(u: Unit, doc: Document) -> dict[str, Any]:
    """Chroma metadata of a unit (Chroma takes no None, so absent values are "" or -1)."""
    return {
        "uid": u.uid, "cid": u.cid, "doc": u.doc, "kind": doc.kind, "rank": doc.rank, "lang": u.lang,
        "version": u.version, "level": u.level, "article": u.article or "", "paragraph": u.paragraph or "",
        "item": u.item or "", "title": u.title, "eff_from": date_int(u.effective_from, 0),
        "eff_to": date_int(u.effective_to, OPEN_END), "page": u.page if u.page is not None else -1, "url": u.url,
    }


def doc_to_dict(d: Document) -> dict[str, Any]:
    out = {k: getattr(d, k) for k in ("id", "kind", "rank", "title_ko", "title_en", "short_ko", "short_en",
                                      "authority", "authority_ko", "url", "article_url", "draft_of")}
    out["asked_by"], out["interprets"] = list(d.asked_by), list(d.interprets)
    out["mentioned_by"] = list(d.mentioned_by)
    out["files"] = [f.__dict__ for f in d.files]
    return out


def doc_from_dict(d: dict[str, Any]) -> Document:
    d = dict(d)
    files = tuple(SourceFile(**f) for f in d.pop("files", []))
    d["asked_by"], d["interprets"] = tuple(d.get("asked_by", ())), tuple(d.get("interprets", ()))
    d["mentioned_by"] = tuple(d.get("mentioned_by", ()))
    return Document(**d, files=files)


TIE_MARGIN = 16  # fetched beyond k so that ties at the cut are broken by id, not by the search


@dataclass
class Hit:
    uid: str
    score: float


@dataclass
class IndexStore:
    """A read-only view of the current index generation."""

    settings: Settings
    generation: str
    path: Path
    units: dict[str, Unit]
    docs: dict[str, Document]
    links: dict[str, list[dict[str, str]]]
    meta: dict[str, Any]
    by_cid: dict[str, list[Unit]] = field(default_factory=dict)
    _mentioned: dict[tuple[str, int], bool] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def open(cls, settings: Settings) -> "IndexStore":
        gen = current_generation(settings)
        if gen is None:
            raise IndexMissingError(f"no index in {settings.index_root}; run `kaia ingest` first")
        path = settings.index_root / gen
        check_generation(settings, gen)
        try:
            meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
            units = {}
            with (path / "units.jsonl").open(encoding="utf-8") as fh:
                for line in fh:
                    u = Unit.from_dict(json.loads(line))
                    units[u.uid] = u
            docs = {d["id"]: doc_from_dict(d) for d in json.loads((path / "docs.json").read_text(encoding="utf-8"))}
            links = json.loads((path / "links.json").read_text(encoding="utf-8"))
            bm25_ids = json.loads((path / "bm25_ids.json").read_text(encoding="utf-8"))
        except (OSError, ValueError, TypeError, KeyError) as exc:
            raise IndexDamagedError(f"the index in {path} is damaged ({type(exc).__name__}: {exc}); "
                                    "run `kaia ingest --rebuild`") from exc
        store = cls(settings, gen, path, units, docs, links, meta)
        store._bm25_ids = bm25_ids
        for u in units.values():
            store.by_cid.setdefault(u.cid, []).append(u)
        return store

    # ------------------------------------------------------------------ look-ups

    def find(self, cid: str, lang: str | None = None, as_of: str | None = None) -> list[Unit]:
        """Units of a canonical id, optionally in one language and in force on a date."""
        out = [u for u in self.by_cid.get(cid, []) if (lang is None or u.lang == lang) and u.in_force(as_of)]
        return sorted(out, key=lambda u: (u.lang != "ko", u.effective_from), reverse=False)

    def twin(self, u: Unit, lang: str, as_of: str | None = None) -> Unit | None:
        """The same provision in another language, in force on `as_of` (or overlapping `u` when None)."""
        cands = [x for x in self.by_cid.get(u.cid, []) if x.lang == lang and x.uid != u.uid]
        day = as_of or u.effective_from or None
        inforce = [x for x in cands if x.in_force(day)] if day else cands
        return (inforce or [])[0] if inforce else None

    # ------------------------------------------------------------------ searches

    def _bm25_of(self, name: str):  # noqa: ANN202 - bm25s has no stubs
        import bm25s

        cache = self.__dict__.setdefault("_bm25_cache", {})
        if name not in cache:
            try:
                ids = self._bm25_ids if name == "bm25" else json.loads(
                    (self.path / "bm25_extra_ids.json").read_text(encoding="utf-8"))
                cache[name] = (bm25s.BM25.load(str(self.path / name), mmap=False), ids)
            except (OSError, ValueError) as exc:
                raise IndexDamagedError(f"BM25 index damaged ({exc}); run `kaia ingest --rebuild`") from exc
        return cache[name]

    @property
    def _bm25(self):  # noqa: ANN202 - bm25s has no stubs
        return self._bm25_of("bm25")[0]

    def lexical(self, tokens: list[str], k: int, allowed: set[str] | None = None, extra: bool = False) -> list[Hit]:
        """BM25 hits over indexed units, best first, restricted to uids in `allowed`: over the law, commentary and
        user documents, or (`extra`) over the guidance and drafts, which have an index of their own."""
        if not tokens:
            return []
        if extra and not (self.path / "bm25-extra").is_dir():
            return []
        bm25, ids = self._bm25_of("bm25-extra" if extra else "bm25")
        vocab = bm25.vocab_dict
        known = [t for t in tokens if t in vocab]
        if not known or not ids:
            return []
        scores = bm25.get_scores(known)
        order = np.argsort(-scores)
        out: list[Hit] = []
        for i in order:
            if scores[i] <= 0:
                break
            uid = ids[i]
            if allowed is None or uid in allowed:
                out.append(Hit(uid, float(scores[i])))
                if len(out) >= k:
                    break
        return out

    @cached_property
    def all_text(self) -> str:
        """Every unit's text but guidance and drafts, lower-cased (to check whether the corpus speaks of something
        at all: a guideline's passing mention of copyright does not make copyright a subject of the corpus)."""
        return " ".join(u.text for u in self.units.values()
                        if self.docs.get(u.doc) is None or self.docs[u.doc].kind not in ASKED_ONLY_KINDS).lower()

    def mentions(self, pattern: re.Pattern[str]) -> bool:
        """Whether any unit's text (lower-cased) matches `pattern`. Remembered: a scan of the whole text takes
        tens of milliseconds, and the index does not change under an open store."""
        key = (pattern.pattern, pattern.flags)
        if key not in self._mentioned:
            self._mentioned[key] = bool(pattern.search(self.all_text))
        return self._mentioned[key]

    @cached_property
    def idf(self) -> dict[str, float]:
        """Inverse document frequency of each BM25 token (for weighing words when choosing sentences)."""
        import math

        try:
            data = json.loads((self.path / "df.json").read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise IndexDamagedError(f"df.json unreadable ({exc}); run `kaia ingest --rebuild`") from exc
        n = data["n"]
        return {t: math.log(1 + (n - d + 0.5) / (d + 0.5)) for t, d in data["df"].items()}

    @cached_property
    def embeddings(self):  # noqa: ANN202
        from ingest.embeddings import EmbeddingCache, KaiaEmbeddings, resolve_model

        ref, key = resolve_model(self.settings)
        if key != self.meta.get("model_key"):
            raise IndexDamagedError(f"the index was built with another embedding model ({self.meta.get('model_key')});"
                                    " run `kaia ingest --rebuild`")
        try:
            cache = EmbeddingCache(self.settings.embedding_cache_file)
        except (OSError, sqlite3.Error):  # a cache is a speed-up only; answers never need it
            cache = None
        return KaiaEmbeddings(ref, key, cache)

    @contextmanager
    def _chroma_errors(self) -> Iterator[None]:
        """Turn what chromadb raises on a damaged store or an unreachable server into kaia's errors. Only those:
        any other error (a bad filter, a bug of ours) propagates as it is."""
        from chromadb.errors import InternalError, NotFoundError

        try:
            yield
        except (InternalError, NotFoundError) as exc:
            why = str(exc).splitlines()[0][:200] if str(exc) else ""
            if self.settings.chroma_url:
                raise IndexDamagedError(f"the Chroma server at {self.settings.chroma_url} cannot serve collection "
                                        f"{collection_name(self.settings, self.generation)} ({type(exc).__name__}: "
                                        f"{why}); run `kaia ingest --rebuild`") from exc
            raise _damaged(self.path, f"vector store: {type(exc).__name__}: {why}") from exc
        except BackendUnavailableError:
            raise
        except Exception as exc:
            if self.settings.chroma_url and _is_transport_error(exc):
                raise _unavailable(self.settings, exc) from exc
            raise

    @cached_property
    def vectorstore(self):  # noqa: ANN202
        from langchain_chroma import Chroma

        # Not cached on failure (cached_property stores only a result), so a Chroma server that comes back
        # is used again without restarting.
        with self._chroma_errors():
            client = chroma_client(self.settings, self.path)
            return Chroma(collection_name=collection_name(self.settings, self.generation), client=client,
                          embedding_function=self.embeddings, create_collection_if_not_exists=False)

    def vectors_of(self, doc: str) -> tuple[list[str], np.ndarray]:
        """The uids and (normalised) embeddings of one document's indexed units, read once from the vector store:
        a small document is searched by a dot product, without a filtered query to the store."""
        cache = self.__dict__.setdefault("_doc_vectors", {})
        if doc not in cache:
            with self._chroma_errors():
                got = self.vectorstore._collection.get(where={"doc": doc}, include=["embeddings", "metadatas"])
            uids = [m["uid"] for m in got["metadatas"]]
            mat = np.asarray(got["embeddings"], dtype=np.float32) if uids else np.zeros((0, 1), dtype=np.float32)
            cache[doc] = (uids, mat)
        return cache[doc]

    def dense_within(self, vector: np.ndarray, k: int, doc: str, allowed: frozenset[str] | None = None) -> list[Hit]:
        """Nearest units of one document by embedding (cosine), best first; only those in `allowed`, if given."""
        uids, mat = self.vectors_of(doc)
        if not uids:
            return []
        sims = mat @ np.asarray(vector, dtype=np.float32)
        order = np.argsort(-sims, kind="stable")
        order = order[:k] if allowed is None else [i for i in order if uids[i] in allowed][:k]
        return sorted((Hit(uids[i], float(sims[i])) for i in order), key=lambda h: (-round(h.score, 6), h.uid))

    def dense(self, vector: np.ndarray, k: int, as_of: str | None = None, docs: list[str] | None = None) -> list[Hit]:
        """Nearest units by embedding, best first, in force on `as_of`."""
        clauses: list[dict[str, Any]] = []
        if as_of:
            d = date_int(as_of, 0)
            clauses += [{"eff_from": {"$lte": d}}, {"eff_to": {"$gte": d}}]
        if docs:
            clauses.append({"doc": {"$in": docs}})
        where = None if not clauses else clauses[0] if len(clauses) == 1 else {"$and": clauses}
        store = self.vectorstore
        with self._chroma_errors():
            res = store.similarity_search_by_vector_with_relevance_scores(vector.tolist(), k=k + TIE_MARGIN,
                                                                         filter=where)
        hits = [Hit(doc.metadata["uid"], 1.0 - float(dist)) for doc, dist in res]
        # Identical wordings (a provision unchanged between versions) tie; order them by id, not by chance.
        return sorted(hits, key=lambda h: (-round(h.score, 6), h.uid))[:k]


def write_json_atomic(path: Path, obj: Any) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(obj, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, path)
