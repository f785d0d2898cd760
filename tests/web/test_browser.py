"""Pages in a real browser: Playwright driving Debian's chromium (headless, no browser download).
Screenshots of each page are saved under test-artifacts/ for a person to look at."""
import os
import shutil

import pytest
from webserver import ARTIFACTS, TOKEN

CHROMIUM = os.environ.get("COMMUNIQUE_CHROMIUM", "/usr/bin/chromium")
pytestmark = [pytest.mark.slow, pytest.mark.skipif(not shutil.which(CHROMIUM),
                                reason=f"{CHROMIUM} not installed (./dev test installs Debian's chromium as root)")]
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    errors = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.on("dialog", lambda d: (errors.append(f"dialog: {d.message}"), d.dismiss()))
    yield pg
    context.close()
    assert errors == []


def shot(pg, name):
    ARTIFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_overview_to_pair_to_event_with_evidence_highlighted(server, page):
    page.goto(server.base + "/")
    assert page.locator("h1").inner_text() == "Overview"
    assert page.locator("table.events tbody tr").count() >= 5
    shot(page, "overview")
    page.goto(server.base + "/countries/VNM")
    assert page.title().startswith("Vietnam (VNM)") and page.locator("h1").inner_text().startswith("Vietnam")
    shot(page, "country-vnm")
    page.click("a[href='/pairs/RUS/VNM']")
    assert page.url.endswith("/pairs/RUS/VNM")
    assert page.title().startswith("Russia – Vietnam")
    assert page.locator(".timeline-chart svg.bars rect").count() >= 3
    shot(page, "pair-vnm-rus")
    page.locator("table.events a[href^='/events/']").first.click()
    assert "/events/" in page.url
    marks = page.locator("mark.evidence")
    assert marks.count() >= 1 and marks.first.is_visible()
    assert marks.first.evaluate("m => getComputedStyle(m).backgroundColor") != "rgba(0, 0, 0, 0)"
    shot(page, "event")


def test_event_with_several_sources_shows_each(server, page):
    _, events = server.json("/api/events?limit=500")
    multi = max(events["items"], key=lambda e: e["n_sources"])
    page.goto(f"{server.base}/events/{multi['id']}")
    assert page.locator("article.source").count() == multi["n_sources"]
    assert page.locator("article.source mark.evidence").count() >= multi["n_sources"]
    shot(page, "event-several-sources")


def test_search(server, page):
    page.goto(server.base + "/")
    page.fill("header form.search input[name=q]", "training")
    page.press("header form.search input[name=q]", "Enter")
    page.wait_for_url("**/search?q=training")
    hits = page.locator("ol.results li")
    assert hits.count() >= 3
    # every hit leads somewhere, shows the matched word marked and no search syntax
    assert page.locator("ol.results li p a").count() == hits.count()
    assert page.locator("ol.results li mark").count() >= hits.count()
    assert all(m.lower().startswith("train") for m in page.locator("ol.results li mark").all_inner_texts())
    texts = page.locator("ol.results li p").all_inner_texts()
    assert len(texts) == len(set(texts))                          # a sentence once, with its count of reports
    shot(page, "search")
    page.locator("ol.results li p a").first.click()
    assert "/events/" in page.url or "/pairs/" in page.url or "/agreements" in page.url


def test_network_graph_renders(server, page):
    page.goto(server.base + "/network")
    nodes = page.locator("svg.network circle.node")
    assert nodes.count() >= 5 and page.locator("svg.network line.edge").count() >= 5
    box = page.locator("svg.network").bounding_box()
    assert box["width"] > 300 and box["height"] > 300
    legend = page.locator("ul.legend li")
    assert legend.count() >= 3 and "1 engagement" in legend.first.inner_text()
    widths = [float(w) for w in page.locator("ul.legend line.edge").evaluate_all("ls => ls.map(l => l.getAttribute('stroke-width'))")]
    assert widths == sorted(widths) and widths[0] < widths[-1]        # thicker line, more engagements
    shot(page, "network")
    page.locator("svg.network a[href='/countries/RUS'] circle").click()
    assert page.url.endswith("/countries/RUS")


