"""Cross-check of `kaia verify` and kaia's answers: every citation in kaia's answers to the question sets, checked by
`kaia verify`'s checker against the law of the answer's date. Prints each finding that is not ok and the counts."""
from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from assistant.chain import Assistant  # noqa: E402
from assistant.citecheck import CitationChecker  # noqa: E402
from ui.cli import format_answer  # noqa: E402


def check_answers(assistant: Assistant, checker: CitationChecker, questions: list[dict]
                  ) -> tuple[collections.Counter[str], list[str]]:
    """The status counts of every citation in kaia's answers to `questions`, and a line for each one not ok."""
    counts: collections.Counter[str] = collections.Counter()
    bad: list[str] = []
    for q in questions:
        ans = assistant.ask(q["question"], as_of=q.get("as_of"))
        report = checker.check(format_answer(ans), as_of=ans.as_of)
        counts.update(f.status for f in report.findings)
        bad += [f"{q['id']} line {f.line}: {f.text} [{f.status}] {f.detail}" for f in report.findings if f.status != "ok"]
    return counts, bad


def read_questions(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("files", nargs="*", help="question files (default: eval/questions.jsonl and eval/heldout*.jsonl)")
    args = ap.parse_args()
    files = [Path(f) for f in args.files] or [ROOT / "eval" / "questions.jsonl",
                                              *sorted((ROOT / "eval").glob("heldout*.jsonl"))]
    assistant = Assistant()
    assistant.warm_up()
    checker = CitationChecker(assistant.store)
    failed = 0
    for path in files:
        counts, bad = check_answers(assistant, checker, read_questions(path))
        for line in bad:
            print(f"{path.name} {line}")
        failed += len(bad)
        print(f"{path.name}: {dict(counts)}", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
