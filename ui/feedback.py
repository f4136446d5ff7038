"""Feedback on answers (helpful, wrong citation, missing information), kept durably in SQLite and exported."""
from __future__ import annotations

import csv
import io
import json
import sqlite3
from contextlib import closing
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

KINDS = ("helpful", "wrong-citation", "missing-information")
FIELDS = ("id", "created", "kind", "question", "answer", "citations", "as_of", "comment")
MAX_COMMENT = 2000
FILE_NAME = "feedback.sqlite"

_SCHEMA = """CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created TEXT NOT NULL,
    kind TEXT NOT NULL,
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    citations TEXT NOT NULL,
    as_of TEXT NOT NULL,
    comment TEXT NOT NULL DEFAULT ''
)"""


class FeedbackStore:
    """One SQLite file; a connection per call, so any server thread may write."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        with closing(self._connect()) as db, db:
            db.execute(_SCHEMA)

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(str(self.path), timeout=30)
        db.execute("PRAGMA synchronous=FULL")  # an acknowledged report must survive a crash
        return db

    def add(self, kind: str, question: str, answer: str, citations: list[dict[str, Any]], as_of: str,
            comment: str = "") -> int:
        """Store one report; ValueError for an unknown kind. Returns its row id."""
        if kind not in KINDS:
            raise ValueError(f"unknown feedback kind {kind!r}; one of {', '.join(KINDS)}")
        created = datetime.now(timezone.utc).isoformat(timespec="seconds")
        row = (created, kind, question, answer, json.dumps(citations, ensure_ascii=False), as_of or "",
               (comment or "").strip()[:MAX_COMMENT])
        with closing(self._connect()) as db, db:
            cur = db.execute("INSERT INTO feedback (created, kind, question, answer, citations, as_of, comment) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?)", row)
            return int(cur.lastrowid)

    def rows(self) -> list[dict[str, Any]]:
        """Every report, oldest first, with citations decoded."""
        with closing(self._connect()) as db:
            cur = db.execute(f"SELECT {', '.join(FIELDS)} FROM feedback ORDER BY id")
            out = [dict(zip(FIELDS, r)) for r in cur.fetchall()]
        for r in out:
            r["citations"] = json.loads(r["citations"])
        return out


def feedback_path(data_dir: Path) -> Path:
    return data_dir / FILE_NAME


def _cell(value: Any) -> Any:
    """A CSV cell that a spreadsheet will not run as a formula (questions and comments are untrusted)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def export(rows: list[dict[str, Any]], fmt: str) -> str:
    """The reports as JSON Lines or CSV (citations as a JSON string in one CSV column)."""
    if fmt == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=FIELDS, lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({k: _cell(v) for k, v in {**r, "citations": json.dumps(r["citations"], ensure_ascii=False)}
                        .items()})
        return buf.getvalue()
    raise ValueError(f"unknown export format {fmt!r}; jsonl or csv")
