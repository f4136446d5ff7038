"""The local manifest overlay: what `kaia sources check` and `update` learned from the law.go.kr Open API.

It lives in the data folder (`<data_dir>/sources/overlay.toml`, beside the downloaded texts), never in the
repository, and extends corpus/manifest.toml with the same schema: `[[document]]` with `id`, then
`[[document.file]]` for a downloaded version (every SourceFile field; `local` says where it is) and
`[[document.change]]` for a shipped file whose entry changes (`file` plus the fields that change: an older text's
`effective_to` once a newer one takes effect, or `local`/`sha256`/`format` when a downloaded copy replaces it).
Besides: `[checked]` (document → when the API was last asked) and `[[known]]` (versions the API listed that the
corpus does not hold yet, as of that check). Without the file, kaia reads the shipped manifest unchanged.

It is written whole to a temporary file and renamed, so a failed run never leaves half of it.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from corpus.model import Document, SourceFile
from corpus.settings import Settings

OVERLAY_FILE = "overlay.toml"
_SOURCE_FIELDS = {f.name for f in dataclasses.fields(SourceFile)}
HEADER = ("# Written by `kaia sources check` / `kaia sources update` (the law.go.kr Open API); it extends\n"
          "# corpus/manifest.toml with the same schema. Delete this folder to go back to the shipped corpus.\n")


class OverlayError(ValueError):
    """The overlay file cannot be read."""


@dataclass
class KnownVersion:
    """A version or enforcement phase the API listed that the corpus does not hold yet (or a text that changed)."""

    doc: str
    lang: str
    target: str
    mst: str
    number: str
    promulgated: str
    effective: str
    status: str  # 현행 | 시행예정 | 연혁 as listed
    change: str  # "new-version" | "new-phase" | "changed-text"
    file: str = ""  # for "changed-text": the file whose text changed

    def describe(self, version: str) -> str:
        """One line: what is new, by its version name and dates."""
        what = {"new-version": "new version", "new-phase": "new enforcement phase",
                "changed-text": "changed text"}.get(self.change, self.change)
        return (f"{what}: {version} (MST {self.mst}), promulgated {self.promulgated or '?'}, "
                f"in force {self.effective}" + (f" [{self.status}]" if self.status else ""))


@dataclass
class Overlay:
    checked: dict[str, str] = field(default_factory=dict)  # doc id -> ISO UTC time of the last good check
    known: list[KnownVersion] = field(default_factory=list)
    files: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # doc id -> added file entries
    changes: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # doc id -> changed shipped entries

    def known_for(self, doc: str) -> list[KnownVersion]:
        return [k for k in self.known if k.doc == doc]

    def doc_key(self, doc: str) -> str:
        """A hash of what the overlay says about a document's files (not of when it was checked): part of the
        index's fingerprint, so a change of dates or of a file re-indexes that document and nothing else."""
        data = {"files": self.files.get(doc, []), "changes": self.changes.get(doc, [])}
        if not data["files"] and not data["changes"]:
            return ""
        return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode()).hexdigest()

    def to_toml_data(self) -> dict[str, Any]:
        docs = []
        for doc in sorted(set(self.files) | set(self.changes)):
            entry: dict[str, Any] = {"id": doc}
            if self.files.get(doc):
                entry["file"] = self.files[doc]
            if self.changes.get(doc):
                entry["change"] = self.changes[doc]
            docs.append(entry)
        out: dict[str, Any] = {"checked": dict(sorted(self.checked.items()))}
        if self.known:
            out["known"] = [dataclasses.asdict(kv) for kv in self.known]
        if docs:
            out["document"] = docs
        return out


def overlay_path(settings: Settings) -> Path:
    """Where this data folder's overlay is."""
    return settings.lawgo_dir / OVERLAY_FILE


def read_overlay(settings: Settings) -> Overlay:
    """The overlay of this data folder (empty when there is none); OverlayError when it cannot be read."""
    path = overlay_path(settings)
    if not path.is_file():
        return Overlay()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        ov = Overlay(checked={str(k): str(v) for k, v in data.get("checked", {}).items()},
                     known=[KnownVersion(**k) for k in data.get("known", [])])
        for d in data.get("document", []):
            ov.files[d["id"]] = [dict(f) for f in d.get("file", [])]
            ov.changes[d["id"]] = [dict(c) for c in d.get("change", [])]
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, TypeError, KeyError, AttributeError) as exc:
        raise OverlayError(f"cannot read {path} ({type(exc).__name__}: {exc}); delete it and run "
                           "`kaia sources update` again") from exc
    return ov


def write_overlay(settings: Settings, ov: Overlay) -> None:
    """Write the overlay whole: a temporary file, flushed, then renamed over the old one."""
    import tomlkit

    path = overlay_path(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        fh.write(HEADER + tomlkit.dumps(ov.to_toml_data()))
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def source_file(entry: dict[str, Any]) -> SourceFile:
    """A SourceFile from an overlay file entry (its bookkeeping keys, such as `fetched`, left aside)."""
    return SourceFile(**{k: v for k, v in entry.items() if k in _SOURCE_FIELDS})


def apply_overlay(docs: list[Document], ov: Overlay) -> list[Document]:
    """The manifest's documents with the overlay's changed entries and added files (a document the manifest does
    not have is ignored: the overlay only extends documents kaia knows how to read). A downloaded version that the
    manifest has come to ship as well (same language, version and enforcement date) is read from the manifest."""
    out: list[Document] = []
    for d in docs:
        changes = {c["file"]: c for c in ov.changes.get(d.id, []) if "file" in c}
        files = [dataclasses.replace(f, **{k: v for k, v in changes[f.file].items() if k in _SOURCE_FIELDS
                                          and k != "file"}) if f.file in changes else f for f in d.files]
        names = {f.file for f in files}
        shipped = {(f.lang, f.version, f.effective_from) for f in d.files}
        files += [source_file(e) for e in ov.files.get(d.id, []) if e.get("file") not in names
                  and (e.get("lang"), e.get("version"), e.get("effective_from")) not in shipped]
        out.append(dataclasses.replace(d, files=tuple(files)) if files != list(d.files) else d)
    return out
