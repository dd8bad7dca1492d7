"""thoisu serve, through FastAPI's TestClient, on a real store: the digest of the seed
pages plus one hostile page (markup, script URLs, attribute-breaking quotes, a formula
cell). Routes and JSON shapes are CONTRACT.md's "Web app and API"."""

from __future__ import annotations

import csv
import io
import shutil
import sqlite3
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from thoisu.web import create_app

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"

# Page text that must never run: every payload sets window.__pwned (the browser test
# checks it stays unset). The formula paragraph is coded as an AID event.
HOSTILE_PAGE = """Ngoại trưởng Nga "><script>window.__pwned=1</script> hội đàm với Ngoại trưởng Việt Nam tại Hà Nội

Thứ Ba, 12/03/2019 10:15

Hà Nội, ngày 12/3/2019 - Ngoại trưởng Nga Sergei Lavrov đã hội đàm với Ngoại trưởng Việt Nam Phạm Bình Minh tại Hà Nội <svg onload="window.__pwned=2"> để thảo luận về hợp tác năng lượng và an ninh khu vực.

Theo Bộ Ngoại giao, hai bên nhất trí tăng cường hợp tác trong lĩnh vực dầu khí <img src=x onerror="window.__pwned=3"> và thúc đẩy thương mại song phương trong năm nay.

=HYPERLINK("http://example.invalid") Nga cam kết viện trợ cho Việt Nam 10 triệu USD để xây dựng nhà máy điện hạt nhân dân sự. <a href="javascript:window.__pwned=4">xem thêm</a>

"Chúng tôi coi Việt Nam là đối tác chiến lược quan trọng ở châu Á' onmouseover='window.__pwned=5", ông Lavrov nói với các phóng viên sau cuộc hội đàm.

Trước đó, Bộ trưởng Ngoại giao Phạm Bình Minh đã tiếp Đại sứ Nga tại Hà Nội để chuẩn bị cho chuyến thăm của ông Lavrov.
"""

# A page not in the store, for uploads
UPLOAD_PAGE = """Thủ tướng Nhật Bản thăm chính thức Indonesia

Thứ Hai, 15/01/2018 08:30

Jakarta, ngày 15/1/2018 - Thủ tướng Nhật Bản Shinzo Abe đã hội đàm với Tổng thống Indonesia Joko Widodo tại Bogor trong chuyến thăm chính thức Indonesia.

Hai nhà lãnh đạo nhất trí thúc đẩy hợp tác hàng hải và đầu tư cơ sở hạ tầng, trong đó có dự án đường sắt nối Jakarta với Surabaya.

Ông Abe cho biết Nhật Bản sẵn sàng hỗ trợ Indonesia phát triển các đảo xa và tăng cường năng lực bảo đảm an ninh biển.

Indonesia là điểm dừng chân đầu tiên trong chuyến công du bốn nước Đông Nam Á của Thủ tướng Abe.
"""


def digest_store(pages: list[Path], out: Path) -> Path:
    """A store made the way users make it: the real digest over real pages."""
    from thoisu.runner import digest_paths

    db = out / "thoisu.db"
    result = digest_paths([str(p) for p in pages], out_dir=out, db_path=db)
    assert result.pages_ok >= len(pages), result.errors
    return db


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    """Two runs: the seed pages, then the hostile page (a new story) and a reprint of
    seed 002 with furniture around it (a duplicate: its story and thread grow)."""
    tmp = tmp_path_factory.mktemp("webstore")
    digest_store([EXAMPLES], tmp / "out")
    second = tmp / "pages"
    second.mkdir()
    (second / "hostile.txt").write_text(HOSTILE_PAGE, "utf-8")
    seed = (EXAMPLES / "002_c70f31e49f116288.txt").read_text("utf-8")
    (second / "reprint.txt").write_text(f"Tin mới nhất\n\n{seed}\n\nBình luận (0)\n", "utf-8")
    return digest_store([second], tmp / "out")


@pytest.fixture(scope="module")
def client(store) -> TestClient:
    return TestClient(create_app(str(store), token=None))


