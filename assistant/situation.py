"""A learned reader of the asker's situation: the verdict careful readers give a question, learned from the project's
annotated situations (corpus/situations.toml). The patterns read the facts a question states in words they know;
where they leave a deciding fact open, this reader's verdict chooses which of the map's branches the description as
a whole supports (Assistant._settled), and the answer says that it read the description so."""
from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from corpus.jsonl import JsonlError, jsonl_rows
from corpus.knowledge import KnowledgeError, SituationSets, load_situation_sets
from corpus.settings import REPO_ROOT

# Bumped when the features or the model change, so that a cached model is rebuilt.
MODEL_VERSION = 1
VERDICTS = ("yes", "no", "depends")
# Character n-grams read Korean and English alike without a tokenizer (a verb's endings, "검토 없이", "on its own");
# word pairs keep English phrases whole. Measured leaving each of held-outs 115 to 144 out in turn: verdict accuracy
# 0.81 on all their verdict questions (kaia's first runs: 0.67), the same with the asked duty as a feature (0.81).
CHAR_NGRAMS = (2, 4)
WORD_NGRAMS = (1, 2)
REGULARISATION = 4.0  # LogisticRegression's C


@dataclass(frozen=True)
class Guess:
    verdict: str  # "yes", "no" or "depends"
    confidence: float  # the model's probability of that verdict


def _examples(sets: SituationSets, root: Path) -> tuple[list[str], list[str]]:
    texts: list[str] = []
    verdicts: list[str] = []
    for name in sets.files:
        try:
            rows = jsonl_rows(root / name)
        except JsonlError as exc:
            raise KnowledgeError(f"situations.toml: {exc}") from None
        for _, q in rows:
            if isinstance(q, dict) and q.get("verdict") in VERDICTS and isinstance(q.get("question"), str):
                texts.append(q["question"])
                verdicts.append(q["verdict"])
    if len(set(verdicts)) < 2:
        raise KnowledgeError("situations.toml: the files listed hold fewer than two kinds of verdict")
    return texts, verdicts


def _train(texts: list[str], verdicts: list[str]):  # noqa: ANN202 - a fitted sklearn Pipeline
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion, Pipeline

    features = FeatureUnion([
        ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=CHAR_NGRAMS, min_df=2, sublinear_tf=True)),
        ("words", TfidfVectorizer(analyzer="word", ngram_range=WORD_NGRAMS, min_df=2, sublinear_tf=True)),
    ])
    return Pipeline([("features", features),
                     ("model", LogisticRegression(C=REGULARISATION, max_iter=3000))]).fit(texts, verdicts)


def _key(sets: SituationSets, root: Path) -> str:
    import sklearn

    h = hashlib.sha256(f"{MODEL_VERSION} {sklearn.__version__} {CHAR_NGRAMS} {WORD_NGRAMS} {REGULARISATION}".encode())
    for name in sets.files:
        h.update(name.encode())
        try:
            h.update((root / name).read_bytes())
        except OSError:
            h.update(b"(missing)")
    return h.hexdigest()[:16]


@lru_cache(maxsize=4)
def _model(cache_file: Path, sets: SituationSets, root: Path):  # noqa: ANN202 - a fitted sklearn Pipeline
    """The model cached in `cache_file` (named by a hash of what it is trained on), else trained and cached: a
    file that cannot be read is trained again, never trusted."""
    if cache_file.exists():
        try:
            with cache_file.open("rb") as f:
                model = pickle.load(f)  # noqa: S301 - kaia's own cache, named by the hash of its training data
            if list(model.classes_) and hasattr(model, "predict_proba"):
                return model
        except Exception:  # noqa: BLE001 - a cut or stale file: train again
            pass
    model = _train(*_examples(sets, root))
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


class SituationReader:
    """The verdict the annotated situations teach for a question, with how sure the model is."""

    def __init__(self, cache_dir: Path, sets: SituationSets | None = None, root: Path = REPO_ROOT) -> None:
        self.sets = sets or load_situation_sets()
        self.min_confidence = self.sets.min_confidence
        self._model = _model(cache_dir / f"situation-reader-{_key(self.sets, root)}.pkl", self.sets, root)

    def guess(self, question: str) -> Guess:
        """The most likely verdict for the question as a whole, and its probability."""
        probs = self._model.predict_proba([question])[0]
        best = int(probs.argmax())
        return Guess(str(self._model.classes_[best]), float(probs[best]))

    def settles(self, question: str) -> str | None:
        """"yes" or "no" where the reader is sure enough of it to settle an open fact; else None."""
        g = self.guess(question)
        return g.verdict if g.verdict in ("yes", "no") and g.confidence >= self.min_confidence else None
