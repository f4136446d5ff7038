"""From source documents to the index: parsing the law.go.kr texts, guidelines and PDFs into units by legal
structure, embedding them, and the Chroma store the assistant reads."""
from corpus.lazy import lazy_exports

_EXPORTS = {"build_index": "index", "IndexStore": "store", "BackendUnavailableError": "store",
            "IndexDamagedError": "store", "KaiaEmbeddings": "embeddings"}
__all__ = sorted(_EXPORTS)
__getattr__ = lazy_exports(__name__, _EXPORTS)