def test_person_and_agreements_pages(server, page):
    _, people = server.json("/api/people?name=Giang")
    pid = next(p["id"] for p in people["items"] if p["name"] == "Phan Van Giang")
    page.goto(f"{server.base}/people/{pid}")
    assert "Offices over time" in page.content()
    shot(page, "person")
    page.goto(server.base + "/agreements")
    assert page.locator("table tbody tr").count() >= 10
    shot(page, "agreements")


def test_pair_page_shows_the_ladder_and_country_page_the_partners_by_level(server, page):
    page.goto(server.base + "/pairs/KOR/VNM")
    rungs = page.locator(".ladder .rung")
    names = [n.split("\n")[0] for n in page.locator(".ladder .rung .name").all_inner_texts()]
    assert any(n.startswith("comprehensive strategic partnership") and "planned" in n for n in names)
    assert any(n.startswith("diplomatic relations") and "since 1992" in n for n in names)
    assert page.locator(".ladder .planned .box").is_visible()
    bar = page.locator(".ladder .rung:not(.planned) .track rect").first
    assert float(bar.get_attribute("width")) > 10          # from 1992 to today on a real time axis
    ticks = [int(t) for t in page.locator(".ladder .ticks span").all_inner_texts()]
    assert ticks == sorted(ticks) and len({b - a for a, b in zip(ticks, ticks[1:], strict=False)}) == 1
    assert rungs.count() >= 2
    shot(page, "pair-ladder")
    page.goto(server.base + "/countries/VNM")
    section = page.locator("section", has=page.locator("h2", has_text="Partners by relationship level"))
    items = section.locator("li")
    assert items.count() >= 5
    partners = [t.split()[0] for t in items.all_inner_texts()]
    assert len(partners) == len(set(partners))             # one line per partner: the level it holds now
    assert "comprehensive strategic partnership" in section.inner_text()
    shot(page, "country-partners-by-level")


SMALLEST_TEXT = """() => {
  // the rendered size of every chart label: HTML text as computed, SVG text scaled with its drawing
  const sizes = [];
  for (const el of document.querySelectorAll('.timeline-chart .ticks span, .timeline-chart .scale, .timeline-chart ul.legend li, ul.legend li, .ladder .ticks span')) {
    if (getComputedStyle(el).visibility !== 'hidden') sizes.push(parseFloat(getComputedStyle(el).fontSize));
  }
  for (const t of document.querySelectorAll('svg text')) {
    const svg = t.ownerSVGElement, vb = svg.viewBox.baseVal;
    const scale = vb && vb.width ? svg.getBoundingClientRect().width / vb.width : 1;
    sizes.push(parseFloat(getComputedStyle(t).fontSize) * scale);
  }
  return sizes.length ? Math.min(...sizes) : null;
}"""


