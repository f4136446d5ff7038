"""Learned readers of the MSIT guidelines, from the annotated question files of corpus/situations.toml: which page a
careful reader cites for a question (PageReader), and which sentences of a guideline passage carry what such readers
quote as the key facts (SentenceReader). Retrieval still finds the passages; these only choose among them (the page of
a guideline section to quote, the sentences of a passage to quote), so every quote is still the guideline's text."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from corpus.knowledge import KnowledgeError, SituationSets, load_situation_sets
from corpus.model import Unit
from corpus.settings import REPO_ROOT

from assistant.learned import annotated, cache_key, cached_model, features

MODEL_VERSION = 1
# Which page (with held-outs 115–144 learned, on the fresh 145–148): the page the writers cite first for 0.82 of the
# questions citing a guideline (SGD logistic loss; LogisticRegression's lbfgs does as well, 0.80, ten times slower).
PAGE_ALPHA = 1e-5
PAGE_EPOCHS = 30
# Which sentences: a sentence's likelihood to carry a key fact, learned from the sentences of the cited pages.
SENTENCE_REGULARISATION = 4.0


def page_key(doc: str, page: int | None, article: str | None) -> str:
    """A guideline page ("guideline/high-impact|139"), or a passage of an unpaged guideline ("…|passage-25")."""
    return f"{doc}|{page if page is not None else article}"


def unit_key(unit: Unit) -> str:
    return page_key(unit.doc, unit.page, unit.article)


def key_parts(key: str) -> tuple[str, int | None, str | None]:
    """(document, printed page or None, passage or None) of a page key."""
    doc, where = key.rsplit("|", 1)
    return (doc, int(where), None) if where.isdigit() else (doc, None, where)


def _cited(q: dict[str, Any]) -> list[dict[str, Any]]:
    return [g for g in q.get("gold") or [] if isinstance(g, dict) and str(g.get("doc", "")).startswith("guideline/")]


def _page_examples(sets: SituationSets, root: Path) -> tuple[list[str], list[str]]:
    texts: list[str] = []
    pages: list[str] = []
    for q in annotated(sets, root):
        for g in _cited(q):
            texts.append(q["question"])
            pages.append(page_key(g["doc"], g.get("page"), g.get("article")))
    if len(set(pages)) < 2:
        raise KnowledgeError("situations.toml: the files listed cite fewer than two guideline pages")
    return texts, pages


def _train_pages(texts: list[str], pages: list[str]):  # noqa: ANN202 - a fitted sklearn Pipeline
    from sklearn.linear_model import SGDClassifier
    from sklearn.pipeline import Pipeline

    model = SGDClassifier(loss="log_loss", alpha=PAGE_ALPHA, max_iter=PAGE_EPOCHS, tol=None, random_state=0)
    return Pipeline([("features", features()), ("model", model)]).fit(texts, pages)


@lru_cache(maxsize=4)
def _page_model(cache_file: Path, sets: SituationSets, root: Path):  # noqa: ANN202 - a fitted sklearn Pipeline
    return cached_model(cache_file, lambda: _train_pages(*_page_examples(sets, root)))


class PageReader:
    """The guideline page careful readers cite for a question: among the pages retrieval found in a guideline
    section, or on its own where the reader is sure of it."""

    def __init__(self, cache_dir: Path, sets: SituationSets | None = None, root: Path = REPO_ROOT) -> None:
        self.sets = sets or load_situation_sets()
        self.min_confidence = self.sets.page_min_confidence
        self.quote_confidence = self.sets.page_quote_confidence
        key = cache_key("page-reader", f"{MODEL_VERSION} {PAGE_ALPHA} {PAGE_EPOCHS}", self.sets, root)
        self._model = _page_model(cache_dir / f"page-reader-{key}.pkl", self.sets, root)
        self._index = {str(c): i for i, c in enumerate(self._model.classes_)}
        # (asked once per section searched and once more for the page to quote: the same question each time)
        self.probabilities = lru_cache(maxsize=64)(self._probabilities)

    def _probabilities(self, question: str) -> dict[str, float]:
        """Each learned page's probability of being the one cited for the question."""
        probs = self._model.predict_proba([question])[0]
        return {c: float(probs[i]) for c, i in self._index.items()}

    def cited(self, question: str) -> str | None:
        """The page careful readers would cite for the question, where the reader rates it at least
        `quote_confidence` likely; else None."""
        probs = self.probabilities(question)
        best = max(probs, key=lambda k: (probs[k], k), default=None)
        return best if best is not None and probs[best] >= self.quote_confidence else None

    def preferred(self, question: str, units: dict[str, Unit]) -> set[str]:
        """Of the passages found (cid → its first unit), those on the page the reader rates highest, if it rates it
        at least `min_confidence`; else none (retrieval's order stands)."""
        probs = self.probabilities(question)
        rated = {cid: probs.get(unit_key(u), 0.0) for cid, u in units.items()}
        best = max(rated.values(), default=0.0)
        if best < self.min_confidence:
            return set()
        return {cid for cid, p in rated.items() if p == best}


