"""The HTTP API against real servers on loopback over a real store built from ../shared."""
import json

import pytest
from webserver import TOKEN

from communique import kinds

ENDPOINTS = ["/api/events", "/api/events?country=Vietnam&with=RUS&kind=meeting&since=2024&until=2025-12",
             "/api/events/{first}", "/api/people", "/api/people?country=VNM", "/api/people/{person}", "/api/agreements",
             "/api/agreements?country=VNM&with=AZE&status=signed", "/api/areas", "/api/areas?country=VNM&with=RUS",
             "/api/timeline?country=VNM&with=RUS", "/api/search?q=training", "/api/stats", "/api/network",
             "/api/relations", "/api/relations?country=VNM&with=RUS&at=2024", "/api/pairs/VNM/RUS", "/openapi.json"]


@pytest.mark.parametrize("path", ENDPOINTS)
def test_every_endpoint_answers_json(server, path):
    status, headers, body = server.request(path.format(first=_first_event(server), person=_first_person(server)))
    assert status == 200 and headers["content-type"].startswith("application/json")
    assert json.loads(body)


def test_events_paging_walks_every_event_once(server):
    status, first = server.json("/api/events?limit=7")
    total = first["total"]
    assert status == 200 and total > 14 and len(first["items"]) == 7 and first["next"]
    seen, page = [], first
    while True:
        seen += [e["id"] for e in page["items"]]
        if not page["next"]:
            break
        _, page = server.json(page["next"].replace(server.base, ""))
    assert len(seen) == total == len(set(seen))
    _, stats = server.json("/api/stats")
    assert total == stats["events"]


def test_filters_select_what_they_say(server):
    _, pair = server.json("/api/events?country=VNM&with=RUS&limit=500")
    assert pair["items"] and all({"VNM", "RUS"} <= set(e["countries"]) for e in pair["items"])
    _, meetings = server.json("/api/events?kind=meeting&since=2024&limit=500")
    assert all(e["kind"] == "meeting" and e["sort_date"] >= "2024" for e in meetings["items"])
    _, giang = server.json("/api/events?person=Phan%20Van%20Giang&limit=500")
    assert giang["total"] >= 5
    assert all(any("Giang" in p["name"] for p in e["people"]) for e in giang["items"])
    _, news = server.json("/api/events?news_only=true&limit=500")
    assert not any(e["historical"] for e in news["items"])


def test_event_detail_has_sources_and_evidence(server):
    _, events = server.json("/api/events?limit=500")
    multi = next(e for e in events["items"] if e["n_sources"] >= 3)
    _, ev = server.json(f"/api/events/{multi['id']}")
    assert len(ev["sources"]) == multi["n_sources"]
    assert all(s["evidence"] and s["evidence"][0]["text"] for s in ev["sources"])


def test_timeline_and_person(server):
    _, t = server.json("/api/timeline?country=Vietnam&with=Russia")
    dates = [e["sort_date"] for e in t["events"] if e["sort_date"]]
    assert t["country"] == "VNM" and t["with"] == "RUS" and dates == sorted(dates)
    assert t["by_year"] and t["areas_by_year"]
    _, people = server.json("/api/people?name=Giang")
    pid = next(p["id"] for p in people["items"] if p["name"] == "Phan Van Giang")
    _, person = server.json(f"/api/people/{pid}")
    assert person["offices"] and person["events"]


@pytest.mark.parametrize("path,status,code", [
    ("/api/events/999999", 404, "not_found"),
    ("/api/people/999999", 404, "not_found"),
    ("/api/events?limit=0", 400, "bad_parameter"),
    ("/api/events?limit=abc", 400, "bad_parameter"),
    ("/api/events?kind=party", 400, "bad_parameter"),
    ("/api/events?country=Atlantis", 400, "bad_parameter"),
    ("/api/events?since=yesterday", 400, "bad_parameter"),
    ("/api/search?q=", 400, "bad_parameter"),
    ("/api/search?q=a*", 400, "bad_parameter"),
    ("/api/timeline", 400, "bad_parameter"),
    ("/api/nothing", 404, "not_found"),
    ("/api/relations?status=friendly", 400, "bad_parameter"),
    ("/api/relations?at=2024-13", 400, "bad_parameter"),
    ("/api/relations?at=2024&status=planned", 400, "bad_parameter"),
    ("/api/pairs/VNM/Atlantis", 400, "bad_parameter"),
    ("/api/pairs/VNM/VNM", 400, "bad_parameter"),
    ("/api/events?country=Korea", 400, "bad_parameter"),
    ("/events/999999.json", 404, "not_found"),
])
def test_one_error_shape(server, path, status, code):
    got, headers, body = server.request(path)
    data = json.loads(body)
    assert got == status and headers["content-type"].startswith("application/json")
    assert set(data) == {"status", "code", "message"} and data["status"] == status and data["code"] == code
    assert data["message"]


