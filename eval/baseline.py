"""The baseline the report compares against: plain langchain RAG as tutorials build it — RecursiveCharacterTextSplitter
over the raw source texts, dense retrieval only with the same embedding model, the top chunks as the answer, no
abstention, no dates, no links, no translations of its own."""
from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

from corpus.settings import Settings
from ingest.embeddings import KaiaEmbeddings

CHUNK_SIZE = 1000
CHUNK_OVERLAP = 200
_KO_ART = re.compile(r"^제(\d+)조(?:의(\d+))?\s*\(", re.M)
_EN_ART = re.compile(r"^Article\s+(\d+)(?:-(\d+))?\s*\(", re.M)
_KO_PARA = re.compile(r"^\s*([①-⑳])", re.M)
_EN_PARA = re.compile(r"^\s*\((\d{1,2})\)|\)\s\((\d{1,2})\)\s", re.M)


def _doc_of(name: str) -> str:
    if name.startswith("act."):
        return "act"
    if name.startswith("decree."):
        return "decree"
    if name.startswith("notice."):
        return "notice-2026-50"
    if "balancing-act" in name:
        return "commentary/balancing-act"
    if "hybrid-esg" in name:
        return "commentary/hybrid-esg"
    return "unknown"


def locate(text: str, pos: int) -> tuple[str | None, str | None]:
    """The article and paragraph in effect at a character position of a statute rendering."""
    art, art_pos = None, -1
    for rx in (_KO_ART, _EN_ART):
        for m in rx.finditer(text, 0, pos + 1):
            if m.start() > art_pos:
                art_pos, art = m.start(), f"{int(m.group(1))}" + (f"-{int(m.group(2))}" if m.group(2) else "")
    if art is None:
        return None, None
    para = None
    seg = text[art_pos:pos + 1]
    for m in _KO_PARA.finditer(seg):
        para = str("①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳".index(m.group(1)) + 1)
    for m in _EN_PARA.finditer(seg):
        para = str(int(m.group(1) or m.group(2)))
    if para is None and re.match(r"Article\s+\d+(?:-\d+)?\s*\([^)]*\)\s+\(1\)", seg):
        para = "1"
    return art, para


class TutorialRAG:
    """Build once, then `ask` like the assistant (same JSON shape, so the same metrics apply)."""

    def __init__(self, settings: Settings, embeddings: KaiaEmbeddings, passages: dict[str, list[str]] | None = None
                 ) -> None:
        import chromadb
        from chromadb.config import Settings as ChromaSettings
        from langchain_chroma import Chroma
        from langchain_core.documents import Document
        from langchain_text_splitters import RecursiveCharacterTextSplitter

        splitter = RecursiveCharacterTextSplitter(chunk_size=CHUNK_SIZE, chunk_overlap=CHUNK_OVERLAP,
                                                  add_start_index=True)
        docs: list[Document] = []
        files = sorted(settings.sources.glob("*.txt")) + sorted((settings.sources / "commentary").glob("*.txt"))
        for path in files:
            text = path.read_text(encoding="utf-8")
            doc_id = _doc_of(path.name)
            for chunk in splitter.split_documents([Document(page_content=text, metadata={"source": path.name})]):
                start = chunk.metadata["start_index"]
                if doc_id.startswith("commentary/"):
                    art, para = self._passage(passages or {}, doc_id, chunk.page_content), None
                else:
                    art, para = locate(text, min(len(text) - 1, start + 40))
                chunk.metadata.update({"doc": doc_id, "article": art or "", "paragraph": para or ""})
                docs.append(chunk)
        self.chunks = docs
        client = chromadb.EphemeralClient(settings=ChromaSettings(anonymized_telemetry=False))
        self.store = Chroma(collection_name="tutorial", client=client, embedding_function=embeddings)
        self.store.add_documents(docs)

    @staticmethod
    def _passage(passages: dict[str, list[str]], doc: str, chunk: str) -> str | None:
        head = re.sub(r"\s+", " ", chunk[:60]).strip()
        for i, p in enumerate(passages.get(doc, []), 1):
            if head[:40] in re.sub(r"\s+", " ", p):
                return f"passage-{i}"
        return None

    def ask(self, question: str, id: str | None = None) -> dict[str, Any]:
        t0 = time.perf_counter()
        hits = self.store.similarity_search_with_score(question, k=10)
        t1 = time.perf_counter()
        cites = []
        for n, (d, _dist) in enumerate(hits[:3], 1):
            m = d.metadata
            cites.append({"n": n, "doc": m["doc"], "article": m["article"] or None, "paragraph": m["paragraph"] or None,
                          "item": None, "label": f"{m['source']} chunk", "quote": d.page_content, "quote_ko": None,
                          "lang": "", "version": "", "url": "", "verified": True})
        answer = "\n".join(f"{d.page_content} [{n}]" for n, (d, _) in enumerate(hits[:2], 1))
        total = (time.perf_counter() - t0) * 1000
        return {"id": id, "question": question, "answer": answer, "abstained": False, "citations": cites,
                "sources": [{"doc": d.metadata["doc"], "article": d.metadata["article"] or None,
                             "paragraph": d.metadata["paragraph"] or None, "item": None, "score": round(1 - s, 4)}
                            for d, s in hits],
                "as_of": None, "timings_ms": {"retrieve": (t1 - t0) * 1000, "answer": 0.0, "total": total}}


def commentary_passages(store) -> dict[str, list[str]]:  # noqa: ANN001 - IndexStore
    out: dict[str, list[tuple[int, str]]] = {}
    for u in store.units.values():
        if u.doc.startswith("commentary/"):
            out.setdefault(u.doc, []).append((int(u.article.split("-")[1]), u.text))
    return {d: [t for _, t in sorted(v)] for d, v in out.items()}


def build_baseline(settings: Settings, store) -> TutorialRAG:  # noqa: ANN001
    from ingest.embeddings import EmbeddingCache, resolve_model

    ref, key = resolve_model(settings)
    emb = KaiaEmbeddings(ref, key, EmbeddingCache(settings.embedding_cache_file))
    return TutorialRAG(settings, emb, commentary_passages(store))


__all__ = ["TutorialRAG", "build_baseline", "locate", "Path"]