def test_readable_on_a_phone(server, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    pg = context.new_page()
    _, events = server.json("/api/events?limit=500")
    event = next(e for e in events["items"] if e["n_sources"] >= 3)
    person = event["people"][0]["id"]
    for path, name in (("/", "phone-overview"), ("/pairs/RUS/VNM", "phone-pair"), ("/pairs/KOR/VNM", "phone-ladder"),
                       ("/countries/VNM", "phone-country"), ("/events?country=VNM", "phone-events"),
                       ("/network", "phone-network"), ("/agreements", "phone-agreements"),
                       (f"/events/{event['id']}", "phone-event"), (f"/people/{person}", "phone-person"),
                       ("/search?q=training", "phone-search"), ("/api", "phone-api")):
        pg.goto(server.base + path)
        # nothing wider than the screen but the scrollable tables
        assert pg.evaluate("document.documentElement.scrollWidth") <= 390 + 1, path
        smallest = pg.evaluate(SMALLEST_TEXT)
        assert smallest is None or smallest >= 9, (path, smallest)
        # every column of every table is there (a table scrolls sideways; none hides a column)
        hidden = pg.evaluate("() => [...document.querySelectorAll('th, td')].filter(c => "
                             "getComputedStyle(c).display === 'none' || getComputedStyle(c).visibility === 'hidden').length")
        assert hidden == 0, path
        shot(pg, name)
    icon = pg.locator("link[rel=icon]").get_attribute("href")
    assert pg.request.get(server.base + icon).status == 200 and pg.request.get(server.base + "/favicon.ico").status == 200
    context.close()


def test_events_page_filters_and_its_downloads_match_the_api(server, page):
    import csv
    import io
    from urllib.parse import urlencode
    page.goto(server.base + "/events")
    page.fill("form.filters input[name=country]", "Vietnam")
    page.fill("form.filters input[name=with]", "RUS")
    page.select_option("form.filters select[name=kind]", "meeting")
    page.check("form.filters input[name=news_only]")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/events?*")
    query = {"country": "Vietnam", "with": "RUS", "kind": "meeting", "news_only": "true"}
    _, api = server.json("/api/events?" + urlencode({**query, "limit": 500}))
    assert api["total"] >= 3
    count = page.locator(".result-count strong").inner_text()
    assert int(count) == api["total"]
    rows = page.locator("table.events tbody tr")
    assert rows.count() == api["total"]
    shown = [a.split("/")[-1] for a in page.locator("table.events tbody tr td:first-child a").evaluate_all(
        "as => as.map(a => a.getAttribute('href'))")]
    assert shown == [e["id"] for e in api["items"]]
    shot(page, "events-filtered")
    with page.expect_download() as download:
        page.click(".result-count a:has-text('CSV')")
    from pathlib import Path
    table = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8"))))
    assert sorted(r["id"] for r in table) == sorted(e["id"] for e in api["items"])
    assert all(r["kind"] == "meeting" and r["historical"] == "False" for r in table)
    # the page's .json twin lists the same rows
    _, twin = server.json("/events.json?" + urlencode(query))
    assert [e["id"] for e in twin["items"]] == shown and twin["total"] == api["total"]


def test_country_and_pair_pages_have_the_filter_bar(server, page):
    page.goto(server.base + "/countries/VNM")
    page.select_option("form.filters select[name=kind]", "visit")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/countries/VNM?*")
    kinds = page.locator("table.events tbody tr .kind").all_inner_texts()
    _, api = server.json("/api/events?country=VNM&kind=visit&limit=500")
    assert kinds and set(kinds) == {"visit"} and len(kinds) == api["total"]
    href = page.locator(".result-count a:has-text('CSV')").get_attribute("href")
    assert href.startswith("/api/export/csv?") and "country=VNM" in href and "kind=visit" in href
    page.goto(server.base + "/pairs/RUS/VNM?background_only=true")
    _, api = server.json("/api/events?country=RUS&with=VNM&background_only=true&limit=500")
    rows = page.locator("table.events tbody tr")
    assert rows.count() == api["total"] and page.locator("table.events tbody tr.background").count() == api["total"]
    shot(page, "pair-background-only")


def test_the_time_axis_is_a_real_time_axis(server, page):
    page.goto(server.base + "/countries/VNM")
    figure = page.locator(".timeline-chart")
    start, end = int(figure.get_attribute("data-start")), int(figure.get_attribute("data-end"))
    box = page.locator(".timeline-chart svg.bars").bounding_box()
    per_year = box["width"] / (end - start)
    bars = page.locator(".timeline-chart svg.bars rect").evaluate_all(
        "rs => rs.map(r => [parseInt(r.dataset.year), r.getBoundingClientRect().left])")
    years = sorted({y for y, _ in bars})
    assert years[-1] - years[0] >= 30                    # VNM's store reaches back to recalled engagements
    left = {y: x for y, x in bars}
    for y in years:                                      # every bar stands where its year is
        assert abs(left[y] - box["x"] - (y - start + 0.1) * per_year) < 1.5, y
    # two years 30 or more apart are drawn that many years apart
    first, last = years[0], years[-1]
    assert abs((left[last] - left[first]) / per_year - (last - first)) < 0.05
    ticks = [int(t) for t in page.locator(".timeline-chart .ticks span").all_inner_texts()]
    assert ticks[0] == start and ticks[-1] == end and len({b - a for a, b in zip(ticks, ticks[1:], strict=False)}) == 1
    # news dark, background light: recalled engagements are not counted as that year's news
    assert page.locator(".timeline-chart rect.background").count() >= 1
    assert page.locator(".timeline-chart rect.background").first.evaluate("r => getComputedStyle(r).fillOpacity") != "1"
    note = page.locator("section", has=page.locator("h2", has_text="Engagements per year")).locator("p.muted", has_text="with no date")
    assert note.is_visible() and int(note.inner_text().split()[0]) > 0
    shot(page, "country-time-axis")


XSS = {"id": "xss-1", "url": "javascript:alert(1)", "outlet": "<b>Evil</b>", "published": "2032-01-05",
       "title": "<script>alert('title')</script>",
       "text": "Vietnamese Minister of National Defence General Tran Quoc Binh held talks with Lao Minister of "
               "National Defence General Khamphong Souvanna in Hanoi on January 4 <script>alert('body')</script>."
               " They agreed <img src=x onerror=\"alert('img')\"> to expand training cooperation."}


def test_article_html_renders_inert(ingest_server, page):
    import json
    status, data = ingest_server.json("/api/ingest", data=(json.dumps(XSS) + "\n").encode(), method="POST",
                                      headers={"Content-Type": "application/x-ndjson",
                                               "Authorization": f"Bearer {TOKEN}"})
    assert status == 200, data
    _, found = ingest_server.json("/api/events?since=2032")
    event_id = found["items"][0]["id"]
    _, _, raw = ingest_server.request(f"/events/{event_id}")
    html = raw.decode()
    assert "<script>alert" not in html and "&lt;script&gt;alert(&#39;body&#39;)&lt;/script&gt;" in html
    assert "<img src=x" not in html and 'href="javascript:' not in html
    page.goto(f"{ingest_server.base}/events/{event_id}")
    assert page.locator("script").count() == 0 and page.locator("article.source img").count() == 0
    assert "<script>alert('body')</script>" in page.locator("article.source .body").inner_text()
    shot(page, "xss-inert")


def test_maps_put_each_place_where_it_is(server, page):
    """The overview, country and pair pages draw a point per place on the world's outline: the
    outline loads, and the points stand as the places do (Moscow north-west of Hanoi, Singapore
    south of it, Paris west of Moscow)."""
    page.goto(server.base + "/pairs/RUS/VNM")
    page.wait_for_load_state("networkidle")
    circles = page.locator("figure.map circle.place")
    assert circles.count() >= 2
    assert page.request.get(server.base + "/map/world.svg").status == 200
    shot(page, "pair-map")
    page.goto(server.base + "/")
    page.wait_for_load_state("networkidle")
    where = {}
    for c in page.locator("figure.map circle.place").all():
        box = c.bounding_box()
        title = c.locator("title").text_content().split(":")[0]
        where[title] = (box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    hanoi, moscow, paris, singapore = where["Hanoi"], where["Moscow"], where["Paris"], where["Singapore"]
    assert moscow[0] < hanoi[0] and moscow[1] < hanoi[1]
    assert paris[0] < moscow[0] and singapore[1] > hanoi[1]
    # Hanoi (21.0 N, 105.8 E) at its place on the Robinson outline: 80 % across, 40 % down
    figure = page.locator("figure.map svg").bounding_box()
    assert 0.75 < (hanoi[0] - figure["x"]) / figure["width"] < 0.85 and 0.35 < (hanoi[1] - figure["y"]) / figure["height"] < 0.45
    assert "not on the map" in page.locator("figure.map").inner_text()
    shot(page, "overview-map")
