"""Hostile clients against real servers (issue 13): searches that used to stall the server, numbers
that used to end in a 500."""
import json
import os
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from support import CLI, REPO
from webserver import Server, _copy

HOSTILE = ["a*%20" * 160, "defence%20OR%20" * 300, "de*%20tr*%20co*%20mi*", "%22" * 200, "NEAR(a%20b)",
           "defence", "training%20OR%20exercise%20OR%20medicine", "%28%28%28%28", "x" * 499]


def test_hostile_searches_in_parallel_leave_the_server_answering(server):
    """45 hostile searches at once: each is answered (400 refused, 503 busy or 200), none with a
    500, and /api/stats still answers within a second while they run."""
    paths = [f"/api/search?q={HOSTILE[i % len(HOSTILE)]}" for i in range(45)]
    with ThreadPoolExecutor(max_workers=46) as pool:
        futures = [pool.submit(server.request, p) for p in paths]
        time.sleep(0.05)
        start = time.monotonic()
        status, _, body = server.request("/api/stats")
        waited = time.monotonic() - start
        results = [f.result() for f in futures]
    assert status == 200 and json.loads(body)["articles"] > 0
    assert waited < 1.0, f"/api/stats took {waited:.2f} s under 45 searches"
    for code, _headers, body in results:
        assert code in (200, 400, 503), (code, body[:200])
        shape = json.loads(body)
        if code != 200:
            assert set(shape) == {"status", "code", "message"} and shape["status"] == code


@pytest.fixture(scope="module")
def tight_server(built_db, tmp_path_factory):
    """A server whose searches may run one microsecond: every search is over budget."""
    s = Server(_copy(built_db, tmp_path_factory.mktemp("tight") / "t.db"),
               env={"COMMUNIQUE_SEARCH_BUDGET_S": "0.000001"})
    yield s
    s.stop()


def test_a_search_over_budget_answers_408_in_the_error_shape(tight_server):
    status, body = tight_server.json("/api/search?q=defence")
    assert status == 408 and body["code"] == "timeout" and "longer than" in body["message"]
    status, headers, page = tight_server.request("/search?q=defence", headers={"accept": "text/html"})
    assert status == 408 and headers["content-type"].startswith("text/html") and b"timeout" in page
    status, body = tight_server.json("/api/stats")
    assert status == 200


def test_a_bad_setting_in_the_environment_is_one_clear_line(tmp_path):
    r = subprocess.run(CLI + ["stats", "--db", str(tmp_path / "x.db")], capture_output=True, cwd=REPO,
                       env={**os.environ, "COMMUNIQUE_SEARCH_BUDGET_S": "fast"}, timeout=120)
    assert r.returncode != 0
    assert r.stderr.decode().strip().splitlines() == ["error: COMMUNIQUE_SEARCH_BUDGET_S='fast': expected a number"]


ODD = ["/api/events?since=2024-%C2%B2", "/api/events?until=2024-13", "/api/events?since=2024-02-30",
       "/api/events?offset=999999999999999999999999999999", "/api/events?offset=9223372036854775808",
       "/api/network?min_events=999999999999999999999999999999", "/api/events/99999999999999999999",
       "/events/99999999999999999999", "/events/99999999999999999999.json", "/api/people/99999999999999999999",
       "/people/99999999999999999999.json", "/api/agreements?since=2024-%C2%B2"]


@pytest.mark.parametrize("path", ODD)
def test_odd_numbers_and_dates_are_400_or_404_in_the_error_shape(server, path):
    status, _, body = server.request(path)
    shape = json.loads(body)
    assert status in (400, 404) and shape["status"] == status and shape["code"] in ("bad_parameter", "not_found")


def test_a_person_filter_takes_percent_and_digits_literally(server):
    for text in ("%25", "_", "%C2%B2"):
        status, body = server.json(f"/api/events?person={text}")
        assert status == 200 and body["total"] == 0


@pytest.mark.parametrize("args", [
    ["events", "--since", "2024-²"], ["events", "--until", "2024-02-30"],
    ["events", "--limit", "99999999999999999999999"], ["show", "99999999999999999999"],
])
def test_cli_odd_numbers_are_one_line_errors(built_db, args):
    r = subprocess.run(CLI + args + ["--db", str(built_db)], capture_output=True, cwd=REPO, timeout=120)
    err = r.stderr.decode()
    assert r.returncode == 2 and "Traceback" not in err and err.strip()


def test_a_loopback_server_refuses_other_host_names(server):
    status, body = server.json("/api/stats", headers={"Host": "evil.example:8000"})
    assert status == 400 and body["code"] == "bad_host"
    for host in (f"127.0.0.1:{server.port}", f"localhost:{server.port}", f"[::1]:{server.port}"):
        assert server.request("/api/stats", headers={"Host": host})[0] == 200


def test_one_sigterm_stops_the_server_during_searches(built_db, tmp_path):
    s = Server(_copy(built_db, tmp_path / "term.db"))
    with ThreadPoolExecutor(max_workers=10) as pool:
        for _ in range(10):
            pool.submit(s.request, "/api/search?q=defence%20OR%20training%20OR%20de*")
        time.sleep(0.2)
        s.proc.terminate()                                   # one SIGTERM
        start = time.monotonic()
        s.proc.wait(timeout=30)
    assert time.monotonic() - start < 15


