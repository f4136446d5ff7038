"""Shared fixtures: a real index built once per test session, the `kaia` CLI run as a subprocess (or in this
process, `kaia_main`), and the chat page served by `kaia ui`."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

from corpus.settings import Settings  # noqa: E402

# The converted model and the embedding cache are rebuildable caches shared by every test data folder, so the
# corpus is embedded once per machine rather than once per test.
SHARED = Path(os.environ.get("KAIA_TEST_SHARED", ROOT / "data"))


def make_settings(data_dir: Path, **over) -> Settings:
    return Settings(data_dir=data_dir, model_dir=SHARED / "models", embedding_cache=SHARED / "embeddings-cache.sqlite",
                    **over)


def cli_env(settings: Settings) -> dict[str, str]:
    env = dict(os.environ)
    env.update({"KAIA_DATA_DIR": str(settings.data_dir), "KAIA_MODEL_DIR": str(settings.models_dir),
                "KAIA_EMBEDDING_CACHE": str(settings.embedding_cache_file), "KAIA_SOURCES": str(settings.sources),
                "KAIA_CHROMA_URL": settings.chroma_url, "PYTHONIOENCODING": "utf-8"})
    return env


def run_kaia(settings: Settings, *args: str, timeout: float = 600, input: str | None = None
             ) -> subprocess.CompletedProcess[str]:
    """Run the real `kaia` command against `settings`' data folder."""
    return subprocess.run([sys.executable, "-m", "ui.cli", *args], cwd=ROOT, env=cli_env(settings),
                          capture_output=True, text=True, timeout=timeout, input=input)


def in_parallel(*calls):  # noqa: ANN002, ANN201 - any callables, their results in order
    """Run independent calls (typically `kaia` subprocesses, which spend most of their time starting Python)
    at the same time; return their results in the order given. An exception of any call is raised here."""
    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        futures = [pool.submit(c) for c in calls]
        return [f.result() for f in futures]


@pytest.fixture
def kaia_main(monkeypatch, capfd):
    """`kaia` run inside the test process: the same `ui.cli.main` as `run_kaia` (same parsing, same error
    handling, same exit code, same printed output), without starting a Python and importing the stack again
    (~3-4 s a command). For commands whose real-process behaviour (exit code, one-line error) is tested through
    `run_kaia` elsewhere: here library warnings and log records go to pytest rather than to stderr. An exception
    that `main` does not turn into a message propagates and fails the test (where the real command would print
    a traceback and exit 1)."""
    from ui.cli import main

    def run(settings: Settings, *args: str) -> subprocess.CompletedProcess[str]:
        with monkeypatch.context() as m:
            for k, v in cli_env(settings).items():
                if k.startswith("KAIA_"):
                    m.setenv(k, v)
            capfd.readouterr()
            try:
                code = main(list(args))
            except SystemExit as exc:  # argparse refusing the arguments
                code = exc.code if isinstance(exc.code, int) else 1
            out, err = capfd.readouterr()
        return subprocess.CompletedProcess(["kaia", *args], code, out, err)

    return run


@pytest.fixture(scope="session")
def built_settings(tmp_path_factory) -> Settings:
    """Settings of a data folder holding a freshly built index of the real corpus. Under pytest-xdist (`make test`
    runs two workers) the first worker to take the lock builds the index in a folder of the run, the other waits for
    it and finds it up to date, so the corpus is embedded once per run, not once per worker; each then works on its
    own copy."""
    from filelock import FileLock

    from ingest.index import build_index

    if not os.environ.get("PYTEST_XDIST_WORKER"):
        s = make_settings(tmp_path_factory.mktemp("kaia-data"))
        build_index(s, progress=False)
        return s
    root = tmp_path_factory.getbasetemp().parent  # the run's folder, common to its workers
    s = make_settings(root / "kaia-data")
    with FileLock(str(root / "kaia-data.lock")):
        build_index(s, progress=False)
    # Each worker then reads its own copy: Chroma's persistent store is not safe to open from two processes at once
    # (a query in one worker aborted the process, rarely, while the other had the same folder open).
    own = tmp_path_factory.mktemp("kaia-data-worker") / "data"
    shutil.copytree(s.data_dir, own)
    return make_settings(own)


@pytest.fixture(scope="session")
def store(built_settings):
    from ingest.store import IndexStore

    return IndexStore.open(built_settings)


@pytest.fixture
def fresh_settings(built_settings, tmp_path) -> Settings:
    """A private copy of the built index, for tests that change it."""
    target = tmp_path / "data"
    shutil.copytree(built_settings.data_dir, target)
    return make_settings(target)


# ------------------------------------------------------------------------------------- the chat page


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def launch_server(settings: Settings, extra_env: dict[str, str] | None = None):
    """Start `kaia ui` on a free port without waiting for it; returns (process, url). See `wait_for_server`."""
    port = free_port()
    env = cli_env(settings)
    env.update({"GRADIO_ANALYTICS_ENABLED": "False", "HF_HUB_OFFLINE": "1", "HF_HUB_DISABLE_TELEMETRY": "1",
                "KAIA_AUTH": "", **(extra_env or {})})
    env.pop("KAIA_PORT", None)
    log = open(settings.data_dir / f"ui-{port}.log", "w")
    proc = subprocess.Popen([sys.executable, "-m", "ui.cli", "ui", "--port", str(port)], cwd=ROOT, env=env,
                            stdout=log, stderr=subprocess.STDOUT)
    proc.log_path = settings.data_dir / f"ui-{port}.log"
    return proc, f"http://127.0.0.1:{port}/"


def wait_for_server(proc, url: str, timeout: float = 180) -> None:
    """Return once the page of a launched `kaia ui` answers (or asks for a login)."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"kaia ui exited ({proc.returncode}): " + proc.log_path.read_text())
        try:
            with urllib.request.urlopen(url + "gradio_api/info", timeout=2):
                pass
            return
        except urllib.error.HTTPError:  # up, but asking for a login
            return
        except OSError:
            time.sleep(0.5)
    proc.kill()
    raise RuntimeError("kaia ui did not start in time")


def start_server(settings: Settings, extra_env: dict[str, str] | None = None, timeout: float = 180):
    """`kaia ui` on a free port; returns (process, url) once the page answers."""
    proc, url = launch_server(settings, extra_env)
    wait_for_server(proc, url, timeout)
    return proc, url


def stop_server(proc) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="session")
def web_server(built_settings, tmp_path_factory):
    """One `kaia ui` over a private copy of the index, shared by the chat-page tests and the load test (starting
    a server takes ~10 s). Uploads change its index; tests that compare answers take their expectations from
    this same data folder, so the order the tests run in does not matter."""
    data = tmp_path_factory.mktemp("web") / "data"
    shutil.copytree(built_settings.data_dir, data)
    settings = make_settings(data)
    proc, url = start_server(settings)
    yield settings, url
    stop_server(proc)


# Tests that share a server started once (the session's `web_server`, the browser module's own) run on one
# pytest-xdist worker (`--dist loadgroup`), so that each server and browser is started once per run.
def pytest_collection_modifyitems(config, items) -> None:  # noqa: ANN001 - pytest's hook signature
    for item in items:
        if item.path.name == "test_browser.py":
            item.add_marker(pytest.mark.xdist_group("browser"))
        elif "web_server" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.xdist_group("web-server"))
