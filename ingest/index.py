"""Build the index: parse, embed (from the cache where possible), write a new generation, swap it in."""
from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from corpus.labels import label
from corpus.model import ASKED_ONLY_KINDS, Document, Unit
from corpus.settings import Settings
from ingest.embeddings import EmbeddingCache, KaiaEmbeddings, resolve_model
from ingest.links import find_refs
from ingest.loader import PARSER_VERSION, ParsedCorpus, parse_corpus
from ingest.store import (CURRENT, IndexDamagedError, check_generation, chroma_client, collection_name,
                          current_generation, doc_to_dict, unit_metadata, write_json_atomic)
from ingest.tokenize import TokenCache

KEEP_GENERATIONS = 3
# HNSW search explores `ef_search` candidates. At 200 it missed one in ninety of the true 60 nearest units of
# the ~2,300 indexed ones, and which ones it missed changed from process to process, so the same question could
# be answered in one run and declined in the next. A beam at least as large as the collection makes the search
# exhaustive (exact and reproducible) at a cost of a few milliseconds; beyond this size it degrades gracefully.
EF_SEARCH = 4096
LOCK_FILE = ".ingest.lock"


class IngestBusyError(RuntimeError):
    """Another ingest holds the lock."""


@dataclass
class IngestReport:
    generation: str
    up_to_date: bool
    seconds: float
    documents: dict[str, int] = field(default_factory=dict)  # doc id -> units
    embedded: dict[str, int] = field(default_factory=dict)  # doc id -> texts run through the model
    changed: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def total_units(self) -> int:
        return sum(self.documents.values())

    @property
    def total_embedded(self) -> int:
        return sum(self.embedded.values())


@contextmanager
def ingest_lock(settings: Settings) -> Iterator[None]:
    """Serialise ingests: a second one fails at once with a clear message instead of corrupting the first."""
    settings.index_root.mkdir(parents=True, exist_ok=True)
    path = settings.index_root / LOCK_FILE
    fh = path.open("a+")
    try:
        fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        fh.seek(0)
        holder = fh.read().strip() or "unknown"
        fh.close()
        raise IngestBusyError(f"another ingest is running (pid {holder}); wait for it to finish") from None
    try:
        fh.seek(0)
        fh.truncate()
        fh.write(str(os.getpid()))
        fh.flush()
        yield
    finally:
        fcntl.flock(fh, fcntl.LOCK_UN)
        fh.close()


def index_text(u: Unit, doc: Document) -> str:
    """What is embedded and tokenized for a unit: its label and title give context to a bare paragraph."""
    head = label(u, doc, u.lang)
    if u.title and u.level not in ("passage", "form"):
        head += f" ({u.title})"
    return f"{head}\n{u.text}"


def is_indexed(u: Unit, has_children: set[str]) -> bool:
    """Search covers leaves and their parents' text once: a composite article is covered by its paragraphs."""
    if not u.indexed:
        return False
    return u.uid not in has_children


def _parents_with_children(units: list[Unit]) -> set[str]:
    """Uids of articles, addenda and annexes that have parts of their own in the same file."""
    keyed = {(u.source_file, u.article, u.addendum) for u in units
             if u.level in ("paragraph", "item", "addendum-article", "annex-part")}
    return {u.uid for u in units
            if u.level in ("article", "addendum", "annex") and (u.source_file, u.article, u.addendum) in keyed}


def compute_links(units: list[Unit]) -> dict[str, list[dict[str, str]]]:
    """Links between provisions, by canonical id: cites/cited_by, and implements/implemented_by where the
    cited provision leaves the matter to Presidential Decree."""
    delegating = {u.cid for u in units if u.delegates}
    links: dict[str, dict[tuple[str, str], None]] = defaultdict(dict)
    for u in units:
        if u.lang != "ko":
            continue
        # A provision named as violated (the fine schedule's "법 제31조제1항을 위반하여") is cited, not implemented.
        implementing = set(find_refs(u.text, u.doc, violations=False)) if u.doc == "decree" else set()
        for ref in u.refs:
            links[u.cid][(ref, "cites")] = None
            links[ref][(u.cid, "cited_by")] = None
            art = ":".join(ref.split(":")[:2])
            if ref in implementing and ref.startswith("act:") and (ref in delegating or art in delegating):
                links[u.cid][(ref, "implements")] = None
                links[ref][(u.cid, "implemented_by")] = None
    return {cid: [{"cid": c, "rel": r} for (c, r) in d] for cid, d in sorted(links.items())}


