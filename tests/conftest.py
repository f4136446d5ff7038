"""Shared fixtures: a real index built once per test session, and the `kaia` CLI run as a subprocess."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

from corpus.settings import Settings  # noqa: E402

# The converted model and the embedding cache are rebuildable caches shared by every test data folder, so the
# corpus is embedded once per machine rather than once per test.
SHARED = Path(os.environ.get("KAIA_TEST_SHARED", ROOT / "data"))


def make_settings(data_dir: Path, **over) -> Settings:
    return Settings(data_dir=data_dir, model_dir=SHARED / "models", embedding_cache=SHARED / "embeddings-cache.sqlite",
                    **over)


def cli_env(settings: Settings) -> dict[str, str]:
    env = dict(os.environ)
    env.update({"KAIA_DATA_DIR": str(settings.data_dir), "KAIA_MODEL_DIR": str(settings.models_dir),
                "KAIA_EMBEDDING_CACHE": str(settings.embedding_cache_file), "KAIA_SOURCES": str(settings.sources),
                "KAIA_CHROMA_URL": settings.chroma_url, "PYTHONIOENCODING": "utf-8"})
    return env


def run_kaia(settings: Settings, *args: str, timeout: float = 600, input: str | None = None
             ) -> subprocess.CompletedProcess[str]:
    """Run the real `kaia` command against `settings`' data folder."""
    return subprocess.run([sys.executable, "-m", "ui.cli", *args], cwd=ROOT, env=cli_env(settings),
                          capture_output=True, text=True, timeout=timeout, input=input)


@pytest.fixture(scope="session")
def built_settings(tmp_path_factory) -> Settings:
    """Settings of a data folder holding a freshly built index of the real corpus."""
    from ingest.index import build_index

    s = make_settings(tmp_path_factory.mktemp("kaia-data"))
    build_index(s, progress=False)
    return s


@pytest.fixture(scope="session")
def store(built_settings):
    from ingest.store import IndexStore

    return IndexStore.open(built_settings)


@pytest.fixture
def fresh_settings(built_settings, tmp_path) -> Settings:
    """A private copy of the built index, for tests that change it."""
    target = tmp_path / "data"
    shutil.copytree(built_settings.data_dir, target)
    return make_settings(target)
