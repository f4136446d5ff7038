"""Answering a question over the index: analyze → facts → retrieve → reason → compose → verify (assistant.chain),
the obligations checker and the citation checker."""
from corpus.lazy import lazy_exports

_EXPORTS = {"Assistant": "chain", "BadQuestionError": "chain", "check_question": "chain", "Answer": "records",
            "Checker": "checker", "FactsFileError": "checker", "CitationChecker": "citecheck",
            "FactReader": "facts", "Facts": "facts", "QuestionReader": "asked", "Reasoner": "reason",
            "Composer": "compose"}
__all__ = sorted(_EXPORTS)
__getattr__ = lazy_exports(__name__, _EXPORTS)
