"""gunicorn's configuration for ``make serve`` (``gunicorn -c python:udsat.web.gunicorn_config``).

Workers from the CPU count (two per core plus one: requests wait on the database as much as
on the CPU). The timeout is longer than the longest wait of the app's own: the admin's import
page waits up to ``udsat.web.data.uploads.COMMAND_TIMEOUT_SECONDS`` (300 s) for the import
command, so gunicorn never kills that worker first (tests/web/test_serve.py checks the
order). A request that takes longer is a fault: the worker is restarted and the error
logged. Everything is logged to stderr.
"""

import multiprocessing
import os

bind = os.environ.get("UDSAT_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("UDSAT_WORKERS", 2 * multiprocessing.cpu_count() + 1))
threads = 1
timeout = int(os.environ.get("UDSAT_REQUEST_TIMEOUT", "330"))
graceful_timeout = 30
keepalive = 5
# A worker is replaced after this many requests (bounded memory over weeks of uptime).
max_requests = 2000
max_requests_jitter = 200
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("UDSAT_LOG_LEVEL", "info")
# The proxy in front terminates TLS and says so in X-Forwarded-Proto (settings trust it).
forwarded_allow_ips = os.environ.get("UDSAT_FORWARDED_ALLOW_IPS", "127.0.0.1")