def _first_person(server) -> str:
    return server.json("/api/people?limit=1")[1]["items"][0]["id"]


def _first_event(server) -> str:
    """The citable id of the newest event (ids are hashes, not row numbers)."""
    return server.json("/api/events?limit=1")[1]["items"][0]["id"]


@pytest.mark.parametrize("page", ["/index", "/countries/VNM", "/pairs/RUS/VNM", "/network", "/events/{first}",
                                  "/people/{person}", "/agreements", "/search"])
def test_every_page_has_a_json_twin(server, page):
    page = page.format(first=_first_event(server), person=_first_person(server))
    html_status, headers, html = server.request(page if page != "/index" else "/")
    assert html_status == 200 and headers["content-type"].startswith("text/html")
    assert "script-src 'none'" in headers["content-security-policy"]
    status, data = server.json(page + ".json")
    assert status == 200 and data


def test_ingest_is_refused_without_a_token_on_the_server(server):
    status, data = server.json("/api/ingest", data=b'{"id": "x", "text": "t"}', method="POST",
                               headers={"Content-Type": "application/x-ndjson", "Authorization": "Bearer anything"})
    assert status == 403 and data["code"] == "read_only"


ARTICLE = {"id": "api-posted-1", "url": "https://example.org/p1", "outlet": "Example", "published": "2031-05-04",
           "title": "Ministers meet",
           "text": "Vietnamese Minister of National Defence General Tran Quoc Binh held talks with Lao Minister "
                   "of National Defence General Khamphong Souvanna in Hanoi on May 3. They agreed to expand "
                   "training cooperation."}


def test_ingest_token_rules(ingest_server):
    line = (json.dumps(ARTICLE) + "\n").encode()
    nd = {"Content-Type": "application/x-ndjson"}
    status, data = ingest_server.json("/api/ingest", data=line, method="POST", headers=nd)
    assert status == 401 and data["code"] == "unauthorized"
    status, data = ingest_server.json("/api/ingest", data=line, method="POST",
                                      headers={**nd, "Authorization": f"Bearer {TOKEN}x"})
    assert status == 401
    status, data = ingest_server.json("/api/ingest", data=line, method="POST",
                                      headers={**nd, "Authorization": f"Bearer {TOKEN}"})
    assert status == 200 and data["stored"] == {"added": ["api-posted-1"]}
    _, found = ingest_server.json("/api/events?since=2031&country=LAO")
    assert found["total"] == 1 and found["items"][0]["date"] == "2031-05-03"
    status, data = ingest_server.json("/api/ingest", data=b"x" * 300_000, method="POST",
                                      headers={**nd, "Authorization": f"Bearer {TOKEN}"})
    assert status == 413 and data["code"] == "too_large"
    status, data = ingest_server.json("/api/ingest", data=b"{}", method="POST",
                                      headers={"Content-Type": "image/png", "Authorization": f"Bearer {TOKEN}"})
    assert status == 415
    status, data = ingest_server.json("/api/ingest", data=b"{oops\n", method="POST",
                                      headers={**nd, "Authorization": f"Bearer {TOKEN}"})
    assert status == 200 and data["rejected"] and "malformed JSON" in data["rejected"][0]["reason"]


