"""`make serve`'s gunicorn configuration: workers from the CPU count, timeouts in order."""

import importlib.util
import multiprocessing
from pathlib import Path

from udsat.web.data.uploads import COMMAND_TIMEOUT_SECONDS

CONFIG = Path(__file__).resolve().parents[2] / "src" / "udsat" / "web" / "gunicorn_config.py"


def _config(monkeypatch, **env):
    for name in ("UDSAT_WORKERS", "UDSAT_REQUEST_TIMEOUT", "UDSAT_BIND"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    spec = importlib.util.spec_from_file_location("gunicorn_config", CONFIG)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_workers_follow_the_cpu_count(monkeypatch):
    assert _config(monkeypatch).workers == 2 * multiprocessing.cpu_count() + 1
    assert _config(monkeypatch, UDSAT_WORKERS="3").workers == 3


def test_gunicorn_never_kills_a_request_the_app_still_waits_for(monkeypatch):
    config = _config(monkeypatch)
    assert config.timeout > COMMAND_TIMEOUT_SECONDS  # 330 > 300
    assert config.bind == "127.0.0.1:8000"


def test_make_serve_migrates_collects_static_files_and_starts_gunicorn():
    makefile = (CONFIG.parents[3] / "Makefile").read_text()
    serve = makefile.split("\nserve:")[1].split("\n\n")[0]
    steps = [line.strip() for line in serve.splitlines()[1:]]
    assert steps == ["$(PROD) migrate --noinput", "$(PROD) collectstatic --noinput",
                     "$(VENV)/bin/gunicorn -c python:udsat.web.gunicorn_config udsat.web.wsgi"]