@pytest.fixture(scope="module")
def ids(store) -> dict[str, str]:
    db = sqlite3.connect(store)
    q = lambda sql: db.execute(sql).fetchone()[0]  # noqa: E731
    out = {
        "thread": q("SELECT id FROM threads ORDER BY n_articles DESC LIMIT 1"),
        "story": q("SELECT id FROM stories ORDER BY n_articles DESC LIMIT 1"),
        "article": q("SELECT id FROM articles WHERE page LIKE '%000_%' ORDER BY seq LIMIT 1"),
        "hostile": q("SELECT id FROM articles WHERE page LIKE '%hostile%'"),
        "reprint": q("SELECT id FROM articles WHERE page LIKE '%reprint%'"),
        "burmistrov": q("SELECT id FROM entities WHERE name LIKE '%Burmistrov%'"),
        "prk": q("SELECT id FROM entities WHERE country = 'PRK' AND type = 'GPE' "
                 "ORDER BY n_mentions DESC LIMIT 1"),
    }
    db.close()
    return out


# --------------------------------------------------------------------------- search


def test_search_is_diacritic_insensitive_with_contract_shape(client):
    r = client.get("/api/search", params={"q": "binh nhuong"})
    assert r.status_code == 200
    data = r.json()
    assert set(data) == {"total", "results"}
    assert data["total"] >= 3
    for res in data["results"]:
        assert set(res) == {"article", "snippet"}
        assert set(res["article"]) == {"id", "title", "outlet", "published", "story_id"}
        assert isinstance(res["snippet"], str)
    assert any("Bình Nhưỡng" in r["snippet"] for r in data["results"])


def test_search_exact_mode_needs_the_marks(client):
    folded = client.get("/api/search", params={"q": "binh nhuong", "exact": 1}).json()
    marked = client.get("/api/search", params={"q": "Bình Nhưỡng", "exact": 1}).json()
    assert folded["total"] == 0
    assert marked["total"] >= 3
    # the seed writes "phi hạt nhân hoá" (old tone placement): exact search takes both
    for q in ("phi hạt nhân hoá", "phi hạt nhân hóa"):
        assert client.get("/api/search", params={"q": q, "exact": 1}).json()["total"] >= 1, q


def test_search_folds_d_with_stroke(client):
    # 'đ' is a letter of its own to the tokenizer; "dai su" must still find "Đại sứ"
    assert client.get("/api/search", params={"q": "dai su"}).json()["total"] >= 1


@pytest.mark.parametrize("q", [
    '"', '""', 'NEAR(a b', 'a AND', 'OR', '*', 'title:nga', '^nga', '(', 'nga)', "'", '-nga',
    'a"b', 'NOT nga', '\\', '%', "nga; DROP TABLE articles", "\x00", "🙂",
])
def test_fts_syntax_in_input_is_text_not_an_error(client, q):
    r = client.get("/api/search", params={"q": q})
    assert r.status_code in (200, 422), (q, r.status_code, r.text)
    assert "detail" in r.json() or "total" in r.json()
    assert client.get("/search", params={"q": q}).status_code in (200, 422)


def test_search_filters(client, ids):
    base = {"q": "Triều Tiên"}
    total = client.get("/api/search", params=base).json()["total"]
    by_actor = client.get("/api/search", params={**base, "actor": ids["burmistrov"]}).json()
    assert 1 <= by_actor["total"] < total
    consult = client.get("/api/search", params={**base, "type": "CONSULT"}).json()
    assert 1 <= consult["total"] <= total
    assert client.get("/api/search", params={**base, "type": "consult"}).json()["total"] == consult["total"]
    dated = client.get("/api/search", params={**base, "from": "2019-01-01", "to": "2019-12-31"}).json()
    for res in dated["results"]:
        assert res["article"]["published"].startswith("2019")
    outlet = client.get("/api/search", params={"q": "Bình Nhưỡng"}).json()["results"][0]["article"]["outlet"]
    if outlet:
        only = client.get("/api/search", params={**base, "outlet": outlet.lower()}).json()
        assert only["total"] >= 1
        assert {r["article"]["outlet"] for r in only["results"]} == {outlet}
    page2 = client.get("/api/search", params={**base, "limit": 1, "offset": 1}).json()
    assert len(page2["results"]) == 1 and page2["total"] == total


