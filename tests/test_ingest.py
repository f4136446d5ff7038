"""`kaia ingest` and `kaia show` over the real corpus: idempotent, incremental, atomic, bad input refused."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import numpy as np
import pytest

from conftest import make_settings, run_kaia
from ingest.index import build_index
from ingest.store import IndexStore, current_generation
from ingest.tokenize import tokenize


def make_pdf(path: Path, pages: list[list[str]], password: str | None = None) -> Path:
    """A real PDF with Korean (CID font, no file needed) and English text, one list of lines per page."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("HYSMyeongJo-Medium"))
    c = canvas.Canvas(str(path), encrypt=password) if password else canvas.Canvas(str(path))
    for lines in pages:
        y = 760
        for line in lines:
            c.setFont("HYSMyeongJo-Medium" if any("가" <= ch <= "힣" for ch in line) else "Helvetica", 11)
            c.drawString(60, y, line)
            y -= 18
        c.showPage()
    c.save()
    return path


def snapshot(settings) -> tuple[str | None, int]:
    gen = current_generation(settings)
    return gen, len(IndexStore.open(settings).units) if gen else 0


def test_second_ingest_embeds_nothing(fresh_settings):
    report = build_index(fresh_settings, progress=False)
    assert report.up_to_date and report.total_embedded == 0
    out = run_kaia(fresh_settings, "ingest")
    assert out.returncode == 0, out.stderr
    assert "up to date" in out.stdout and "nothing embedded" in out.stdout


def test_fact_examples_are_embedded_once_per_machine(fresh_settings, monkeypatch):
    """The fact vocabulary's described examples are the same in every `kaia` process: the first one embeds them
    into the embedding cache, the next takes them from it, and a cache that fails is passed over."""
    import sqlite3

    from assistant.facts import FactReader
    from corpus.knowledge import knowledge
    from ingest.embeddings import EmbeddingCache, KaiaEmbeddings

    texts = ["only our accountants use it", "we sell it to hospitals", "only our accountants use it"]
    emb = IndexStore.open(fresh_settings).embeddings
    first = emb.query_vectors(texts)
    assert first.shape == (3, 384) and np.allclose(first[0], emb.query_vector(texts[0]))
    assert np.allclose(first[0], first[2])
    calls: list[str] = []
    again = IndexStore.open(fresh_settings).embeddings
    real = again.query_vector
    monkeypatch.setattr(again, "query_vector", lambda t: calls.append(t) or real(t))
    assert np.array_equal(again.query_vectors(texts), first) and calls == []
    # The Assistant's fact reader goes through it: a second reader embeds none of its examples.
    k = knowledge()
    FactReader(k, embed=again.query_vectors, embed_examples=again.query_vectors)._vectors()
    calls.clear()
    FactReader(k, embed=again.query_vectors, embed_examples=again.query_vectors)._vectors()
    assert calls == []

    class Broken(EmbeddingCache):
        def get_many(self, keys):  # noqa: ANN001, ANN201
            raise sqlite3.OperationalError("disk I/O error")

        put_many = get_many

    broken = KaiaEmbeddings(again.model_ref, again.model_key, Broken(fresh_settings.data_dir / "b.sqlite"))
    assert np.allclose(broken.query_vectors(texts[:1]), first[:1], atol=1e-6)


def test_index_contents(store):
    assert store.meta["dim"] == 384
    docs = {u.doc for u in store.units.values()}
    assert {"act", "decree", "notice-2026-50", "commentary/hybrid-esg"} <= docs
    u = store.find("act:31:1", "ko", "2026-08-01")[0]
    for key in ("doc", "version", "lang", "article", "paragraph", "title", "effective_from", "url"):
        assert getattr(u, key) not in (None, ""), key
    # Lexical search understands Korean morphology and whole citation tokens.
    hits = store.lexical(tokenize("고지 의무"), 5)
    assert any(store.units[h.uid].article == "31" for h in hits)
    hits = store.lexical(tokenize("Article 36"), 3)
    assert store.units[hits[0].uid].article == "36"
    # Dense search is cross-lingual: an English question reaches the Korean-only decree through its twin.
    vec = store.embeddings.query_vector("How large must an AI company's sales be before it needs a domestic agent?")
    hits = store.dense(vec, 5, as_of="2026-09-01")
    assert any(store.units[h.uid].cid.startswith("decree:29") for h in hits)
    vec = store.embeddings.query_vector("챗봇이 인공지능이라는 사실을 고객에게 고지해야 하나요?")
    top = [store.units[h.uid] for h in store.dense(vec, 5, as_of="2026-09-01")]
    assert any(u.article in ("31", "23") for u in top)


def test_dense_filter_by_date(store):
    vec = np.asarray(store.embeddings.query_vector("support for expenses of using AI products for low-income people"))
    before = [store.units[h.uid] for h in store.dense(vec, 20, as_of="2026-03-01")]
    assert all(u.in_force("2026-03-01") for u in before)
    assert not any(u.cid.startswith("act:17-2") for u in before)
    after = [store.units[h.uid] for h in store.dense(vec, 20, as_of="2026-08-01")]
    assert any(u.cid.startswith("act:17-2") for u in after)


