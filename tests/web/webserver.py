"""A real store built from ../shared (dev + seeds) by the real CLI, and real `communique serve`
processes on loopback ports over copies of it."""
from __future__ import annotations

import json
import os
import socket
import sqlite3
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from support import CLI, REPO, SHARED, cli

TOKEN = "test-token-0123456789"
ARTIFACTS = REPO / "test-artifacts"


@pytest.fixture(scope="session")
def built_db(tmp_path_factory) -> Path:
    if not (SHARED / "corpus" / "dev" / "articles.jsonl").exists():
        pytest.skip(f"../shared not found at {SHARED}")
    db = tmp_path_factory.mktemp("web") / "dev.db"
    r = cli("ingest", str(SHARED / "corpus" / "dev" / "articles.jsonl"), str(SHARED / "corpus" / "seeds"),
            "--db", str(db), "--quiet")
    assert r.returncode == 0, r.stderr.decode()
    return db


def _copy(src: Path, dst: Path) -> Path:
    with sqlite3.connect(src) as a, sqlite3.connect(dst) as b:
        a.backup(b)
    return dst


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, db: Path, *extra: str, env: dict | None = None):
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen(CLI + ["serve", "--db", str(db), "--port", str(self.port), *extra], cwd=REPO,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     env={**os.environ, **(env or {})})
        deadline = time.time() + 60
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(self.proc.stderr.read().decode())
            try:
                urllib.request.urlopen(self.base + "/api/stats", timeout=2)
                return
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.2)
        raise RuntimeError("server did not start")

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=30)

    def request(self, path: str, data: bytes | None = None, headers: dict | None = None, method: str | None = None):
        """(status, headers, body bytes) for a real HTTP request."""
        req = urllib.request.Request(self.base + path, data=data, headers=headers or {}, method=method)
        try:
            with urllib.request.urlopen(req, timeout=300) as r:
                return r.status, dict(r.headers), r.read()
        except urllib.error.HTTPError as e:
            return e.code, dict(e.headers), e.read()

    def json(self, path: str, **kw):
        status, _, body = self.request(path, **kw)
        return status, json.loads(body)


@pytest.fixture(scope="session")
def server(built_db, tmp_path_factory):
    """Read-only (no token), over a copy of the dev store."""
    s = Server(_copy(built_db, tmp_path_factory.mktemp("ro") / "ro.db"))
    yield s
    s.stop()


@pytest.fixture(scope="session")
def ingest_server(built_db, tmp_path_factory):
    """Token set, 200 kB body limit, over its own copy."""
    s = Server(_copy(built_db, tmp_path_factory.mktemp("rw") / "rw.db"), "--token", TOKEN, "--max-body", "200000")
    yield s
    s.stop()