def fingerprint(parsed: ParsedCorpus, model_key: str, settings: Settings) -> str:
    h = hashlib.sha256()
    h.update(PARSER_VERSION.encode())
    h.update(settings.manifest.read_bytes())
    h.update(model_key.encode())
    h.update(settings.chroma_url.encode())
    for k in sorted(parsed.file_hashes):
        h.update(f"{k}={parsed.file_hashes[k]}\n".encode())
    return h.hexdigest()


def _doc_hashes(parsed: ParsedCorpus) -> dict[str, str]:
    per: dict[str, list[str]] = defaultdict(list)
    for k, v in sorted(parsed.file_hashes.items()):
        per[k.split("|")[0]].append(v)
    # The parser's version is part of what a document yields: a new parser changes every document's units.
    return {d: hashlib.sha256((PARSER_VERSION + "".join(v)).encode()).hexdigest() for d, v in per.items()}


def _read_meta(settings: Settings, gen: str | None) -> dict:
    if not gen:
        return {}
    try:
        return json.loads((settings.index_root / gen / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _progress(total: int, desc: str, enabled: bool):  # noqa: ANN202
    from tqdm import tqdm

    return tqdm(total=total, desc=desc, unit="unit", disable=not enabled, leave=False, dynamic_ncols=True)


def build_index(settings: Settings, *, rebuild: bool = False, progress: bool = True,
                embeddings: KaiaEmbeddings | None = None) -> IngestReport:
    """Bring the index up to date with the sources; do nothing when nothing changed (unless `rebuild`)."""
    t0 = time.perf_counter()
    with ingest_lock(settings):
        _clean_stale(settings)
        parsed = parse_corpus(settings)
        ref, model_key = (embeddings.model_ref, embeddings.model_key) if embeddings else resolve_model(settings)
        fp = fingerprint(parsed, model_key, settings)
        prev_gen = current_generation(settings)
        prev = _read_meta(settings, prev_gen)
        counts = Counter(u.doc for u in parsed.units)
        new_hashes = _doc_hashes(parsed)
        changed = sorted(d for d in new_hashes if prev.get("doc_hashes", {}).get(d) != new_hashes[d])
        changed += sorted(d for d in prev.get("doc_hashes", {}) if d not in new_hashes)
        if prev and prev.get("fingerprint") == fp and not rebuild and _generation_ok(settings, prev_gen):
            return IngestReport(prev_gen or "", True, time.perf_counter() - t0, dict(counts), {}, [],
                                parsed.warnings)
        emb = embeddings or KaiaEmbeddings(ref, model_key, EmbeddingCache(settings.embedding_cache_file))
        gen = datetime.now(timezone.utc).strftime("gen-%Y%m%dT%H%M%S%f")
        tmp = settings.index_root / f"{gen}.tmp"
        tmp.mkdir(parents=True)
        try:
            embedded = _write_generation(settings, parsed, emb, tmp, gen, fp, new_hashes, progress)
            final = settings.index_root / gen
            os.replace(tmp, final)
            _set_current(settings, gen)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            if settings.chroma_url:
                _drop_server_collection(settings, gen)
            raise
        _prune(settings, keep=gen)
        return IngestReport(gen, False, time.perf_counter() - t0, dict(counts), embedded, changed, parsed.warnings)


def _write_bm25(folder: Path, ids_file: Path, uids: list[str], tokens: list[list[str]]) -> None:
    """A BM25 index of the given token lists and the uid of each row."""
    import bm25s

    retriever = bm25s.BM25()
    retriever.index(tokens or [["∅"]], show_progress=False)
    retriever.save(str(folder), show_progress=False)
    write_json_atomic(ids_file, uids)


def _write_generation(settings: Settings, parsed: ParsedCorpus, emb: KaiaEmbeddings, out: Path, gen: str, fp: str,
                      doc_hashes: dict[str, str], progress: bool) -> dict[str, int]:
    docs = {d.id: d for d in parsed.docs}
    parents = _parents_with_children(parsed.units)
    indexed = [u for u in parsed.units if is_indexed(u, parents)]
    texts = [index_text(u, docs[u.doc]) for u in indexed]

    # Which texts the model must embed (per document, for the report).
    keys = [EmbeddingCache.key(emb.model_key, "passage", t) for t in texts]
    cached = emb.cache.get_many(keys) if emb.cache else {}
    first_doc: dict[str, str] = {}
    for u, k in zip(indexed, keys):
        if k not in cached:
            first_doc.setdefault(k, u.doc)  # identical wordings (two phases of the Act) are embedded once
    embedded = Counter(first_doc.values())
    bar = _progress(len(texts), "embedding", progress)
    vectors = emb.encode(texts, "passage", progress=bar.update)
    bar.close()

    with (out / "units.jsonl").open("w", encoding="utf-8") as fh:
        for u in parsed.units:
            fh.write(json.dumps(u.to_dict(), ensure_ascii=False) + "\n")
    write_json_atomic(out / "docs.json", [doc_to_dict(d) for d in parsed.docs])
    write_json_atomic(out / "links.json", compute_links(parsed.units))

    bar = _progress(len(texts), "lexical index", progress)
    cache = TokenCache(settings.token_cache_file)
    try:
        corpus_tokens = [toks or ["∅"] for toks in cache.tokenize_all(texts, progress=bar.update)]
    finally:
        cache.close()
    bar.close()
    # Guidance and drafts get a lexical index of their own: searched only beside the law or when asked about,
    # they must not change the law's term weights (BM25, df.json) from what the law alone gives.
    primary = [i for i, u in enumerate(indexed) if docs[u.doc].kind not in ASKED_ONLY_KINDS]
    extra = [i for i, u in enumerate(indexed) if docs[u.doc].kind in ASKED_ONLY_KINDS]
    _write_bm25(out / "bm25", out / "bm25_ids.json", [indexed[i].uid for i in primary], [corpus_tokens[i] for i in primary])
    _write_bm25(out / "bm25-extra", out / "bm25_extra_ids.json", [indexed[i].uid for i in extra],
                [corpus_tokens[i] for i in extra])
    df: Counter[str] = Counter()
    for i in primary:
        df.update(set(corpus_tokens[i]))
    write_json_atomic(out / "df.json", {"n": len(primary), "df": dict(df)})

    from langchain_chroma import Chroma

    client = chroma_client(settings, out)
    store = Chroma(collection_name=collection_name(settings, gen), client=client, embedding_function=emb,
                   collection_configuration={"hnsw": {"space": "cosine", "ef_construction": 200,
                                                                "ef_search": EF_SEARCH, "max_neighbors": 32}})
    bar = _progress(len(texts), "vector store", progress)
    batch = 256
    for i in range(0, len(indexed), batch):
        chunk = indexed[i:i + batch]
        # The vectors are computed above; the langchain store receives them through the cache-backed
        # embedding function, so nothing is embedded twice.
        store._collection.add(ids=[u.uid for u in chunk], embeddings=vectors[i:i + batch].tolist(),
                              documents=texts[i:i + batch], metadatas=[unit_metadata(u, docs[u.doc]) for u in chunk])
        bar.update(len(chunk))
    bar.close()
    del store, client

    meta = {"generation": gen, "fingerprint": fp, "model_key": emb.model_key, "model_ref": emb.model_ref,
            "created": datetime.now(timezone.utc).isoformat(timespec="seconds"), "doc_hashes": doc_hashes,
            "units": len(parsed.units), "indexed": len(indexed), "indexed_lexical": len(primary),
            "parser_version": PARSER_VERSION,
            "chroma_url": settings.chroma_url, "dim": int(vectors.shape[1]) if len(vectors) else 0}
    write_json_atomic(out / "meta.json", meta)
    return dict(embedded)


def _generation_ok(settings: Settings, gen: str | None) -> bool:
    """Whether a generation is whole (the checks `IndexStore.open` makes), so a damaged index is rebuilt by a
    plain `kaia ingest` instead of being reported up to date."""
    if not gen:
        return False
    try:
        check_generation(settings, gen)
    except IndexDamagedError:
        return False
    return True


def _set_current(settings: Settings, gen: str) -> None:
    tmp = settings.index_root / f"{CURRENT}.tmp"
    tmp.write_text(gen, encoding="utf-8")
    with tmp.open("rb") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, settings.index_root / CURRENT)


def _clean_stale(settings: Settings) -> None:
    """Remove half-written generations left by a killed ingest (we hold the lock, so none is in progress)."""
    for p in settings.index_root.glob("gen-*.tmp"):
        shutil.rmtree(p, ignore_errors=True)
        if settings.chroma_url:  # its collection on the server is half-written too
            _drop_server_collection(settings, p.name.removesuffix(".tmp"))


def _prune(settings: Settings, keep: str) -> None:
    gens = sorted(p.name for p in settings.index_root.glob("gen-*") if p.is_dir() and not p.name.endswith(".tmp"))
    for name in gens[:-KEEP_GENERATIONS]:
        if name != keep:
            shutil.rmtree(settings.index_root / name, ignore_errors=True)
            if settings.chroma_url:
                _drop_server_collection(settings, name)


def _drop_server_collection(settings: Settings, gen: str) -> None:
    try:
        chroma_client(settings, settings.index_root / gen).delete_collection(collection_name(settings, gen))
    except Exception:  # noqa: BLE001 - best effort: the collection may not exist
        pass