# --------------------------------------------------------------------------- records


def test_records_and_404s(client, ids):
    art = client.get(f"/api/articles/{ids['article']}").json()
    assert {"id", "page", "title", "title_line", "outlet", "author", "via", "published",
            "paragraphs", "duplicate_of", "story_id"} <= set(art)
    story = client.get(f"/api/stories/{ids['story']}").json()
    assert set(story) == {"id", "thread_id", "title", "article_ids", "summary", "timeline", "joined_by"}
    thread = client.get(f"/api/threads/{ids['thread']}").json()
    assert set(thread) == {"id", "title", "story_ids", "summary", "timeline"}
    assert thread["summary"] and {"text", "article", "line"} == set(thread["summary"][0])
    for kind in ("articles", "stories", "threads", "actors", "jobs"):
        r = client.get(f"/api/{kind}/no-such-id")
        assert r.status_code == 404, kind
        assert r.headers["content-type"].startswith("application/json")
        assert "no-such-id" in r.json()["detail"]
        assert client.get(f"/{kind}/no-such-id").status_code == 404


def test_actor_record_and_merged_id(client, store, ids, tmp_path):
    ent = client.get(f"/api/actors/{ids['burmistrov']}").json()
    assert {"id", "name", "type", "country", "aliases", "mentions", "events", "quotes"} <= set(ent)
    assert ent["name"] == "Oleg Burmistrov" and ent["type"] == "PER" and ent["country"] == "RUS"
    assert ent["events"] and all("type" in e for e in ent["events"])
    # a merged id answers with the entity it became: write the redirect the corpus stage
    # writes when it merges two entities, into a copy of the real store
    db_copy = tmp_path / "merged.db"
    shutil.copy(store, db_copy)
    db = sqlite3.connect(db_copy)
    db.execute("INSERT INTO entity_redirects(id, target) VALUES ('E-merged0001', ?)", (ids["burmistrov"],))
    db.commit()
    db.close()
    c = TestClient(create_app(str(db_copy)))
    merged = c.get("/api/actors/E-merged0001")
    assert merged.status_code == 200 and merged.json()["id"] == ids["burmistrov"]
    page = c.get("/actors/E-merged0001", follow_redirects=False)
    assert page.status_code == 301 and page.headers["location"] == f"/actors/{ids['burmistrov']}"


def test_untitled_article_listed_by_its_first_words(client, store, ids):
    # seed 003 is a page with no headline: a reader sees its first words, not its id
    db = sqlite3.connect(store)
    aid, first = db.execute(
        "SELECT a.id, p.text FROM articles a JOIN paragraphs p ON p.article = a.id AND p.idx = 0 "
        "WHERE a.title IS NULL AND a.page LIKE '%003_%'").fetchone()
    db.close()
    page = client.get(f"/actors/{ids['prk']}").text
    assert f'href="/articles/{aid}">{aid}<' not in page
    assert " ".join(first.split()[:15]) in page


def test_atom_feeds_follow_threads_and_their_stories(client, store, ids):
    from xml.etree import ElementTree as ET

    ns = {"a": "http://www.w3.org/2005/Atom"}
    r = client.get("/feed.xml")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/atom+xml")
    feed = ET.fromstring(r.content)
    db = sqlite3.connect(store)
    threads = [t for (t,) in db.execute("SELECT id FROM threads ORDER BY last_seq DESC")]
    entries = feed.findall("a:entry", ns)
    assert [e.find("a:link", ns).get("href").rsplit("/", 1)[1] for e in entries] == threads[:50]
    assert all(e.find("a:updated", ns).text.endswith("Z") for e in entries)
    # a thread's feed lists its stories, each linked to its page and with its summary
    tid = ids["thread"]
    one = ET.fromstring(client.get(f"/threads/{tid}/feed.xml").content)
    stories = {s for (s,) in db.execute("SELECT id FROM stories WHERE thread_id = ?", (tid,))}
    got = {e.find("a:link", ns).get("href").rsplit("/", 1)[1] for e in one.findall("a:entry", ns)}
    assert got == stories
    assert all(e.find("a:summary", ns).text for e in one.findall("a:entry", ns))
    db.close()
    assert client.get("/threads/t-nothing-here/feed.xml").status_code == 404


