"""Benchmarks (not tests): cold start to the first answer, warm per-question latency in batch mode, throughput with
N concurrent questions, peak memory; ingest figures come from eval/bench_ingest.py. Writes bench/bench.json."""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")


def pct(values: list[float], p: float) -> float:
    s = sorted(values)
    return round(s[min(len(s) - 1, int(round(p * (len(s) - 1))))], 1)


def machine() -> dict[str, object]:
    info: dict[str, object] = {"python": platform.python_version(), "platform": platform.platform(),
                               "cpus": os.cpu_count(), "processor": platform.processor() or platform.machine()}
    try:
        model = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
        info["cpu_model"] = model
        info["memory_gb"] = round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1e9, 1)
    except (OSError, StopIteration, ValueError):
        pass
    return info


def write_result(out: Path, result: dict[str, object], shown: dict[str, object] | None = None) -> None:
    """Write a benchmark's figures as JSON and print them (or the `shown` part of them)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps(result if shown is None else shown, indent=2, ensure_ascii=False))


def cold_start(question: str) -> float:
    """Seconds from launching `kaia ask` to its answer (imports, index, model load included)."""
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "ui.cli", "ask", question, "--json"], cwd=ROOT, check=True,
                   capture_output=True, text=True)
    return time.perf_counter() - t


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "bench.json")
    ap.add_argument("--concurrency", type=int, default=4)
    ap.add_argument("--repeat", type=int, default=2, help="passes over the question set for warm latency")
    args = ap.parse_args()

    from assistant.chain import Assistant
    from eval.metrics import load_questions
    from eval.run import DEFAULT_QUESTIONS

    questions = [q for q in load_questions(DEFAULT_QUESTIONS)]
    colds = [cold_start("Do I have to tell customers my chatbot is AI?") for _ in range(2)]

    a = Assistant()
    a.warm_up()
    lat: list[float] = []
    for _ in range(args.repeat):
        for q in questions:
            t = time.perf_counter()
            a.ask(q.question, as_of=q.as_of, id=q.id)
            lat.append((time.perf_counter() - t) * 1000)

    t = time.perf_counter()
    with ThreadPoolExecutor(args.concurrency) as pool:
        conc = list(pool.map(lambda q: a.ask(q.question, as_of=q.as_of).timings_ms["total"], questions))
    wall = time.perf_counter() - t

    result = {
        "machine": machine(),
        "questions": len(questions),
        "cold_start_to_first_answer_s": {"runs": [round(c, 2) for c in colds], "best": round(min(colds), 2)},
        "warm_latency_ms": {"p50": pct(lat, 0.5), "p95": pct(lat, 0.95), "mean": round(statistics.mean(lat), 1),
                            "max": round(max(lat), 1), "samples": len(lat)},
        "concurrent": {"clients": args.concurrency, "questions": len(questions),
                       "throughput_qps": round(len(questions) / wall, 2), "latency_p50_ms": pct(conc, 0.5),
                       "latency_p95_ms": pct(conc, 0.95)},
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    ingest = ROOT / "bench" / "ingest.json"
    if ingest.exists():
        result["ingest"] = {k: v for k, v in json.loads(ingest.read_text()).items() if k != "machine"}
    write_result(args.out, result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
