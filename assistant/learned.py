"""The machinery of kaia's learned readers (assistant/situation.py, assistant/pages.py): text features, training on
the annotated question files of corpus/situations.toml, and a model cache named by what the model was trained on."""
from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from corpus.jsonl import JsonlError, jsonl_rows
from corpus.knowledge import KnowledgeError, SituationSets

# Character n-grams read Korean and English alike without a tokenizer (a verb's endings, "검토 없이", "on its own");
# word pairs keep English phrases whole.
CHAR_NGRAMS = (2, 4)
WORD_NGRAMS = (1, 2)


def features(words: bool = True):  # noqa: ANN201 - a sklearn transformer
    """TF-IDF over character 2–4-grams (and word 1–2-grams) of a text."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import FeatureUnion

    chars = ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=CHAR_NGRAMS, min_df=2, sublinear_tf=True))
    if not words:
        return chars[1]
    return FeatureUnion([chars, ("words", TfidfVectorizer(analyzer="word", ngram_range=WORD_NGRAMS, min_df=2,
                                                           sublinear_tf=True))])


def annotated(sets: SituationSets, root: Path) -> Iterator[dict[str, Any]]:
    """The questions of the annotated files, as written (rows that are not objects skipped)."""
    for name in sets.files:
        try:
            rows = jsonl_rows(root / name)
        except JsonlError as exc:
            raise KnowledgeError(f"situations.toml: {exc}") from None
        for _, q in rows:
            if isinstance(q, dict) and isinstance(q.get("question"), str):
                yield q


def cache_key(kind: str, params: str, sets: SituationSets, root: Path, extra: str = "") -> str:
    """A name for a model: what it is (`kind`, its parameters, scikit-learn's version) and the bytes it learns from."""
    import sklearn

    h = hashlib.sha256(f"{kind} {params} {sklearn.__version__} {extra}".encode())
    for name in sets.files:
        h.update(name.encode())
        try:
            h.update((root / name).read_bytes())
        except OSError:
            h.update(b"(missing)")
    return h.hexdigest()[:16]


def cached_model(cache_file: Path, train: Callable[[], Any]) -> Any:
    """The model cached in `cache_file` (named by a hash of what it is trained on), else `train()`ed and cached: a
    file that cannot be read is trained again, never trusted."""
    if cache_file.exists():
        try:
            with cache_file.open("rb") as f:
                model = pickle.load(f)  # noqa: S301 - kaia's own cache, named by the hash of its training data
            if list(model.classes_) and hasattr(model, "predict_proba"):
                return model
        except Exception:  # noqa: BLE001 - a cut or stale file: train again
            pass
    model = train()
    cache_file.parent.mkdir(parents=True, exist_ok=True)
    # written whole then renamed: two processes starting at once each write a complete file
    fd, tmp = tempfile.mkstemp(dir=cache_file.parent, prefix=cache_file.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            pickle.dump(model, f)
        os.replace(tmp, cache_file)
    except OSError:
        Path(tmp).unlink(missing_ok=True)  # a read-only cache folder: the model still serves this process
    return model
