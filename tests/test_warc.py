"""WARC/ARC input: crawls written by warcio (ARC by hand, warcio only reads it), read record
by record; bad records reported one line each while the rest of the file is read."""

from __future__ import annotations

import gzip
import html
import io
from pathlib import Path

import pytest

from thoisu.ingest import InputError, read_inputs
from thoisu.models import Page
from thoisu.pipeline import process_page

warcio = pytest.importorskip("warcio")
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
DATE = "2026-11-30T10:00:00Z"  # crawl date: must never become a publication date
PARAS = [
    "Đại sứ Nga tới Bình Nhưỡng để thảo luận về tình hình trên bán đảo Triều Tiên trong tuần này.",
    "Ông ấy gặp Thứ trưởng Ngoại giao hôm 22/7 và nhấn mạnh quyết tâm hòa bình của hai nước láng giềng.",
    "Hai bên nhất trí tăng cường hợp tác kinh tế, văn hóa và giáo dục trong thời gian tới, theo thông cáo.",
]


def html_page(title: str, paras: list[str]) -> bytes:
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paras)
    return (f"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{html.escape(title)}</title>"
            f"</head>\n<body><article>\n<h1>{html.escape(title)}</h1>\n{body}\n</article></body></html>\n"
            ).encode()


def seed_html(name: str) -> bytes:
    lines = [ln for ln in (SEEDS / name).read_text(encoding="utf-8").split("\n") if ln.strip()]
    return html_page(lines[0], lines[1:])


class Crawl:
    """A WARC being written: records in order, with the offset each one starts at."""

    def __init__(self, gz: bool = True) -> None:
        self.buf = io.BytesIO()
        self.writer = WARCWriter(self.buf, gzip=gz)
        self.offsets: list[int] = []
        self.writer.write_record(self.writer.create_warcinfo_record("t.warc", {"software": "tests"}))

    def response(self, url: str, payload: bytes, ctype: str = "text/html; charset=utf-8",
                 status: str = "200 OK", encoding: str | None = None) -> int:
        headers = [("Content-Type", ctype)]
        if encoding == "gzip":
            payload = gzip.compress(payload)
            headers.append(("Content-Encoding", "gzip"))
        http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
        rec = self.writer.create_warc_record(
            url, "response", payload=io.BytesIO(payload), length=len(payload), http_headers=http,
            warc_headers_dict={"WARC-Date": DATE},
        )
        self.offsets.append(self.buf.tell())
        self.writer.write_record(rec)
        return self.offsets[-1]

    def request(self, url: str) -> None:
        http = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.vn")], is_http_request=True)
        self.writer.write_record(self.writer.create_warc_record(url, "request", http_headers=http))

    def bytes(self) -> bytes:
        return self.buf.getvalue()

    def save(self, path: Path) -> Path:
        path.write_bytes(self.bytes())
        return path


def read(*paths: Path, **kw) -> tuple[list[Page], list[InputError]]:
    items = list(read_inputs([str(p) for p in paths], **kw))
    return ([i for i in items if isinstance(i, Page)], [i for i in items if isinstance(i, InputError)])


def test_html_records_become_pages_with_crawl_metadata(tmp_path: Path) -> None:
    crawl = Crawl()
    crawl.request("https://example.vn/a")
    off = crawl.response("https://example.vn/a", html_page("Nga và Triều Tiên hội đàm", PARAS))
    crawl.response("https://example.vn/b", html_page("Tin thứ hai", PARAS[::-1]), encoding="gzip")
    path = crawl.save(tmp_path / "crawl.warc.gz")
    pages, errors = read(path)
    assert errors == []
    assert [p.path for p in pages] == [f"{path}#{off}", f"{path}#{crawl.offsets[1]}"]
    page = pages[0]
    assert page.meta["url"] == "https://example.vn/a"
    assert page.meta["crawled"] == DATE
    assert "published" not in page.meta and "date" not in page.meta
    assert page.fmt == "warc"
    assert [s.text for s in page.lines][-3:] == PARAS
    # the line map points into the payload: the first paragraph is on line 5 of html_page
    assert page.lines[-3].line == 5
    assert pages[1].meta["url"] == "https://example.vn/b"  # Content-Encoding undone


def test_crawl_date_is_never_the_publication_date(tmp_path: Path) -> None:
    path = Crawl()
    path.response("https://example.vn/a", html_page("Nga và Triều Tiên hội đàm", PARAS))
    (page,), _ = read(path.save(tmp_path / "c.warc"))
    articles = process_page(page)
    assert articles and all(a.published is None for a in articles)


