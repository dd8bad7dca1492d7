"""Ingest: files, directories, stdin, encodings, bad inputs, HTML line mapping, JSONL records."""

from __future__ import annotations

import io
import json
import os
import sys
import unicodedata
from pathlib import Path

import pytest

from thoisu.ingest import InputError, read_inputs
from thoisu.models import Page

DATA = Path(__file__).parent / "data" / "ingest"
VI = "Đại sứ Nga tới Bình Nhưỡng để thảo luận về tình hình trên bán đảo.\nÔng ấy gặp Thứ trưởng Ngoại giao hôm 22/7 và nhấn mạnh quyết tâm hòa bình."


def one(path: str | Path, **kw) -> Page | InputError:
    out = list(read_inputs([str(path)], **kw))
    assert len(out) == 1, out
    return out[0]


def page(path: str | Path, **kw) -> Page:
    p = one(path, **kw)
    assert isinstance(p, Page), str(p)
    return p


def error(path: str | Path, **kw) -> InputError:
    e = one(path, **kw)
    assert isinstance(e, InputError), e
    return e


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


def to_cp1258(text: str) -> bytes:
    """Encode as Windows-1258 does: precomposed base letters, tone marks as combining characters."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        base, *marks = unicodedata.normalize("NFD", ch)
        for m in list(marks):  # fold the vowel mark (circumflex, breve, horn) into the base
            composed = unicodedata.normalize("NFC", base + m)
            if len(composed) == 1 and composed.encode("cp1258", errors="ignore"):
                base = composed
                marks.remove(m)
                break
        out += (base + "".join(marks)).encode("cp1258")
    return bytes(out)


# --------------------------------------------------------------------------- text and encodings


def test_txt_lines_keep_file_line_numbers(tmp_path: Path) -> None:
    p = page(write(tmp_path, "a.txt", "Tiêu đề\n\n  Đoạn một.  \r\nĐoạn\u00a0hai\u200b.\n\n".encode()))
    assert [(s.text, s.line) for s in p.lines] == [("Tiêu đề", 1), ("Đoạn một.", 3), ("Đoạn hai.", 4)]
    assert p.fmt == "txt" and p.path == str(tmp_path / "a.txt") and p.record is None
    assert len(p.sha) == 64


def test_txt_nfc_and_original_tone_placement_kept(tmp_path: Path) -> None:
    decomposed = unicodedata.normalize("NFD", "Hoà bình và thuỷ lợi")
    p = page(write(tmp_path, "a.txt", decomposed.encode()))
    assert p.lines[0].text == unicodedata.normalize("NFC", "Hoà bình và thuỷ lợi")  # not "Hòa"


def test_utf8_bom(tmp_path: Path) -> None:
    p = page(write(tmp_path, "bom.txt", b"\xef\xbb\xbf" + VI.encode()))
    assert p.text == VI and not p.lines[0].text.startswith("\ufeff")


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_and_without_bom(tmp_path: Path, codec: str) -> None:
    p = page(write(tmp_path, "u16.txt", VI.encode(codec)))
    assert p.text == VI
    assert [s.line for s in p.lines] == [1, 2]


def test_windows_1258(tmp_path: Path) -> None:
    raw = to_cp1258(VI)
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    assert raw.decode("cp1258") != VI  # combining tone marks: only NFC makes it equal
    assert page(write(tmp_path, "old.txt", raw)).text == VI


def test_other_legacy_encoding_falls_back_to_detection(tmp_path: Path) -> None:
    text = "東京都は今日、新しい交通計画を発表した。市民の生活に大きな影響を与えると見られている。\n" * 5
    raw = text.encode("shift_jis")  # holds bytes undefined in windows-1258
    assert page(write(tmp_path, "sj.txt", raw)).lines[0].text == text.split("\n")[0]


def test_mostly_utf8_with_a_broken_byte_stays_utf8(tmp_path: Path) -> None:
    raw = (VI + "\n") * 5 + "hỏng: "
    p = page(write(tmp_path, "broken.txt", raw.encode() + b"\xff\n" + VI.encode()))
    assert p.lines[0].text == VI.split("\n")[0]
    assert "\ufffd" in p.lines[10].text


@pytest.mark.parametrize(
    "raw",
    [b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, b"abc\x00def" * 50,
     bytes([1, 2, 3, 4, 5, 6, 7, 8, 65]) * 100],
    ids=["png", "nul", "controls"],
)
def test_binary_rejected(tmp_path: Path, raw: bytes) -> None:
    e = error(write(tmp_path, "x.txt", raw))
    assert e.reason == "binary file, not text"
    assert str(e) == f"{tmp_path / 'x.txt'}: binary file, not text"


@pytest.mark.parametrize("raw", [b"", b"  \n\r\n\t \n"], ids=["empty", "blank"])
def test_empty_rejected(tmp_path: Path, raw: bytes) -> None:
    assert error(write(tmp_path, "e.txt", raw)).reason == "empty file"


def test_blank_utf16_rejected(tmp_path: Path) -> None:
    assert error(write(tmp_path, "e.txt", " \n \n".encode("utf-16"))).reason == "empty file"


def test_too_large_refused_without_reading(tmp_path: Path, monkeypatch) -> None:
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:  # sparse: no disk used
        fh.truncate(52_400_000)

    def no_open(*a, **k):  # the file must not be opened at all
        raise AssertionError("opened a file over the limit")

    monkeypatch.setattr("thoisu.ingest.walk.open", no_open, raising=False)
    e = error(big)
    assert e.reason == "too large (52.4 MB > 20 MB limit)"
    assert str(e).count("\n") == 0


def test_max_bytes_parameter(tmp_path: Path) -> None:
    p = write(tmp_path, "a.txt", VI.encode())
    assert error(p, max_bytes=10).reason.startswith("too large")
    assert isinstance(one(p, max_bytes=10_000), Page)


def test_nonexistent_path() -> None:
    e = error("/no/such/thoisu/file.txt")
    assert str(e) == "/no/such/thoisu/file.txt: no such file or directory"


def test_single_string_is_one_path(tmp_path: Path) -> None:
    p = write(tmp_path, "a.txt", VI.encode())
    assert [x.path for x in read_inputs(str(p))] == [str(p)]


def test_errors_do_not_stop_other_inputs(tmp_path: Path) -> None:
    good = write(tmp_path, "good.txt", VI.encode())
    out = list(read_inputs(["/no/such.txt", str(write(tmp_path, "e.txt", b"")), str(good)]))
    assert [type(x).__name__ for x in out] == ["InputError", "InputError", "Page"]


# --------------------------------------------------------------------------- HTML


def test_html_article_text_meta_and_line_map() -> None:
    p = page(DATA / "article.html")
    assert p.fmt == "html"
    assert p.meta == {
        "title": "Hà Nội mở rộng phố đi bộ", "author": "Lan Anh", "published": "2023-05-12",
        "outlet": "Báo Thử", "url": "https://baothu.vn/ha-noi-mo-rong-pho-di-bo.html",
    }
    def line_of(prefix: str) -> int:
        return next(s.line for s in p.lines if s.text.startswith(prefix))

    assert line_of("Ủy ban nhân dân") == 11
    assert line_of("Theo kế hoạch, các tuyến phố mới") == 13  # spans lines 13-14: starts at 13
    assert line_of('Người dân "rất phấn khởi"') == 15  # entities unescaped before matching
    assert line_of("Sở Giao thông cũng sẽ") == 17  # inline markup, &nbsp;, after a blank line
    texts = " ".join(s.text for s in p.lines)
    assert "Trang chủ" not in texts and "toasoan@baothu.vn" not in texts
    assert "19h tối thứ sáu đến 24h chủ nhật & các ngày lễ." in texts
    assert all(s.line >= 9 for s in p.lines)  # never mapped to <title> in <head>


def test_html_line_numbers_are_nondecreasing() -> None:
    lines = [s.line for s in page(DATA / "article.html").lines]
    assert lines == sorted(lines)


def test_html_without_article_text() -> None:
    assert error(DATA / "nav_only.html").reason == "no article text found in HTML"


def test_html_in_cp1258_with_declared_charset(tmp_path: Path) -> None:
    body = "".join(f"<p>{x}</p>\n" for x in VI.split("\n"))
    html = f'<html><head><meta charset="windows-1258"></head><body><article>\n{body}</article></body></html>'
    p = page(write(tmp_path, "old.htm", to_cp1258(html)))
    assert [s.text for s in p.lines] == VI.split("\n")
    assert [s.line for s in p.lines] == [2, 3]


# --------------------------------------------------------------------------- JSONL


def test_jsonl_good_and_bad_lines() -> None:
    out = list(read_inputs([str(DATA / "records.jsonl")]))
    kinds = [(type(x).__name__, getattr(x, "reason", None)) for x in out]
    assert [k for k, _ in kinds] == ["Page", "InputError", "InputError", "InputError", "Page"]
    assert kinds[1][1].startswith("line 3: invalid JSON (")
    assert kinds[2][1] == "line 4: record has no 'text'"
    assert kinds[3][1] == "line 5: not a JSON object"
    first, last = out[0], out[4]
    assert first.fmt == "jsonl" and first.record == 0 and last.record == 4
    assert [(s.text[:8], s.line) for s in first.lines] == [("Mưa lớn ", 1), ("Chính qu", 1)]
    assert first.meta == {"title": "Mưa lớn ở miền Trung", "outlet": "Báo Thử", "published": "2023-10-02"}
    assert last.meta == {"author": "Hoàng Nam"} and last.lines[0].line == 6
    assert first.sha != last.sha and first.path == last.path == str(DATA / "records.jsonl")


def test_jsonl_records_are_keyed_by_content_not_position(tmp_path: Path) -> None:
    rec = json.dumps({"text": "Cùng một nội dung."}, ensure_ascii=False)
    other = json.dumps({"text": "Một bài khác."}, ensure_ascii=False)
    out = list(read_inputs([str(write(tmp_path, "d.jsonl", f"{rec}\n{rec}\n".encode()))]))
    assert len(out) == 2 and out[0].sha == out[1].sha  # the same record twice: one page
    moved = list(read_inputs([str(write(tmp_path, "e.jsonl", f"{other}\n{rec}\n".encode()))]))
    assert moved[1].sha == out[0].sha  # a line added above it: still the same page


def test_jsonl_lead_comes_first(tmp_path: Path) -> None:
    rec = {"title": "T", "lead": "Tóm tắt đầu bài.", "text": "Thân bài."}
    p = page(write(tmp_path, "l.jsonl", json.dumps(rec).encode()))
    assert [s.text for s in p.lines] == ["Tóm tắt đầu bài.", "Thân bài."]


# --------------------------------------------------------------------------- directories and stdin


def test_directory_recursion_sorted_hidden_skipped() -> None:
    d = str(DATA / "dir")
    out = list(read_inputs([d]))
    assert all(isinstance(x, Page) for x in out), [str(x) for x in out]
    assert [x.path for x in out] == [
        os.path.join(d, "a.txt"), os.path.join(d, "sub", "b.htm"), os.path.join(d, "sub", "c.jsonl"),
    ]
    assert [x.fmt for x in out] == ["txt", "html", "jsonl"]
    assert out[0].lines[1].line == 3


def test_empty_directory(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("không phải trang")
    e = error(tmp_path)
    assert e.reason == "directory holds no pages (.txt, .html, .htm, .jsonl)"


class _Stdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


@pytest.mark.parametrize(
    ("data", "fmt"),
    [
        (VI.encode(), "txt"),
        ((DATA / "article.html").read_bytes(), "html"),
        (b'{"text": "M\xe1\xbb\x99t."}\n\n{"text": "Hai."}\n', "jsonl"),
        (b'{"text": "not all lines are JSON"}\nplain line\n', "txt"),
    ],
)
def test_stdin_sniffed(monkeypatch, data: bytes, fmt: str) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(data))
    out = list(read_inputs(["-"]))
    assert out and all(isinstance(x, Page) and x.path == "-" and x.fmt == fmt for x in out)
    if fmt == "jsonl":
        assert [x.lines[0].line for x in out] == [1, 3]


def test_stdin_empty(monkeypatch) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(b"\n"))
    assert str(error("-")) == "-: empty input"


def test_seed_pages_read_if_present() -> None:
    seeds = Path(__file__).resolve().parents[2] / "shared" / "seeds"
    if not seeds.is_dir():
        pytest.skip("shared seeds absent")
    out = list(read_inputs([str(seeds)]))
    assert len(out) == 5 and all(isinstance(x, Page) and x.fmt == "txt" for x in out)
    raw = (seeds / "000_4162ccc8912c061b.txt").read_text(encoding="utf-8").split("\n")
    for s in out[0].lines:  # every kept line is the file's line at that number
        assert s.text == unicodedata.normalize("NFC", raw[s.line - 1]).strip()


def test_html_two_articles_both_kept_in_order() -> None:
    p = page(DATA / "two_articles.html")
    texts = [s.text for s in p.lines]
    assert any(t.startswith("Cây cầu dài gần 500 mét") for t in texts)
    assert any(t.startswith("Tuyến đường ven sông dài tám") for t in texts)  # 2nd <article>
    assert not any("Bến xe sẽ có thêm" in t for t in texts)  # teaser cards are not articles
    lines = {s.text[:12]: s.line for s in p.lines}
    assert lines["Cây cầu dài "] == 7 and lines["Tuyến đường "] == 13
    assert [s.line for s in p.lines] == sorted(s.line for s in p.lines)


def test_cleaneval_handmade_gold_lines_survive_ingest() -> None:
    """Every gold body line of the handmade evaluation pages is a line the ingester yields."""
    handmade = Path(__file__).resolve().parents[1] / "eval" / "cleaneval" / "handmade"
    golds = sorted(handmade.glob("*.gold.json"))
    assert golds
    for g in golds:
        gold = json.loads(g.read_text(encoding="utf-8"))
        p = page(handmade / gold["page"])
        lines = {s.line for s in p.lines}
        for art in gold["articles"]:
            assert set(art["body_lines"]) <= lines, (gold["page"], set(art["body_lines"]) - lines)


def test_html_list_items_and_table_rows_mapped() -> None:
    p = page(DATA / "list_table.html")
    got = [(s.line, s.text[:14]) for s in p.lines]
    assert (5, "- Trạm y tế ph") in got and (6, "- Trạm y tế ph") in got
    assert (9, "| Quận 1 | 3 đ") in got and (10, "| Quận 3 | 5 đ") in got
    assert (13, "Phụ huynh cần ") in got


def test_html_repeated_text_maps_to_the_article_occurrence() -> None:
    """Title and lead also stand in breadcrumb, ticker and a teaser: the article's lines win."""
    p = page(DATA / "repeated_text.html")
    got = {s.text[:20]: s.line for s in p.lines}
    assert got["Mở lại tuyến tàu đêm"] == 6
    assert got["Ngành đường sắt mở l"] == 7
    assert got["Đại diện công ty vận"] == 9