def test_dense_search_is_exact(store):
    """Chroma's nearest units are the true nearest ones (by exact cosine over the stored vectors), so an answer does
    not depend on which run of the approximate search served it."""
    got = store.vectorstore._collection.get(include=["embeddings"])
    vectors, ids = np.asarray(got["embeddings"], dtype=np.float32), got["ids"]
    for question in ("Our product calls an external LLM through an API. What will the technical reviewers check?",
                     "과태료는 얼마인가요?", "Who must designate a domestic agent?", "영향평가에 포함할 사항"):
        vec = store.embeddings.query_vector(question)
        exact = vectors @ vec
        hits = store.dense(vec, 60)
        assert len(hits) == 60
        cut = np.sort(exact)[-60]
        # Every unit scoring strictly above the 60th exact score is found, and nothing below it is.
        must = {ids[i] for i in np.flatnonzero(exact > cut + 1e-6)}
        assert must <= {h.uid for h in hits}
        assert min(h.score for h in hits) >= cut - 1e-5
        assert [h.uid for h in hits] == [h.uid for h in store.dense(vec, 60)]


def test_show_by_citation(built_settings):
    out = run_kaia(built_settings, "show", "Art. 31(1)")
    assert out.returncode == 0, out.stderr
    assert "인공지능기본법 제31조제1항" in out.stdout and "사전에 고지하여야 한다" in out.stdout
    assert "shall notify the user in advance" in out.stdout
    out = run_kaia(built_settings, "show", "제36조", "--lang", "ko")
    assert out.returncode == 0 and "국내대리인" in out.stdout and "shall" not in out.stdout
    out = run_kaia(built_settings, "show", "Decree Art. 29", "--lang", "en")
    assert out.returncode == 0 and "KRW 1 trillion" in out.stdout and "unofficial" in out.stdout.lower()
    out = run_kaia(built_settings, "show", "Art. 35(1)", "--as-of", "2026-03-01", "--lang", "ko")
    assert out.returncode == 0 and "2026-07-20" in out.stdout and "인공지능취약계층" not in out.stdout
    out = run_kaia(built_settings, "show", "Art. 35(1)", "--as-of", "2026-08-01", "--lang", "ko")
    assert out.returncode == 0 and "인공지능취약계층" in out.stdout
    out = run_kaia(built_settings, "show", "Art. 7", "--as-of", "2026-03-01")
    assert out.returncode == 0 and "60명" in out.stdout
    out = run_kaia(built_settings, "show", "Art. 17-2", "--as-of", "2026-03-01")
    assert out.returncode == 1 and "not in force on 2026-03-01" in out.stderr
    out = run_kaia(built_settings, "show", "Art. 99")
    assert out.returncode == 1 and "no provision" in out.stderr and "Traceback" not in out.stderr
    # a guideline's page, as an answer labels it and as the question files give it, and a passage by its id
    out = run_kaia(built_settings, "show", "과기정통부 고영향 인공지능 판단 가이드라인(2026년 4월) 205쪽")
    assert out.returncode == 0 and "p. 205" in out.stdout and "'이용자'에 해당" in out.stdout, out.stderr
    out = run_kaia(built_settings, "show", "guideline/transparency p. 16")
    assert out.returncode == 0 and "Transparency Guideline" in out.stdout and "p. 16" in out.stdout
    out = run_kaia(built_settings, "show", "guideline/high-impact:passage-3")
    assert out.returncode == 0 and "High-impact AI Judgement Guideline" in out.stdout
    out = run_kaia(built_settings, "show", "high-impact guideline p. 999")
    assert out.returncode == 1 and "no page 999" in out.stderr and "Traceback" not in out.stderr


def test_pdf_added_with_pages_and_searchable(fresh_settings, tmp_path):
    pdf = make_pdf(tmp_path / "사내 AI 정책.pdf", [
        ["Acme internal AI policy", "1. Every chatbot reply starts with a notice that an AI is answering.",
         "This policy was adopted by the board in 2026."],
        ["고객 상담 챗봇 운영 지침", "상담 챗봇은 대화를 시작할 때 인공지능이 답변한다는 사실을 알린다.",
         "위반 시 내부 감사팀이 점검한다."],
        ["Annex: retention", "Chat logs of the zebra-crossing pilot are kept for 90 days."],
    ])
    out = run_kaia(fresh_settings, "ingest", "--add", str(pdf), "--quiet")
    assert out.returncode == 0, out.stderr
    store = IndexStore.open(fresh_settings)
    mine = [u for u in store.units.values() if u.doc.startswith("user/")]
    assert {u.page for u in mine} == {1, 2, 3}
    assert {u.lang for u in mine} == {"en", "ko"}
    hits = store.lexical(tokenize("zebra-crossing pilot chat logs"), 3)
    assert store.units[hits[0].uid].page == 3
    vec = store.embeddings.query_vector("상담 챗봇이 인공지능임을 알리는 내부 지침")
    assert any(store.units[h.uid].doc.startswith("user/") for h in store.dense(vec, 10))
    # Adding it again is refused, and leaves the index as it was.
    gen = current_generation(fresh_settings)
    again = run_kaia(fresh_settings, "ingest", "--add", str(pdf), "--quiet")
    assert again.returncode == 2 and "already added" in again.stderr
    assert current_generation(fresh_settings) == gen