def test_server_binds_loopback_by_default(server):
    """The read-only server was started without --host: it listens on 127.0.0.1 only."""
    listening = []
    with open("/proc/net/tcp") as fh:
        table = fh.read().splitlines()[1:]
    for line in table:
        local, state = line.split()[1], line.split()[3]
        address, port = local.split(":")
        if state == "0A" and int(port, 16) == server.port:
            listening.append(address)
    assert listening == ["0100007F"]


def test_load_script_reports_latencies(server):
    import subprocess
    import sys

    from support import REPO
    r = subprocess.run([sys.executable, str(REPO / "scripts" / "load.py"), "--base", server.base, "--requests", "6"],
                       capture_output=True, timeout=120)
    out = r.stdout.decode()
    assert r.returncode == 0 and "events" in out and "timeline" in out and "p95" in out


def test_undated_events_are_counted_beside_the_charts(server):
    status, data = server.json("/countries/VNM.json")
    assert status == 200
    _, listed = server.json("/api/events?country=VNM&limit=500")
    undated = [e for e in listed["items"] if e["date_end"] is None]
    assert listed["total"] == len(listed["items"]) and undated and data["undated"] == len(undated)
    _, stats = server.json("/api/stats")
    assert stats["events_by_precision"]["undated"] == stats["events_undated"] > 0
    assert sum(stats["events_by_precision"].values()) == stats["events"]
    charted = sum(sum(row[k] + row["background"][k] for k in kinds.NAMES) for row in data["by_year"])
    assert charted + data["undated"] == listed["total"]          # every event is on the chart or counted
    _, _, html = server.request("/countries/VNM", headers={"accept": "text/html"})
    assert f"{len(undated)} engagements with no date" in html.decode()


def test_relations_filters_and_the_level_at_a_date(server):
    _, all_rows = server.json("/api/relations?limit=500")
    assert all_rows["total"] >= 10
    assert all(r["id"].startswith("rel-") and len(r["countries"]) == 2 and r["n_sources"] >= 1 for r in all_rows["items"])
    _, vn_ru = server.json("/api/relations?country=Vietnam&with=Russia")
    assert vn_ru["items"] and all(r["countries"] == ["RUS", "VNM"] for r in vn_ru["items"])
    _, planned = server.json("/api/relations?status=planned")
    assert planned["items"] and all(r["status"] == "planned" for r in planned["items"])
    # one row per pair at a date, and never a planned level
    _, at = server.json("/api/relations?at=2025-12-31&limit=500")
    pairs = [tuple(r["countries"]) for r in at["items"]]
    assert len(pairs) == len(set(pairs)) and all(r["status"] != "planned" for r in at["items"])
    # before any level is known to hold, the pair has none
    _, early = server.json("/api/relations?country=VNM&with=RUS&at=1900")
    assert early["items"] == []


def test_pair_ladder_in_the_api(server):
    status, ladder = server.json("/api/pairs/RUS/VNM?at=2025")
    assert status == 200 and ladder["countries"] == ["RUS", "VNM"] and ladder["at"] == "2025-12-31"
    levels = [r["level"] for r in ladder["ladder"]]
    assert "comprehensive strategic partnership" in levels and "diplomatic relations" in levels
    assert ladder["level"]["level"] == "comprehensive strategic partnership"
    held = [r for r in ladder["ladder"] if r["held"]]
    assert len(held) == 1 and held[0]["id"] == ladder["level"]["id"]
    assert all(s["evidence"] and s["evidence"][0]["text"] for r in ladder["ladder"] for s in r["sources"])
    _, swapped = server.json("/api/pairs/Vietnam/Russia?at=2025")
    assert swapped == ladder
    _, planned = server.json("/api/pairs/KOR/VNM")
    assert [r["level"] for r in planned["planned"]] == ["comprehensive strategic partnership"]


def test_an_ambiguous_country_name_is_refused_with_the_choices(server):
    status, body = server.json("/api/events?country=Korea")
    assert status == 400 and "KOR (South Korea)" in body["message"] and "PRK (North Korea)" in body["message"]
    status, ok = server.json("/api/events?country=South%20Korea&limit=1")
    assert status == 200


def test_favicon_answers(server):
    status, headers, body = server.request("/favicon.ico")
    assert status == 200 and headers["content-type"].startswith("image/svg+xml") and body.startswith(b"<svg")