def test_html_huge_page_mapping_stays_linear_and_right(monkeypatch) -> None:
    import thoisu.ingest.html as html_reader
    from thoisu.ingest.decode import limits

    small_budget = dict(limits(), html_search_budget=0)  # as if the page were huge
    monkeypatch.setattr(html_reader, "limits", lambda: small_budget)
    got = {s.text[:12]: s.line for s in page(DATA / "article.html").lines}
    assert got["Ủy ban nhân "] == 11 and got["Theo kế hoạc"] == 13 and got["Sở Giao thôn"] == 17


def test_jsonl_cluster_lines_give_one_page_per_document(tmp_path: Path) -> None:
    cluster = {"id": "c1", "documents": [
        {"title": "Bài một", "outlet": "Báo A", "text": "Đoạn một.\nĐoạn hai."},
        {"title": "Bài hai", "text": "Nội dung bài hai."}], "summaries": ["tóm tắt"]}
    bad = {"id": "c2", "documents": [{"title": "không có nội dung"}]}
    raw = "\n".join(json.dumps(x, ensure_ascii=False) for x in (cluster, bad)).encode()
    out = list(read_inputs([str(write(tmp_path, "clusters.jsonl", raw))]))
    assert [type(x).__name__ for x in out] == ["Page", "Page", "InputError"]
    assert [x.meta.get("title") for x in out[:2]] == ["Bài một", "Bài hai"]
    assert [x.record for x in out[:2]] == [0, 1] and out[0].sha != out[1].sha
    assert {s.line for x in out[:2] for s in x.lines} == {1}
    assert out[2].reason == "line 2: record has no 'text'"


