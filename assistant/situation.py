"""A learned reader of the asker's situation: the verdict careful readers give a question, learned from the project's
annotated situations (corpus/situations.toml). The patterns read the facts a question states in words they know;
where they leave a deciding fact open, this reader's verdict chooses which of the map's branches the description as
a whole supports (Assistant._settled), and the answer says that it read the description so."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from corpus.knowledge import KnowledgeError, SituationSets, load_situation_sets
from corpus.settings import REPO_ROOT

from assistant.learned import annotated, cache_key, cached_model, features

# Bumped when the features or the model change, so that a cached model is rebuilt.
MODEL_VERSION = 1
VERDICTS = ("yes", "no", "depends")
# Over the shared text features (assistant.learned: character 2–4-grams, word 1–2-grams). Measured leaving each of
# held-outs 115 to 144 out in turn: verdict accuracy 0.81 on all their verdict questions (kaia's first runs: 0.67),
# the same with the asked duty as a feature (0.81).
REGULARISATION = 4.0  # LogisticRegression's C
# A question asked the other way round ("we don't have to …, right?") has its yes and no swapped: the reader learns
# each verdict as if the question were asked the plain way (does the duty bind, is it so) and swaps its guess back for
# a question asked the other way round. Measured leaving each of held-outs 115 to 156 out in turn: verdict accuracy
# 0.823 → 0.840 on their 2,313 verdict questions, 0.838 → 0.856 on the 2,200 the reader is sure enough of to settle a
# fact; through the whole chain, trained on 115–150, kaia's verdicts on 151–156 went 0.817 → 0.835 (7 gained, 1 lost).
SWAPPED = {"yes": "no", "no": "yes", "depends": "depends"}


@dataclass(frozen=True)
class Guess:
    verdict: str  # "yes", "no" or "depends"
    confidence: float  # the model's probability of that verdict


def _examples(sets: SituationSets, root: Path, turned: Callable[[str], bool] | None = None
              ) -> tuple[list[str], list[str]]:
    texts: list[str] = []
    verdicts: list[str] = []
    for q in annotated(sets, root):
        if q.get("verdict") in VERDICTS:
            texts.append(q["question"])
            verdicts.append(SWAPPED[q["verdict"]] if turned is not None and turned(q["question"]) else q["verdict"])
    if len(set(verdicts)) < 2:
        raise KnowledgeError("situations.toml: the files listed hold fewer than two kinds of verdict")
    return texts, verdicts


def _train(texts: list[str], verdicts: list[str]):  # noqa: ANN202 - a fitted sklearn Pipeline
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline

    return Pipeline([("features", features()),
                     ("model", LogisticRegression(C=REGULARISATION, max_iter=3000))]).fit(texts, verdicts)


def _key(sets: SituationSets, root: Path, turned_by: str = "") -> str:
    return cache_key("situation-reader", f"{MODEL_VERSION} {REGULARISATION}", sets, root, extra=turned_by)


@lru_cache(maxsize=4)
def _model(cache_file: Path, sets: SituationSets, root: Path):  # noqa: ANN202 - a fitted sklearn Pipeline
    return cached_model(cache_file, lambda: _train(*_examples(sets, root)))


class SituationReader:
    """The verdict the annotated situations teach for a question, with how sure the model is.

    `turned` says whether a question is asked the other way round; `turned_by` names the rules it applies (part of
    the cached model's name, so that the model is trained again when they change). Without it, verdicts are learned
    as asked."""

    def __init__(self, cache_dir: Path, sets: SituationSets | None = None, root: Path = REPO_ROOT,
                 turned: Callable[[str], bool] | None = None, turned_by: str = "") -> None:
        self.sets = sets or load_situation_sets()
        self.min_confidence = self.sets.min_confidence
        self._turned = turned
        key = _key(self.sets, root, turned_by if turned is not None else "")
        cache_file = cache_dir / f"situation-reader-{key}.pkl"
        # (read from its file per reader, as the sentence reader is: a memo keyed by the callable would keep the
        # object it belongs to alive and never be shared)
        self._model = _model(cache_file, self.sets, root) if turned is None else \
            cached_model(cache_file, lambda: _train(*_examples(self.sets, root, turned)))

    def guess(self, question: str) -> Guess:
        """The most likely verdict for the question as a whole (as asked), and its probability."""
        probs = self._model.predict_proba([question])[0]
        best = int(probs.argmax())
        verdict = str(self._model.classes_[best])
        if self._turned is not None and self._turned(question):
            verdict = SWAPPED[verdict]
        return Guess(verdict, float(probs[best]))

    def settles(self, question: str) -> str | None:
        """"yes" or "no" where the reader is sure enough of it to settle an open fact; else None."""
        g = self.guess(question)
        return g.verdict if g.verdict in ("yes", "no") and g.confidence >= self.min_confidence else None