# --------------------------------------------------------------------------- events


def test_events_filters_and_paging(client, ids):
    everything = client.get("/api/events").json()
    assert set(everything) == {"total", "events"} and everything["total"] > 10
    ev = everything["events"][0]
    assert {"id", "type", "mode", "actors", "recipients", "location", "date", "negated",
            "hypothetical", "future", "article", "line", "text"} <= set(ev)
    consult = client.get("/api/events", params={"type": "CONSULT", "limit": 5}).json()
    assert 0 < consult["total"] < everything["total"]
    assert len(consult["events"]) == min(5, consult["total"])
    assert all(e["type"] == "CONSULT" for e in consult["events"])
    second = client.get("/api/events", params={"type": "CONSULT", "limit": 5, "offset": 5}).json()
    assert not {e["id"] for e in second["events"]} & {e["id"] for e in consult["events"]}
    as_actor = client.get("/api/events", params={"actor": ids["burmistrov"]}).json()
    assert as_actor["total"] >= 1 and all(ids["burmistrov"] in e["actors"] for e in as_actor["events"])
    to_prk = client.get("/api/events", params={"recipient": ids["prk"]}).json()
    assert all(ids["prk"] in e["recipients"] for e in to_prk["events"])
    by_country = client.get("/api/events", params={"country": "prk"}).json()
    assert by_country["total"] >= to_prk["total"]
    dated = client.get("/api/events", params={"from": "2017-01-01", "to": "2017-12-31"}).json()
    assert all(e["date"]["value"].startswith("2017") for e in dated["events"])
    not_neg = client.get("/api/events", params={"negated": 0}).json()
    assert all(not e["negated"] for e in not_neg["events"])