def test_same_payload_same_sha_as_the_html_file(tmp_path: Path) -> None:
    """A re-run skips stored records by content hash: the sha is the payload's."""
    payload = html_page("Nga và Triều Tiên hội đàm", PARAS)
    crawl = Crawl()
    crawl.response("https://example.vn/a", payload)
    (tmp_path / "a.html").write_bytes(payload)
    pages, _ = read(crawl.save(tmp_path / "c.warc.gz"), tmp_path / "a.html")
    assert pages[0].sha == pages[1].sha
    again, _ = read(tmp_path / "c.warc.gz")
    assert again[0].sha == pages[0].sha and again[0].path == pages[0].path


def test_plain_warc_and_directories(tmp_path: Path) -> None:
    crawl = Crawl(gz=False)
    crawl.response("https://example.vn/a", html_page("Tin một", PARAS))
    sub = tmp_path / "crawls" / "2026"
    sub.mkdir(parents=True)
    crawl.save(sub / "x.warc")
    gz = Crawl()
    gz.response("https://example.vn/b", html_page("Tin hai", PARAS))
    gz.save(tmp_path / "crawls" / "y.warc.gz")
    (tmp_path / "crawls" / "notes.gz").write_bytes(gzip.compress(b"not a crawl"))
    pages, errors = read(tmp_path / "crawls")
    assert errors == []
    assert sorted(p.meta["url"] for p in pages) == ["https://example.vn/a", "https://example.vn/b"]


def test_crawl_gzipped_as_one_stream(tmp_path: Path) -> None:
    """`gzip crawl.warc` makes one gzip member for the whole file, not one per record."""
    crawl = Crawl(gz=False)
    for i in range(3):
        crawl.response(f"https://example.vn/{i}", html_page(f"Tin số {i}", PARAS))
    path = tmp_path / "whole.warc.gz"
    path.write_bytes(gzip.compress(crawl.bytes()))
    pages, errors = read(path)
    assert errors == []
    assert [p.meta["url"] for p in pages] == [f"https://example.vn/{i}" for i in range(3)]
    assert [p.path for p in pages] == [f"{path}#{o}" for o in crawl.offsets]


def test_crawl_under_another_name_is_read_by_content(tmp_path: Path) -> None:
    crawl = Crawl()
    crawl.response("https://example.vn/a", html_page("Tin một", PARAS))
    pages, errors = read(crawl.save(tmp_path / "CC-NEWS-20261130.open"))
    assert len(pages) == 1 and errors == []