@pytest.mark.parametrize("kind", ["corrupt", "encrypted", "empty", "unknown", "missing", "textless"])
def test_bad_files_refused_index_untouched(fresh_settings, tmp_path, kind):
    before = snapshot(fresh_settings)
    if kind == "corrupt":
        good = make_pdf(tmp_path / "good.pdf", [["Some text on a page."]]).read_bytes()
        path = tmp_path / "broken.pdf"
        path.write_bytes(good[: len(good) // 3])
    elif kind == "encrypted":
        path = make_pdf(tmp_path / "secret.pdf", [["Confidential AI policy."]], password="hunter2")
    elif kind == "empty":
        path = tmp_path / "empty.pdf"
        path.write_bytes(b"")
    elif kind == "unknown":
        path = tmp_path / "policy.docx"
        path.write_bytes(b"PK\x03\x04 not really a docx")
    elif kind == "missing":
        path = tmp_path / "nowhere.pdf"
    else:
        from reportlab.pdfgen import canvas

        path = tmp_path / "scan.pdf"
        c = canvas.Canvas(str(path))
        c.rect(50, 50, 100, 100)
        c.showPage()
        c.save()
    out = run_kaia(fresh_settings, "ingest", "--add", str(path), "--quiet")
    assert out.returncode == 2, out.stdout + out.stderr
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and path.name in lines[0] and "Traceback" not in out.stderr, out.stderr
    assert snapshot(fresh_settings) == before
    assert not list((fresh_settings.user_docs_dir).glob("*.pdf")) if fresh_settings.user_docs_dir.exists() else True


def test_missing_sources_folder(fresh_settings, tmp_path):
    s = make_settings(fresh_settings.data_dir, sources=tmp_path / "no-such-folder")
    out = run_kaia(s, "ingest")
    assert out.returncode == 2 and "sources folder not found" in out.stderr


def test_changed_file_reindexes_only_its_document(fresh_settings, tmp_path):
    src = tmp_path / "sources"
    shutil.copytree(fresh_settings.sources, src)
    os.chmod(src / "commentary", 0o755)
    target = src / "commentary" / "balancing-act-korea-ai-basic-act.en.txt"
    os.chmod(target, 0o644)
    target.write_text(target.read_text(encoding="utf-8") + f"\nA paragraph added at {time.time()} for a test.\n",
                      encoding="utf-8")
    s = make_settings(fresh_settings.data_dir, sources=src)
    report = build_index(s, progress=False)
    assert not report.up_to_date
    assert report.changed == ["commentary/balancing-act"]
    assert report.embedded.get("commentary/balancing-act", 0) >= 1
    assert all(n == 0 for d, n in report.embedded.items() if d != "commentary/balancing-act")
    assert any(w.startswith("commentary/balancing-act-korea-ai-basic-act.en.txt") for w in report.warnings)


def test_failed_ingest_leaves_previous_index(fresh_settings, monkeypatch):
    import ingest.index as index_mod

    before = snapshot(fresh_settings)
    real = index_mod._write_generation

    def explode(*args, **kwargs):
        real(*args, **kwargs)
        raise RuntimeError("disk full (simulated)")

    monkeypatch.setattr(index_mod, "_write_generation", explode)
    with pytest.raises(RuntimeError):
        build_index(fresh_settings, rebuild=True, progress=False)
    assert snapshot(fresh_settings) == before
    assert not list(fresh_settings.index_root.glob("*.tmp"))
    IndexStore.open(fresh_settings).lexical(tokenize("국내대리인"), 3)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_chroma_server_backend(built_settings, tmp_path):
    chroma = Path(os.sys.executable).parent / "chroma"
    if not chroma.exists():
        pytest.skip("chroma CLI not installed")
    port = _free_port()
    proc = subprocess.Popen([str(chroma), "run", "--path", str(tmp_path / "server"), "--host", "127.0.0.1",
                             "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 30
        while time.time() < deadline:
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.2)
        s = make_settings(tmp_path / "data", chroma_url=f"http://127.0.0.1:{port}")
        report = build_index(s, progress=False)
        assert report.total_embedded == 0  # vectors come from the shared cache
        store = IndexStore.open(s)
        vec = store.embeddings.query_vector("domestic agent designation")
        hits = store.dense(vec, 5, as_of="2026-09-01")
        assert hits and any(store.units[h.uid].article in ("36", "29") for h in hits)
        import chromadb

        names = [c.name for c in chromadb.HttpClient(host="127.0.0.1", port=port).list_collections()]
        assert f"kaia-{store.generation}" in names
        assert not (s.index_root / store.generation / "chroma").exists()
    finally:
        proc.terminate()
        proc.wait(timeout=10)