def test_the_token_comes_from_a_file_and_a_flag_token_warns(built_db, tmp_path):
    from webserver import TOKEN
    token_file = tmp_path / "token"
    token_file.write_text(TOKEN + "\n", encoding="utf-8")
    s = Server(_copy(built_db, tmp_path / "tok.db"), "--token-file", str(token_file))
    try:
        body = json.dumps({"id": "t1", "text": "Defence Minister Ola Berg met Polish Defence Minister Jan Nowak "
                                               "in Oslo on May 2."}).encode()
        status, out = s.json("/api/ingest", data=body, method="POST",
                             headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/x-ndjson"})
        assert status == 200 and out["results"] == [{"source": "<request>:1", "id": "t1", "outcome": "added"}]
        status, _ = s.json("/api/ingest", data=body, method="POST",
                           headers={"Authorization": "Bearer wrong", "Content-Type": "application/x-ndjson"})
        assert status == 401
    finally:
        s.stop()
    r = subprocess.run(CLI + ["serve", "--db", str(tmp_path / "none.db"), "--token", "x"], capture_output=True,
                       cwd=REPO, timeout=60)
    assert "warning: --token shows in the process list" in r.stderr.decode()


def test_an_api_batch_with_a_bad_middle_line_answers_per_line(ingest_server):
    from webserver import TOKEN
    lines = [json.dumps({"id": "api-a", "text": "Defence Minister Ola Berg met Polish Defence Minister Jan Nowak in Oslo."}),
             '{"id": "api-b", "title": 5, "text": "x"}',
             json.dumps({"id": "api-c", "text": "Foreign Minister Ola Berg called Polish Foreign Minister Jan Nowak."})]
    status, out = ingest_server.json("/api/ingest", data="\n".join(lines).encode(), method="POST",
                                     headers={"Authorization": f"Bearer {TOKEN}",
                                              "Content-Type": "application/x-ndjson"})
    assert status == 200
    assert [(r["source"], r["outcome"]) for r in out["results"]] == [
        ("<request>:1", "added"), ("<request>:2", "rejected"), ("<request>:3", "added")]
    assert out["results"][1]["reason"] == "field 'title' is int, not text"


def test_a_client_trickling_its_headers_gets_408_and_the_server_answers_others(built_db, tmp_path):
    import socket
    s = Server(_copy(built_db, tmp_path / "slow.db"), "--header-timeout", "1")
    try:
        slow = [socket.create_connection(("127.0.0.1", s.port)) for _ in range(20)]
        for sock in slow:
            sock.sendall(b"GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")   # never finished
        start = time.monotonic()
        status, _, _ = s.request("/api/stats")
        assert status == 200 and time.monotonic() - start < 1
        for sock in slow:
            sock.settimeout(5)
            answer = b""
            while chunk := sock.recv(4096):      # the server answers, then closes
                answer += chunk
            head, _, body = answer.partition(b"\r\n\r\n")
            assert head.startswith(b"HTTP/1.1 408")
            assert json.loads(body) == {"status": 408, "code": "timeout",
                                        "message": "request headers not complete within 1 s"}
            sock.close()
        idle = socket.create_connection(("127.0.0.1", s.port))   # connects and sends nothing
        idle.settimeout(5)
        assert idle.recv(4096).startswith(b"HTTP/1.1 408")
        idle.close()
        # a slow but steady complete request on a kept-alive connection still works
        ok = socket.create_connection(("127.0.0.1", s.port))
        ok.settimeout(5)
        ok.sendall(b"GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        assert ok.recv(65536).startswith(b"HTTP/1.1 200")
        ok.close()
    finally:
        s.stop()


def test_a_fault_inside_a_handler_is_a_500_in_the_error_shape(built_db, tmp_path):
    """A store missing a table communique reads: the query fails inside the handler; the answer is
    the one error shape (JSON for the API, a page for a browser), never a plain-text 500."""
    import sqlite3
    db = _copy(built_db, tmp_path / "broken.db")
    conn = sqlite3.connect(db)
    (uid,) = conn.execute("SELECT uid FROM people ORDER BY n_articles DESC LIMIT 1").fetchone()
    conn.execute("DROP VIEW person_offices")
    conn.commit()
    conn.close()
    s = Server(db)
    try:
        status, headers, body = s.request("/api/people")
        assert status == 500 and headers["content-type"].startswith("application/json")
        assert json.loads(body) == {"status": 500, "code": "internal",
                                    "message": "an unexpected error; it has been logged"}
        status, headers, body = s.request("/api/stats")                 # the rest still answers
        assert status == 200
        status, headers, body = s.request(f"/people/{uid}", headers={"Accept": "text/html"})
        assert status == 500 and headers["content-type"].startswith("text/html")
        assert b"internal" in body and b"Traceback" not in body
    finally:
        s.stop()
    assert "unexpected error on /api/people" in s.proc.stderr.read().decode()


def test_a_store_locked_by_a_writer_is_a_503_to_retry(built_db, tmp_path):
    import sqlite3
    db = _copy(built_db, tmp_path / "locked.db")
    s = Server(db, env={"COMMUNIQUE_READ_BUSY_S": "0.5"})
    holder = sqlite3.connect(db, isolation_level=None)
    try:
        holder.execute("PRAGMA locking_mode = EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")
        holder.execute("INSERT INTO rejects (source, reason) VALUES ('x', 'holding the lock')")
        status, headers, body = s.request("/api/events")
        assert status == 503 and headers["content-type"].startswith("application/json")
        shape = json.loads(body)
        assert shape["status"] == 503 and shape["code"] == "unavailable" and "try again" in shape["message"]
        holder.execute("ROLLBACK")
        holder.close()                                                    # the writer is gone: readable again
        status, _, _ = s.request("/api/events")
        assert status == 200
    finally:
        holder.close()
        s.stop()
