"""JSON Lines files (the question sets): one reader for every module that reads them."""
from __future__ import annotations

import json
from pathlib import Path


class JsonlError(ValueError):
    """A JSON Lines file cannot be read, or a line of it is not JSON (the message names the file and line)."""


def jsonl_rows(path: Path) -> list[tuple[int, object]]:
    """The non-blank lines of a JSONL file, parsed, each with its line number."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise JsonlError(f"{path}: {exc.strerror}") from exc
    out: list[tuple[int, object]] = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            out.append((n, json.loads(line)))
        except ValueError as exc:
            raise JsonlError(f"{path.name} line {n}: not JSON ({exc})") from exc
    return out