def _sentence_examples(sets: SituationSets, root: Path, sentences: Callable[[dict[str, Any]], Iterable[str]],
                       found: Callable[[str, str], bool]) -> tuple[list[str], list[int]]:
    texts: list[str] = []
    labels: list[int] = []
    for q in annotated(sets, root):
        facts = [f for f in q.get("key_facts") or [] if isinstance(f, str)]
        for g in _cited(q):
            sents = list(sentences(g))
            marks = [int(any(found(f, s) for f in facts)) for s in sents]
            if any(marks):  # a page that holds none of the question's key facts teaches nothing about them
                texts += sents
                labels += marks
    if len(set(labels)) < 2:
        raise KnowledgeError("situations.toml: no key fact of the files listed is found in a guideline they cite")
    return texts, labels


def _train_sentences(texts: list[str], labels: list[int]):  # noqa: ANN202 - a fitted sklearn Pipeline
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline

    return Pipeline([("features", features(words=False)),
                     ("model", LogisticRegression(C=SENTENCE_REGULARISATION, max_iter=3000))]).fit(texts, labels)


class SentenceReader:
    """How likely a guideline sentence is to carry what careful readers quote as a question's key fact."""

    def __init__(self, cache_dir: Path, sentences: Callable[[dict[str, Any]], Iterable[str]],
                 found: Callable[[str, str], bool], corpus: str, sets: SituationSets | None = None,
                 root: Path = REPO_ROOT) -> None:
        """`sentences(gold)`: the quotable sentences of a cited guideline page; `found(fact, text)`: whether a key
        fact is in a text; `corpus` names the index they come from (a new index is a new model)."""
        self.sets = sets or load_situation_sets()
        self.weight = self.sets.sentence_weight
        key = cache_key("sentence-reader", f"{MODEL_VERSION} {SENTENCE_REGULARISATION}", self.sets, root, corpus)
        self._model = cached_model(cache_dir / f"sentence-reader-{key}.pkl",
                                   lambda: _train_sentences(*_sentence_examples(self.sets, root, sentences, found)))
        self._positive = list(self._model.classes_).index(1)
        self._seen: dict[str, float] = {}

    def likelihood(self, texts: list[str]) -> list[float]:
        """Each sentence's probability of carrying a key fact (remembered: guideline sentences recur)."""
        new = [t for t in dict.fromkeys(texts) if t not in self._seen]
        if new:
            for t, p in zip(new, self._model.predict_proba(new)[:, self._positive]):
                self._seen[t] = float(p)
        return [self._seen[t] for t in texts]

    def weighed(self, texts: list[str]) -> list[float]:
        """Each sentence's likelihood times the weight situations.toml gives it beside the question's words."""
        return [self.weight * p for p in self.likelihood(texts)]