def test_events_csv_download_is_formula_safe(client):
    from thoisu.report.writers import EVENT_CSV_FIELDS

    r = client.get("/api/events", params={"format": "csv"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert tuple(rows[0]) == tuple(EVENT_CSV_FIELDS)
    assert len(rows) == client.get("/api/events").json()["total"]
    formula = [row for row in rows if "HYPERLINK" in row["text"]]
    assert formula, "the hostile page's formula sentence is coded as an event"
    for row in rows:
        for cell in row.values():
            assert not cell.startswith(("=", "+", "-", "@")), cell
    assert formula[0]["text"].startswith("'=")
    aid = client.get("/api/events", params={"format": "csv", "type": "AID"}).text
    assert all(row["type"] == "AID" for row in csv.DictReader(io.StringIO(aid)))


# --------------------------------------------------------------------------- bad input


@pytest.mark.parametrize("url", [
    "/api/search", "/api/search?q=", "/api/search?q=nga&from=2017-13-01", "/api/search?q=nga&from=yesterday",
    "/api/search?q=nga&limit=0", "/api/search?q=nga&limit=abc", "/api/search?q=nga&offset=-1",
    "/api/search?q=nga&type=PARTY", "/api/search?q=nga&actor=../../etc/passwd",
    "/api/search?q=" + "x" * 600,
    "/api/events?type=NOPE", "/api/events?country=Russia", "/api/events?negated=maybe",
    "/api/events?from=2017-02-30", "/api/events?format=xml", "/api/events?limit=5000",
    "/api/events?actor=a%20b", "/api/events?format=csv&offset=3",
    "/api/articles/..", "/api/articles/a%20b", "/api/actors/%3Cscript%3E", "/api/jobs/..",
    "/events?type=NOPE", "/events?from=nope", "/search?q=nga&to=2017-1-1", "/?p=0", "/?p=x",
])
def test_bad_parameters_are_4xx_with_a_message(client, url):
    r = client.get(url)
    assert 400 <= r.status_code < 500, (url, r.status_code)
    if url.startswith("/api"):
        detail = r.json()["detail"]
        assert isinstance(detail, str) and detail


def test_path_traversal_refused(client):
    for url in ("/static/../app.py", "/static/%2e%2e/app.py", "/static/..%2fapp.py",
                "/static/%2e%2e%2f%2e%2e%2fstore%2f__init__.py", "/articles/..%2f..%2fetc/raw"):
        r = client.get(url)
        assert r.status_code in (400, 404), url
        assert "import" not in r.text
    assert client.get("/static/app.css").status_code == 200


# --------------------------------------------------------------------------- pages


def test_every_page_renders_with_a_strict_csp(client, ids):
    urls = ["/", "/search", "/search?q=binh+nhuong", f"/threads/{ids['thread']}",
            f"/stories/{ids['story']}", f"/articles/{ids['article']}", f"/articles/{ids['article']}/raw",
            f"/actors/{ids['burmistrov']}", "/events", "/events?type=CONSULT&p=1", "/ingest", "/docs"]
    for url in urls:
        r = client.get(url)
        assert r.status_code == 200, url
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "default-src 'none'" in csp
        assert r.headers["x-content-type-options"] == "nosniff"
        # no inline script or style: every script is a same-origin file
        assert "<script>" not in r.text and " style=" not in r.text and "http://" not in r.text.split("</head>")[0]


def test_docs_are_local(client):
    r = client.get("/docs")
    assert "cdn" not in r.text.lower() and "/api/search" in r.text and "/openapi.json" in r.text
    spec = client.get("/openapi.json").json()
    for path in ("/api/search", "/api/articles/{article_id}", "/api/stories/{story_id}",
                 "/api/threads/{thread_id}", "/api/actors/{actor_id}", "/api/events", "/api/pages",
                 "/api/jobs/{job_id}"):
        assert path in spec["paths"], path


def test_hostile_page_text_is_shown_never_markup(client, ids):
    pages = [f"/articles/{ids['hostile']}", f"/articles/{ids['hostile']}/raw",
             "/search?q=Lavrov", "/events?type=AID", "/"]
    story = client.get(f"/api/articles/{ids['hostile']}").json()["story_id"]
    pages.append(f"/stories/{story}")
    for url in pages:
        html = client.get(url).text
        for raw in ("<script>window", "<svg onload", "<img src=x", 'href="javascript:',
                    "' onmouseover='", "onerror=\"window"):
            assert raw not in html, (url, raw)
    html = client.get(f"/articles/{ids['hostile']}").text
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html
    assert "&lt;svg onload=" in html
    assert "&#39; onmouseover=&#39;" in html


def test_home_shows_what_changed(client, ids, store):
    import re

    db = sqlite3.connect(store)
    hostile_story = client.get(f"/api/articles/{ids['hostile']}").json()["story_id"]
    reprint = client.get(f"/api/articles/{ids['reprint']}").json()
    assert reprint["duplicate_of"]  # the reprint is a copy, in its original's story
    grown = db.execute("SELECT thread_id FROM stories WHERE id = ?", (reprint["story_id"],)).fetchone()[0]
    html = client.get("/").text
    sections = dict(re.findall(r'<section id="([a-z-]+)">(.*?)</section>', html, re.S))
    assert f"/stories/{hostile_story}" in sections["new-stories"]
    assert f"/stories/{reprint['story_id']}" not in sections["new-stories"]  # older story
    assert f"/threads/{grown}" in sections["grown-threads"]
    assert "Phạm Bình Minh" in sections["new-actors"] and "Burmistrov" not in sections["new-actors"]
    # every thread, the one that grew (newest article) first
    threads = re.findall(r'<tr><td><a href="/threads/([^"]+)"', html)
    assert threads[0] == grown and len(threads) == db.execute("SELECT COUNT(*) FROM threads").fetchone()[0]


def test_duplicates_fold_under_their_original(client, ids):
    story = client.get(f"/api/articles/{ids['reprint']}").json()["story_id"]
    html = client.get(f"/stories/{story}").text
    copies = html.split('<details class="copies">', 1)
    assert len(copies) == 2 and f"/articles/{ids['reprint']}" in copies[1]
    assert f"/articles/{ids['reprint']}" not in copies[0]


def test_thread_page_links_summary_sentences_to_lines(client, ids):
    thread = client.get(f"/api/threads/{ids['thread']}").json()
    html = client.get(f"/threads/{ids['thread']}").text
    for s in thread["summary"]:
        assert f'href="/articles/{s["article"]}#L{s["line"]}"' in html
    art = client.get(f"/articles/{thread['summary'][0]['article']}").text
    assert f'id="L{thread["summary"][0]["line"]}"' in art


# --------------------------------------------------------------------------- ingest


def test_writes_disabled_without_a_token(client):
    r = client.post("/api/pages", json={"pages": [{"name": "a.txt", "text": UPLOAD_PAGE}]})
    assert r.status_code == 403 and "disabled" in r.json()["detail"]


@pytest.fixture(scope="module")
def writable(store, tmp_path_factory) -> tuple[TestClient, Path]:
    copy = tmp_path_factory.mktemp("ingest") / "thoisu.db"
    shutil.copy(store, copy)
    return TestClient(create_app(str(copy), token="s3cret", max_upload_bytes=200_000)), copy


def test_token_is_required(writable):
    c, _ = writable
    body = {"pages": [{"name": "a.txt", "text": UPLOAD_PAGE}]}
    assert c.post("/api/pages", json=body).status_code == 401
    assert c.post("/api/pages", json=body, headers={"Authorization": "Bearer nope"}).status_code == 401
    assert c.post("/api/pages", json=body, headers={"Authorization": "Basic s3cret"}).status_code == 401


def test_upload_too_large(writable):
    c, _ = writable
    big = {"files": ("big.txt", b"x" * 300_000, "text/plain")}
    r = c.post("/api/pages", files=big, headers={"Authorization": "Bearer s3cret"})
    assert r.status_code == 413 and "too large" in r.json()["detail"]


def test_upload_digests_in_the_background(writable):
    c, db_path = writable
    auth = {"Authorization": "Bearer s3cret"}
    files = [
        ("files", ("abe-indonesia.txt", UPLOAD_PAGE.encode(), "text/plain")),
        ("files", ("../../escape.txt", b"text", "text/plain")),
        ("files", (".hidden.txt", b"text", "text/plain")),
        ("files", ("tool.exe", b"MZ", "application/octet-stream")),
        ("files", ("empty.txt", b"", "text/plain")),
    ]
    r = c.post("/api/pages", files=files, headers=auth)
    assert r.status_code == 202, r.text
    data = r.json()
    assert set(data) == {"job", "accepted", "errors"}
    assert data["accepted"] == 1 and len(data["errors"]) == 4
    assert all("\n" not in e for e in data["errors"])
    assert any("escape.txt" in e and "refused" in e for e in data["errors"])
    job = c.app.state.jobs.wait(data["job"], timeout=180)
    status = c.get(f"/api/jobs/{data['job']}").json()
    assert {"id", "state", "pages", "articles", "errors"} <= set(status)
    assert status["state"] == "done", status
    assert status["pages"] == 1 and status["articles"] >= 1
    assert job.new_articles
    found = c.get("/api/search", params={"q": "Shinzo Abe Bogor"}).json()
    assert found["total"] == 1
    assert found["results"][0]["article"]["id"] in job.new_articles
    raw = c.get(f"/articles/{job.new_articles[0]}/raw").text
    assert "uploaded: abe-indonesia.txt" in raw and "thoisu-upload-" not in raw
    # JSON body: a bad record gets its line, the page already stored is not stored twice
    r = c.post("/api/pages", headers=auth, json={"pages": [{"name": "again.txt", "text": UPLOAD_PAGE},
                                                          {"name": "x.txt"}]})
    assert r.status_code == 202 and r.json()["accepted"] == 1 and len(r.json()["errors"]) == 1
    again = c.app.state.jobs.wait(r.json()["job"], timeout=180)
    assert again.state == "done" and again.new_articles == [] and again.articles == 0
    n = sqlite3.connect(db_path).execute("SELECT COUNT(*) FROM articles WHERE title LIKE '%Indonesia%'").fetchone()[0]
    assert n == 1


def test_upload_with_nothing_acceptable_is_422(writable):
    c, _ = writable
    r = c.post("/api/pages", headers={"Authorization": "Bearer s3cret"},
               files=[("files", ("bad.exe", b"MZ", "application/octet-stream"))])
    assert r.status_code == 422 and r.json()["errors"]
    r = c.post("/api/pages", headers={"Authorization": "Bearer s3cret"}, content=b"{nope",
               )
    assert r.status_code in (415, 422)


def test_html_filters_take_an_actor_name(client, ids):
    html = client.get("/events", params={"actor": "Oleg Burmistrov"}).text
    assert f'value="{ids["burmistrov"]}"' in html and "CONSULT" in html
    assert client.get("/events", params={"actor": "No Such Person Anywhere"}).status_code == 422
    html = client.get("/search", params={"q": "Triều Tiên", "actor": "oleg burm"}).text
    assert "Oleg Burmistrov" in html
    # the API takes ids only: a name is a bad parameter
    assert client.get("/api/events", params={"actor": "Oleg Burmistrov"}).status_code == 422


def test_empty_store_serves(tmp_path):
    c = TestClient(create_app(str(tmp_path / "new" / "thoisu.db")))
    assert "The store is empty" in c.get("/").text
    assert c.get("/api/search", params={"q": "nga"}).json() == {"total": 0, "results": []}
    assert c.get("/api/events").json() == {"total": 0, "events": []}
    assert c.get("/events").status_code == 200 and c.get("/search?q=nga").status_code == 200


def test_thoisu_serve_command(store, tmp_path):
    """The CLI's serve runs this app on uvicorn, the token read from THOISU_TOKEN."""
    import os
    import socket
    import subprocess
    import sys
    import time

    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    exe = Path(sys.executable).parent / "thoisu"
    env = {**os.environ, "THOISU_TOKEN": "from-env"}
    proc = subprocess.Popen([str(exe), "serve", "--db", str(store), "--port", str(port)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/", timeout=5)
                break
            except httpx.TransportError:
                assert proc.poll() is None and time.monotonic() < deadline, proc.stdout.read().decode()
                time.sleep(0.2)
        assert r.status_code == 200 and "What changed" in r.text
        no_token = httpx.post(f"http://127.0.0.1:{port}/api/pages", json={"pages": []}, timeout=5)
        assert no_token.status_code == 401  # a token is set (from the environment): not 403
    finally:
        proc.terminate()
        proc.wait(10)


def test_events_json_download_streams_every_row(client):
    import json

    r = client.get("/api/events", params={"download": 1, "type": "CONSULT"})
    assert r.status_code == 200 and "attachment" in r.headers["content-disposition"]
    data = json.loads(r.text)
    paged = client.get("/api/events", params={"type": "CONSULT", "limit": 1000}).json()
    assert data == paged


def test_fts_queries_never_a_syntax_error():
    """Random text built from FTS5's own syntax and Vietnamese words, through
    fts_query, against real FTS5 tables of both tokenizers."""
    import random

    from fastapi import HTTPException

    from thoisu.web.security import fts_query

    db = sqlite3.connect(":memory:")
    for name, diacritics in (("folded", 2), ("exact", 0)):
        db.execute(f"CREATE VIRTUAL TABLE {name} USING fts5(title, body, "
                   f"tokenize='unicode61 remove_diacritics {diacritics}')")
        db.execute(f"INSERT INTO {name} VALUES ('Bình Nhưỡng', 'hoá học OR NEAR \"x\"')")
    pieces = ['"', "'", "(", ")", "*", "^", ":", "-", "+", "OR", "AND", "NOT", "NEAR", "NEAR(",
              "title:", "{", "}", ",", "hoá", "hóa", "Bình", "nhưỡng", "đ", "Đà", "x", " ", " ", "\\"]
    rnd = random.Random(5)
    for _ in range(400):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 12)))
        for exact in (False, True):
            try:
                q = fts_query(text, exact)
            except HTTPException as exc:
                assert exc.status_code == 422
                continue
            db.execute(f"SELECT COUNT(*) FROM {'exact' if exact else 'folded'} WHERE "
                       f"{'exact' if exact else 'folded'} MATCH ?", (q,)).fetchone()
