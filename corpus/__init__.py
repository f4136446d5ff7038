"""The corpus and the project's knowledge of it: the manifest of source documents, the canonical ids and labels of
provisions, the duty map, fact vocabulary, glossary and phrasing (TOML beside this file), and the settings."""
from corpus.lazy import lazy_exports

_EXPORTS = {"knowledge": "knowledge", "Knowledge": "knowledge", "KnowledgeError": "knowledge",
            "Settings": "settings", "Unit": "model", "LAW_KINDS": "model", "fact_found": "keyfacts",
            "jsonl_rows": "jsonl", "JsonlError": "jsonl", "label": "labels"}
__all__ = sorted(_EXPORTS)
__getattr__ = lazy_exports(__name__, _EXPORTS)
