"""Benchmark ingest: cold (empty cache: every unit embedded), warm re-ingest (nothing changed), rebuild from the
cache, and the index size. Writes bench/ingest.json. Not a test: run `make bench` or this script."""
from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

from corpus.settings import Settings  # noqa: E402
from eval.bench import machine, write_result  # noqa: E402
from ingest.index import build_index  # noqa: E402


def folder_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "ingest.json")
    ap.add_argument("--skip-cold", action="store_true", help="reuse the shared embedding cache (no full embed)")
    args = ap.parse_args()
    shared = Settings()
    with tempfile.TemporaryDirectory(prefix="kaia-bench-") as tmp:
        data = Path(tmp) / "data"
        cache = Path(tmp) / "cache.sqlite"
        if args.skip_cold and shared.embedding_cache_file.exists():
            shutil.copyfile(shared.embedding_cache_file, cache)
        s = Settings(data_dir=data, model_dir=shared.models_dir, embedding_cache=cache)
        t = time.perf_counter()
        cold = build_index(s, progress=True)
        cold_s = time.perf_counter() - t
        # A no-change run right after the cold one also waits for the disk to settle: the best of three is the figure.
        warm_runs = []
        for _ in range(3):
            t = time.perf_counter()
            warm = build_index(s, progress=False)
            warm_runs.append(time.perf_counter() - t)
        warm_s = min(warm_runs)
        t = time.perf_counter()
        rebuild = build_index(s, rebuild=True, progress=False)
        rebuild_s = time.perf_counter() - t
        gen_dir = s.index_root / rebuild.generation
        result = {
            "machine": machine(),
            "cold_ingest_s": round(cold_s, 2),
            "cold_embedded_texts": cold.total_embedded,
            "cold_cache_reused": bool(args.skip_cold),
            "reingest_no_change_s": round(warm_s, 3),
            "reingest_embedded": warm.total_embedded,
            "rebuild_from_cache_s": round(rebuild_s, 2),
            "documents": cold.documents,
            "units": cold.total_units,
            "indexed_units": json.loads((gen_dir / "meta.json").read_text())["indexed"],
            "index_bytes": folder_bytes(gen_dir),
            "embedding_cache_bytes": cache.stat().st_size,
        }
    write_result(args.out, result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