def test_jsonl_without_any_record_is_one_error(tmp_path: Path) -> None:
    e = error(write(tmp_path, "x.jsonl", b"<html>\n<body>\n<p>not json</p>\n"))
    assert e.reason.startswith("no JSON records (3 bad lines; first: line 1: invalid JSON (")
    one_bad = error(write(tmp_path, "y.jsonl", b'\n{"title": "no text"}\n'))
    assert one_bad.reason == "line 2: record has no 'text'"


def test_html_sapo_outside_the_article_is_kept_when_the_description_vouches() -> None:
    # vnexpress-style: <p class="description"> above <article>; trafilatura drops it
    p = page(DATA / "sapo_outside_article.html")
    assert p.lines[0].text.startswith("Hà Nội - Ba tuyến buýt điện nối sân bay Nội Bài")
    assert p.lines[0].line == 23
    assert [s.line for s in p.lines] == sorted(s.line for s in p.lines)
    assert sum("Ba tuyến buýt điện" in s.text for s in p.lines) == 1
    assert p.meta["title"] == "Hà Nội mở thêm ba tuyến buýt điện nối sân bay"


def test_html_sapo_found_from_a_cut_description_and_title_from_h1() -> None:
    p = page(DATA / "sapo_cut_short_no_og.html")
    assert p.lines[0].text.endswith("giá vé từ 9.000 đến 45.000 đồng mỗi lượt.")
    assert p.meta["title"] == "Hà Nội mở thêm ba tuyến buýt điện nối sân bay"