def test_search_hits_say_where_they_lead_and_what_matched(server):
    status, body = server.json("/api/search?q=training")
    assert status == 200 and body["items"]
    for h in body["items"]:
        marked = [text for text, matched in h["parts"] if matched]
        assert marked and all(t.lower().startswith("train") for t in marked)
        assert "".join(text for text, _ in h["parts"]) == h["snippet"].replace("[", "").replace("]", "") or "[" in h["snippet"]
    assert any(h["link"] and h["link"].startswith("/events/ev-") for h in body["items"])
    _, page = server.json("/search.json?q=training")
    assert page["hits"] >= len(page["items"]) and all(x["count"] == len(x["articles"]) >= 1 for x in page["items"])
    snippets = [x["snippet"] for x in page["items"]]
    assert len(snippets) == len(set(snippets))                 # one line per sentence


def test_export_over_http_is_the_cli_export_of_the_same_filters(server, built_db):
    import csv
    import io

    from support import cli
    status, headers, body = server.request("/api/export/csv?country=VNM&with=RUS&news_only=true")
    assert status == 200 and headers["content-type"].startswith("text/csv")
    assert 'filename="communique-csv.csv"' in headers["content-disposition"]
    r = cli("export", "--format", "csv", "--country", "VNM", "--with", "RUS", "--news-only", "--db", str(built_db))
    assert r.returncode == 0 and body == r.stdout
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8"))))
    _, listed = server.json("/api/events?country=VNM&with=RUS&news_only=true&limit=500")
    assert sorted(x["id"] for x in rows) == sorted(e["id"] for e in listed["items"]) and rows


def test_export_over_http_takes_every_registered_format(server):
    from communique.exports import formats
    for name, spec in formats.FORMATS.items():
        status, headers, body = server.request(f"/api/export/{name}?country=VNM&limit=3")
        assert status == 200 and headers["content-type"].startswith(spec.media_type), name
        assert body, name
    status, _, body = server.request("/api/export/xml")
    assert status == 400 and "one of jsonl, csv" in json.loads(body)["message"]
    status, _, body = server.request("/api/export/relations?kind=meeting")
    assert status == 400 and "relations take" in json.loads(body)["message"]


def test_openapi_documents_every_response_shape(server):
    _, spec = server.json("/openapi.json")
    schemas = spec["components"]["schemas"]
    assert set(schemas["ErrorBody"]["properties"]) == {"status", "code", "message"}
    assert set(schemas["EventPage"]["properties"]) == {"items", "total", "limit", "offset", "next"}
    for path, methods in spec["paths"].items():
        if not path.startswith("/api/"):
            continue
        for method, op in methods.items():
            for code in ("400", "500", "503"):
                ref = op["responses"][code]["content"]["application/json"]["schema"]["$ref"]
                assert ref.endswith("/ErrorBody"), (path, method, code)
    for path, model in (("/api/events", "EventPage"), ("/api/people", "PersonPage"),
                        ("/api/agreements", "AgreementPage"), ("/api/relations", "RelationPage")):
        paged = spec["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
        assert paged["$ref"].endswith("/" + model), path


@pytest.mark.parametrize("path, model", [("/api/events?limit=500", "EventPage"), ("/api/people?limit=500", "PersonPage"),
                                         ("/api/agreements?limit=500", "AgreementPage"),
                                         ("/api/relations?limit=500", "RelationPage")])
def test_answers_fit_the_documented_models(server, path, model):
    from communique.web import models
    _, page = server.json(path)
    assert page["items"]
    getattr(models, model).model_validate(page)        # raises on a field of another type or a missing one


def test_the_text_filter_selects_events_by_their_evidence(server):
    _, page = server.json("/api/events?text=training&limit=500")
    _, everything = server.json("/api/events?limit=500")
    assert 0 < page["total"] < everything["total"]
    for e in page["items"][:6]:
        _, full = server.json(f"/api/events/{e['id']}")
        texts = [ev["text"].lower() for s in full["sources"] for ev in s["evidence"]]
        assert any("training" in t for t in texts), e["id"]
    status, body = server.json("/api/events?text=a*")
    assert status == 400 and body["code"] == "bad_parameter"
