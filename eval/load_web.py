"""Load test of the running chat page: N concurrent gradio_client users × M questions each.

Checks that nothing fails and that no answer is mixed up between users (each answer's sources panel names its own
question, and its citations are those kaia gives that question directly); writes latency and throughput to JSON.
Run against a page you started (`kaia ui`), or let it start one: `python eval/load_web.py --start`.
"""
from __future__ import annotations

import argparse
import html
import os
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")


def run_load(url: str, questions: list[str], clients: int, per_client: int, expected: dict[str, list[str]] | None = None,
             timeout: float = 300) -> dict[str, object]:
    """Drive the page; return latency, throughput, errors and mix-ups."""
    from gradio_client import Client

    latencies: list[float] = []
    errors: list[str] = []
    mixups: list[str] = []
    lock = threading.Lock()

    def user(k: int) -> None:
        try:
            client = Client(url, verbose=False, analytics_enabled=False)
        except Exception as exc:  # noqa: BLE001 - record every failure
            with lock:
                errors.append(f"client {k}: {exc}")
            return
        for i in range(per_client):
            q = questions[(k * per_client + i) % len(questions)]
            t = time.perf_counter()
            try:
                history, sources, _status, _box = client.predict(q, [], "auto", "", [], "extractive", api_name="/ask")
            except Exception as exc:  # noqa: BLE001
                with lock:
                    errors.append(f"client {k} q{i}: {type(exc).__name__}: {exc}"[:300])
                continue
            dt = (time.perf_counter() - t) * 1000
            panel = html.unescape(sources)
            own = q in panel
            # The sources panel lists each cited provision by its label; they must be this question's.
            wrong_labels = expected is not None and q in expected and expected[q] and \
                not all(lab in panel for lab in expected[q][:2])
            with lock:
                latencies.append(dt)
                if not own or wrong_labels:
                    mixups.append(f"client {k}: answer to {q[:60]!r} does not belong to it")

    t0 = time.perf_counter()
    threads = [threading.Thread(target=user, args=(k,), daemon=True) for k in range(clients)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(timeout)
    wall = time.perf_counter() - t0
    lat = sorted(latencies)
    return {
        "clients": clients, "questions_per_client": per_client, "answers": len(lat), "errors": errors,
        "mixups": mixups, "wall_s": round(wall, 2), "throughput_qps": round(len(lat) / wall, 2) if wall else None,
        "latency_ms": {"p50": round(statistics.median(lat), 1) if lat else None,
                       "p95": round(lat[min(len(lat) - 1, int(0.95 * (len(lat) - 1)))], 1) if lat else None,
                       "max": round(max(lat), 1) if lat else None},
    }


def expected_labels(questions: list[str], assistant=None) -> dict[str, list[str]]:  # noqa: ANN001 - Assistant
    """The citation labels kaia gives each question directly (answers are deterministic), by `assistant` or by
    one over the default data folder."""
    from assistant.chain import Assistant

    a = assistant or Assistant()
    out = {}
    for q in questions:
        ans = a.ask(q)
        out[q] = [] if ans.abstained else [c.label for c in ans.citations]
    return out


def start_page(port: int) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-m", "ui.cli", "ui", "--port", str(port)], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/gradio_api/info", timeout=2)
            return proc
        except OSError:
            time.sleep(0.5)
    proc.kill()
    raise RuntimeError("the page did not start")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--url", default="http://127.0.0.1:7860/")
    ap.add_argument("--start", action="store_true", help="start `kaia ui` on --port for the run")
    ap.add_argument("--port", type=int, default=7861)
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--questions", type=int, default=25, help="questions per client")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "load.json")
    args = ap.parse_args()
    from eval.bench import write_result
    from eval.metrics import load_questions
    from eval.run import DEFAULT_QUESTIONS

    questions = [q.question for q in load_questions(DEFAULT_QUESTIONS)]
    expected = expected_labels(questions)
    proc = start_page(args.port) if args.start else None
    url = f"http://127.0.0.1:{args.port}/" if args.start else args.url
    try:
        result = run_load(url, questions, args.clients, args.questions, expected)
    finally:
        if proc:
            proc.terminate()
            proc.wait(timeout=20)
    write_result(args.out, result, shown={k: v for k, v in result.items() if k not in ("errors", "mixups")})
    print(f"errors: {len(result['errors'])}, mix-ups: {len(result['mixups'])}")
    return 0 if not result["errors"] and not result["mixups"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
