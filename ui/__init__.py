"""The `kaia` command line and the Gradio chat page over the assistant."""
from corpus.lazy import lazy_exports

_EXPORTS = {"main": "cli", "format_answer": "cli", "build_app": "web", "answer_markdown": "render",
            "chat_text": "render"}
__all__ = sorted(_EXPORTS)
__getattr__ = lazy_exports(__name__, _EXPORTS)