def test_records_that_are_not_pages_are_counted_in_one_line(tmp_path: Path) -> None:
    crawl = Crawl()
    crawl.request("https://example.vn/logo.png")
    crawl.response("https://example.vn/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(200), ctype="image/png")
    crawl.response("https://example.vn/style.css", b"body { color: red }", ctype="text/css")
    crawl.response("https://example.vn/old", b"<html>moved</html>", status="301 Moved Permanently")
    crawl.response("https://example.vn/a", html_page("Tin một", PARAS))
    path = crawl.save(tmp_path / "c.warc.gz")
    pages, errors = read(path)
    assert len(pages) == 1
    assert [str(e) for e in errors] == [
        f"{path}: 3 records skipped, not HTML pages (image/png 1, text/css 1, HTTP 301 1)"
    ]


def test_bad_records_one_line_each_rest_of_file_read(tmp_path: Path) -> None:
    crawl = Crawl()
    good = [crawl.response("https://example.vn/a", html_page("Tin một", PARAS))]
    binary = crawl.response("https://example.vn/img", b"\x89PNG\r\n\x1a\n" + bytes(500))  # says HTML
    no_markup = crawl.response("https://example.vn/j", b'{"not": "html"}')
    big = crawl.response("https://example.vn/big", html_page("Lớn", PARAS * 400))
    # UTF-16 with a lone surrogate: no encoding decodes it
    undecodable = crawl.response("https://example.vn/u", b"\xff\xfe" + "<html><p>".encode("utf-16-le")
                                 + b"\x00\xd8" + "x</p></html>".encode("utf-16-le"))
    good.append(crawl.response("https://example.vn/b", html_page("Tin hai", PARAS)))
    path = crawl.save(tmp_path / "c.warc.gz")
    pages, errors = read(path, max_bytes=50_000)
    assert [p.path for p in pages] == [f"{path}#{o}" for o in good]
    lines = [str(e) for e in errors]
    assert lines[0] == f"{path}#{binary}: not HTML (binary payload) (https://example.vn/img)"
    assert lines[1] == f"{path}#{no_markup}: not HTML (payload has no HTML markup) (https://example.vn/j)"
    assert lines[2].startswith(f"{path}#{big}: record too large (")
    assert lines[3].startswith(f"{path}#{undecodable}: cannot decode text")
    assert len(lines) == 4


@pytest.mark.parametrize("keep", [0.1, 0.5, 0.9])
def test_truncated_gzip_member_in_the_middle(tmp_path: Path, keep: float) -> None:
    crawl = Crawl()
    offs = [crawl.response(f"https://example.vn/{i}", html_page(f"Tin số {i}", PARAS)) for i in range(3)]
    data = crawl.bytes()
    cut_at = offs[1] + int((offs[2] - offs[1]) * keep)
    path = tmp_path / "c.warc.gz"
    path.write_bytes(data[:cut_at] + data[offs[2]:])
    pages, errors = read(path)
    assert [p.meta["url"] for p in pages] == ["https://example.vn/0", "https://example.vn/2"]
    assert len(errors) == 1 and str(errors[0]).startswith(f"{path}#{offs[1]}: ")
    assert "truncated" in str(errors[0])
    # the third record keeps its name: offsets are those of the file as it is
    assert pages[1].path == f"{path}#{cut_at}"


def test_corrupt_record_in_a_plain_warc(tmp_path: Path) -> None:
    crawl = Crawl(gz=False)
    offs = [crawl.response(f"https://example.vn/{i}", html_page(f"Tin số {i}", PARAS)) for i in range(3)]
    data = bytearray(crawl.bytes())
    data[offs[1] : offs[1] + 8] = b"GARBAGE!"  # the second record's "WARC/1.x" line is gone
    path = tmp_path / "c.warc"
    path.write_bytes(bytes(data))
    pages, errors = read(path)
    assert [p.meta["url"] for p in pages] == ["https://example.vn/0", "https://example.vn/2"]
    assert len(errors) == 1 and str(errors[0]).startswith(f"{path}#{offs[1]}: corrupt record")


@pytest.mark.parametrize("keep", [0.3, 0.6, 0.95])
def test_crawl_cut_off_at_the_end(tmp_path: Path, keep: float) -> None:
    crawl = Crawl()
    offs = [crawl.response(f"https://example.vn/{i}", html_page(f"Tin số {i}", PARAS)) for i in range(2)]
    data = crawl.bytes()
    path = tmp_path / "c.warc.gz"
    path.write_bytes(data[: offs[1] + int((len(data) - offs[1]) * keep)])
    pages, errors = read(path)
    assert [p.meta["url"] for p in pages] == ["https://example.vn/0"]
    assert len(errors) == 1 and str(errors[0]).startswith(f"{path}#{offs[1]}: ")


def test_missing_crawl_file(tmp_path: Path) -> None:
    _, errors = read(tmp_path / "gone.warc.gz")
    assert [str(e) for e in errors] == [f"{tmp_path / 'gone.warc.gz'}: no such file or directory"]


def _arc_gz(records: list[tuple[str, bytes]]) -> bytes:
    """An ARC v1 file, one gzip member per record (the layout .arc.gz crawls have)."""
    head = b"1 0 thoisu-tests\nURL IP-address Archive-date Content-type Archive-length\n"
    out = [gzip.compress(b"filedesc://t.arc 0.0.0.0 20261130100000 text/plain %d\n%s\n"
                         % (len(head), head))]
    for url, payload in records:
        http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + payload
        out.append(gzip.compress(b"%s 1.2.3.4 20261130100000 text/html %d\n%s\n"
                                 % (url.encode(), len(http), http)))
    return b"".join(out)


def test_arc_gz(tmp_path: Path) -> None:
    path = tmp_path / "old.arc.gz"
    path.write_bytes(_arc_gz([("http://example.vn/a", html_page("Tin một", PARAS))]))
    pages, errors = read(path)
    assert errors == []
    assert len(pages) == 1 and pages[0].meta["url"] == "http://example.vn/a"
    assert "published" not in pages[0].meta


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds not available")
def test_seed_pages_through_a_crawl(tmp_path: Path) -> None:
    crawl = Crawl()
    names = sorted(p.name for p in SEEDS.glob("*.txt"))
    for n in names:
        crawl.response(f"https://example.vn/{n}", seed_html(n))
    pages, errors = read(crawl.save(tmp_path / "seeds.warc.gz"))
    assert errors == [] and len(pages) == len(names)
    for name, page in zip(names, pages, strict=True):
        alone = tmp_path / f"{name}.html"
        alone.write_bytes(seed_html(name))
        (file_page,), _ = read(alone)
        assert [a.paragraphs for a in process_page(page)] == [
            a.paragraphs for a in process_page(file_page)]


def test_memory_does_not_grow_with_the_crawl(tmp_path: Path) -> None:
    """80 MB of records (decompressed) read with a few MB at most: streamed, never whole."""
    import tracemalloc

    crawl = Crawl()
    blob = bytes(1 << 20)
    for i in range(80):
        crawl.response(f"https://example.vn/{i}.png", blob, ctype="image/png")
    crawl.response("https://example.vn/big", b"<html><body>" + blob * 3, ctype="text/html")
    crawl.response("https://example.vn/a", html_page("Tin một", PARAS))
    path = crawl.save(tmp_path / "big.warc.gz")
    del crawl, blob
    read(path, max_bytes=2_000_000)  # imports (trafilatura, lxml) are not the crawl's memory
    tracemalloc.start()
    try:
        pages, errors = read(path, max_bytes=2_000_000)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(pages) == 1 and len(errors) == 2  # the 3 MB page is refused, the images counted
    assert "record too large" in str(errors[0])
    assert peak < 12_000_000, peak  # about 4x the record limit (buffers), never the crawl


def test_digest_of_a_crawl_twice_stores_nothing_twice(tmp_path: Path) -> None:
    """Through the command line: the second run finds every record stored (content hash)."""
    import json

    from typer.testing import CliRunner

    from thoisu.cli import app

    crawl = Crawl()
    crawl.response("https://example.vn/a", html_page("Nga và Triều Tiên hội đàm", PARAS))
    crawl.response("https://example.vn/b", html_page("Hợp tác kinh tế được đẩy mạnh", PARAS[::-1]))
    path = crawl.save(tmp_path / "c.warc.gz")
    out = tmp_path / "out"
    runs = []
    for _ in range(2):
        res = CliRunner().invoke(app, ["digest", str(path), "--out", str(out), "--quiet"])
        assert res.exit_code == 0, res.output
        runs.append(json.loads((out / "digest.json").read_text("utf-8"))["articles"])
    assert runs[0] and [a["id"] for a in runs[1]] == [a["id"] for a in runs[0]]
    assert {a["page"] for a in runs[0]} == {f"{path}#{o}" for o in crawl.offsets}
    assert all(a["published"] is None for a in runs[0])  # WARC-Date is no publication date


@pytest.mark.parametrize("gz", [False, True])
@pytest.mark.parametrize("delta", [-50, 50])
def test_wrong_content_length_is_one_line(tmp_path: Path, gz: bool, delta: int) -> None:
    """A Content-Length too short (the record's end read as a next record) or too long
    (the start of the next record swallowed): one line, and the next record still read."""
    import re

    crawl = Crawl(gz=gz)
    offs = [crawl.response(f"https://example.vn/{i}", html_page(f"Tin số {i}", PARAS)) for i in range(3)]
    data = crawl.bytes()
    member = data[offs[1] : offs[2]]
    raw = gzip.decompress(member) if gz else member
    length = re.search(rb"Content-Length: (\d+)", raw)
    assert length is not None
    raw = raw.replace(length.group(0), b"Content-Length: %d" % (int(length.group(1)) + delta), 1)
    if gz:
        raw = gzip.compress(raw)
    path = tmp_path / ("c.warc.gz" if gz else "c.warc")
    path.write_bytes(data[: offs[1]] + raw + data[offs[2] :])
    pages, errors = read(path)
    assert [p.meta["url"] for p in pages] == ["https://example.vn/0", "https://example.vn/2"]
    # in a gzip member, a length beyond the member's end looks like (and is) a cut record
    reason = "truncated record, skipped (https://example.vn/1)" if gz and delta > 0 else \
        "record length does not match its Content-Length, skipped"
    assert [str(e) for e in errors] == [f"{path}#{offs[1]}: {reason}"]


@pytest.mark.parametrize("gz", [False, True])
def test_damaged_bytes_lose_only_the_damaged_record(tmp_path: Path, gz: bool) -> None:
    """A few random bytes overwritten in one record (header, HTTP headers or payload):
    never an exception, every other record read once, errors one line each."""
    import random

    rng = random.Random(7)
    for _ in range(20):
        crawl = Crawl(gz=gz)
        offs = [crawl.response(f"https://example.vn/{i}", html_page(f"Tin số {i}", PARAS)) for i in range(4)]
        data = bytearray(crawl.bytes())
        k = rng.randrange(len(offs))
        end = offs[k + 1] if k + 1 < len(offs) else len(data)
        for _ in range(rng.randint(1, 4)):
            data[rng.randrange(offs[k], end)] = rng.randrange(256)
        path = tmp_path / ("d.warc.gz" if gz else "d.warc")
        path.write_bytes(bytes(data))
        pages, errors = read(path)
        urls = [p.meta["url"] for p in pages]
        assert len(urls) == len(set(urls))
        assert {f"https://example.vn/{i}" for i in range(4) if i != k} <= set(urls)
        assert all("\n" not in str(e) for e in errors)
