"""Evaluation from outside the assistant: question files, scoring, reports and the benchmark."""
from corpus.lazy import lazy_exports

_EXPORTS = {"load_questions": "metrics", "score": "metrics", "aggregate": "metrics", "Question": "metrics"}
__all__ = sorted(_EXPORTS)
__getattr__ = lazy_exports(__name__, _EXPORTS)