def test_html_no_sapo_without_a_description(tmp_path: Path) -> None:
    src = (DATA / "sapo_outside_article.html").read_text(encoding="utf-8")
    src = "\n".join(x for x in src.split("\n") if "description\" content" not in x)
    p = page(write(tmp_path, "nodesc.html", src.encode("utf-8")))
    assert not any("Ba tuyến buýt điện" in s.text for s in p.lines)


def test_html_text_trafilatura_drops_whole_goes_to_the_cleaner(tmp_path: Path) -> None:
    # the article sits in a block whose class reads as comments: trafilatura keeps nothing
    body = "\n".join(f"<p>{t}</p>" for t in (
        "Sở Giao thông Vận tải cho biết ba tuyến buýt mới dùng xe điện loại lớn, mỗi xe chở được khoảng 80 khách.",
        "Tuyến thứ nhất đi từ sân bay về bến xe Kim Mã qua cầu Nhật Tân, tuyến thứ hai về quận Hoàn Kiếm.",
    ))
    src = f'<html><body>\n<h1>Hà Nội mở thêm ba tuyến buýt điện</h1>\n<div class="comment-list">\n{body}\n</div></body></html>'
    p = page(write(tmp_path, "c.html", src.encode("utf-8")))
    assert [s.line for s in p.lines] == [2, 4, 5]
    assert p.lines[1].text.startswith("Sở Giao thông")
    from thoisu.clean import extract_articles

    arts = extract_articles(p)
    assert arts and any("Kim Mã" in x.text for a in arts for x in a.paragraphs)
