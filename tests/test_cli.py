"""End-to-end: `thoisu digest` and `thoisu summarize` as a user runs them."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from thoisu.cli import app

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


@pytest.fixture(scope="module")
def seed_digest(tmp_path_factory, seeds_dir):
    out = tmp_path_factory.mktemp("out")
    res = runner.invoke(app, ["digest", str(seeds_dir), "--out", str(out), "--quiet"])
    assert res.exit_code == 0, res.output
    return out


def test_digest_writes_every_contract_file(seed_digest):
    for name in ("digest.json", "articles.jsonl", "events.jsonl", "events.csv", "report.html", "thoisu.db"):
        assert (seed_digest / name).stat().st_size > 0, name
    data = json.loads((seed_digest / "digest.json").read_text("utf-8"))
    assert data["schema"] == "thoisu.digest/1"
    assert set(data) == {"schema", "articles", "entities", "events", "quotes", "stories", "threads"}
    art = data["articles"][0]
    assert set(art) == {"id", "page", "title", "title_line", "outlet", "author", "via", "published",
                        "paragraphs", "duplicate_of", "story_id"}
    lines = (seed_digest / "articles.jsonl").read_text("utf-8").splitlines()
    assert len(lines) == len(data["articles"])


def test_seed_articles_and_dates(seed_digest):
    data = json.loads((seed_digest / "digest.json").read_text("utf-8"))
    arts = data["articles"]
    assert len(arts) == 6  # page 000 holds two articles
    for a in arts:
        assert a["paragraphs"], a["id"]
        assert all(isinstance(p["line"], int) and p["line"] >= 1 for p in a["paragraphs"])
        if a["published"]:
            assert not a["published"]["value"].startswith(("2025", "2026")), a


def test_seeds_five_stories_through_the_cli(seed_digest):
    # the whole path (cleaning, words, actors, then stories and threads), not only the
    # clustering on hand-built articles
    data = json.loads((seed_digest / "digest.json").read_text("utf-8"))
    assert len(data["stories"]) == 5
    by_id = {a["id"]: a for a in data["articles"]}
    page0 = [a for a in data["articles"] if Path(a["page"]).name.startswith("000")]
    assert len(page0) == 2 and len({by_id[a["id"]]["story_id"] for a in page0}) == 1
    assert sorted(s for t in data["threads"] for s in t["story_ids"]) == sorted(s["id"] for s in data["stories"])
    for t in data["threads"]:
        dated = [e["date"]["value"] for e in t["timeline"]]
        known = [v for v in dated if not v.startswith("XXXX")]
        assert known == sorted(known) and dated[: len(known)] == known  # XXXX after the dated


@pytest.mark.xfail(
    reason="issue 14: the thread rule chosen on the judged dev pairs scores the seeds' pairs at "
    "0.32 at best and the US envoy's story at 0.09 (joins need 0.5); their kind of matter, the "
    "same states over one object years apart, is three dev pairs of the mds files and no test "
    "pair, too few to fit a join to (docs/threads.md, Known limits and Round 12)", strict=False)
def test_seeds_one_thread_through_the_cli(seed_digest):
    data = json.loads((seed_digest / "digest.json").read_text("utf-8"))
    assert len(data["threads"]) == 1


def test_every_summary_and_timeline_entry_points_to_a_source_line(seed_digest):
    data = json.loads((seed_digest / "digest.json").read_text("utf-8"))
    lines = {(a["id"], p["line"]) for a in data["articles"] for p in a["paragraphs"]}
    for group in data["stories"] + data["threads"]:
        for s in group["summary"]:
            assert (s["article"], s["line"]) in lines
        for e in group["timeline"]:
            assert (e["article"], e["line"]) in lines


def test_rerun_stores_nothing_twice(tmp_path, seeds_dir):
    out = tmp_path / "o"
    for _ in range(2):
        res = runner.invoke(app, ["digest", str(seeds_dir), "--out", str(out), "--quiet"])
        assert res.exit_code == 0, res.output
    db = sqlite3.connect(out / "thoisu.db")
    assert db.execute("SELECT COUNT(*) FROM pages").fetchone()[0] == 5
    assert db.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 6
    data = json.loads((out / "digest.json").read_text("utf-8"))
    assert len(data["articles"]) == 6


def test_story_ids_stable_when_pages_are_added(tmp_path, seeds_dir):
    first = tmp_path / "first"
    first.mkdir()
    seeds = sorted(seeds_dir.glob("*.txt"))
    for s in seeds[:3]:
        shutil.copy(s, first / s.name)
    out = tmp_path / "o"
    assert runner.invoke(app, ["digest", str(first), "--out", str(out), "--quiet"]).exit_code == 0
    before = {a["id"]: a["story_id"] for a in json.loads((out / "digest.json").read_text("utf-8"))["articles"]}
    assert runner.invoke(app, ["digest", str(seeds_dir), "--out", str(out), "--quiet"]).exit_code == 0
    after = {a["id"]: a["story_id"] for a in json.loads((out / "digest.json").read_text("utf-8"))["articles"]}
    assert len(after) == 6
    for aid, sid in before.items():
        assert after[aid] == sid


def test_bad_inputs_one_line_each_rest_digested(tmp_path, seeds_dir):
    batch = tmp_path / "batch"
    batch.mkdir()
    shutil.copy(next(iter(sorted(seeds_dir.glob("*.txt")))), batch / "good.txt")
    (batch / "empty.txt").write_bytes(b"")
    (batch / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (batch / "nothing.html").write_text("<html><body><nav>Home</nav></body></html>", "utf-8")
    (tmp_path / "emptydir").mkdir()
    out = tmp_path / "o"
    proc = subprocess.run(
        [sys.executable, "-m", "thoisu.cli", "digest", str(batch), str(tmp_path / "missing.txt"),
         str(tmp_path / "emptydir"), "--out", str(out), "--quiet"],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr
    errs = [line for line in proc.stderr.splitlines() if line.strip()]
    assert "Traceback" not in proc.stderr
    for name in ("empty.txt", "binary.txt", "nothing.html", "missing.txt", "emptydir"):
        assert sum(name in line for line in errs) == 1, (name, errs)
    data = json.loads((out / "digest.json").read_text("utf-8"))
    assert len(data["articles"]) >= 1


def test_run_summary_is_one_line_however_long_the_path(tmp_path, seeds_dir):
    # scripts read the summary line: a narrow or absent terminal must not break it
    out = tmp_path / ("o" * 120)
    proc = subprocess.run(
        [sys.executable, "-m", "thoisu.cli", "digest", str(next(iter(sorted(seeds_dir.glob("*.txt"))))),
         "--out", str(out)],
        capture_output=True, text=True, cwd=ROOT, env={**os.environ, "COLUMNS": "40"},
    )
    assert proc.returncode == 0, proc.stderr
    (summary,) = [line for line in proc.stderr.splitlines() if "stored;" in line]
    assert summary.endswith(str(out / "report.html"))


def test_exit_status_one_when_nothing_digested(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    res = runner.invoke(app, ["digest", str(tmp_path / "empty.txt"), "--out", str(tmp_path / "o"), "--quiet"])
    assert res.exit_code == 1


def test_usage_error_exit_two():
    assert runner.invoke(app, ["digest"]).exit_code == 2
    assert runner.invoke(app, ["digest", "x", "--workers", "0"]).exit_code == 2


def test_report_escapes_page_markup(tmp_path):
    page = tmp_path / "evil.txt"
    page.write_text(
        "Tiêu đề bài báo về hội nghị thượng đỉnh\n\n"
        "Hà Nội - Các nhà lãnh đạo đã họp tại thủ đô để bàn về hợp tác kinh tế và an ninh khu vực "
        "trong nhiều giờ <script>alert('x')</script> liền, theo nguồn tin của báo chí.\n\n"
        "Cuộc họp kết thúc với một tuyên bố chung được các bên nhất trí thông qua sau nhiều vòng thảo luận.\n",
        "utf-8",
    )
    out = tmp_path / "o"
    assert runner.invoke(app, ["digest", str(page), "--out", str(out), "--quiet"]).exit_code == 0
    html = (out / "report.html").read_text("utf-8")
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "http://" not in html and "https://" not in html  # nothing loaded from the network


def test_stdin_and_workers(tmp_path, seeds_dir):
    text = next(iter(sorted(seeds_dir.glob("*.txt")))).read_text("utf-8")
    out = tmp_path / "o"
    res = runner.invoke(app, ["digest", "-", "--out", str(out), "--quiet"], input=text)
    assert res.exit_code == 0, res.output
    out2 = tmp_path / "o2"
    res = runner.invoke(app, ["digest", str(seeds_dir), "--out", str(out2), "--quiet", "--workers", "2"])
    assert res.exit_code == 0, res.output
    assert len(json.loads((out2 / "digest.json").read_text("utf-8"))["articles"]) == 6


def test_summarize_pages_respects_budget(seeds_dir):
    res = runner.invoke(app, ["summarize", str(seeds_dir), "--max-words", "50"])
    assert res.exit_code == 0, res.output
    assert 0 < len(res.output.split()) <= 50


def test_summarize_clusters_one_json_line_each(tmp_path):
    cl = tmp_path / "c.jsonl"
    docs = [{"id": str(i), "title": f"Tiêu đề {i}", "text": f"Câu thứ nhất của bài {i} nói về cuộc họp.\n"
             f"Câu thứ hai của bài {i} nêu thêm chi tiết về kết quả."} for i in range(3)]
    cl.write_text("\n".join(json.dumps({"id": f"c{k}", "documents": docs, "summaries": ["x"]}) for k in range(2)),
                  "utf-8")
    res = runner.invoke(app, ["summarize", "--clusters", str(cl), "--max-words", "20"])
    assert res.exit_code == 0, res.output
    rows = [json.loads(x) for x in res.output.splitlines()]
    assert [r["id"] for r in rows] == ["c0", "c1"]
    assert all(0 < len(r["summary"].split()) <= 20 for r in rows)


def test_every_command_is_documented():
    readme = (ROOT / "README.md").read_text("utf-8")
    for cmd in app.registered_commands:
        assert f"thoisu {cmd.name or cmd.callback.__name__}" in readme


def test_short_jsonl_record_is_an_article_and_bad_line_reported(tmp_path):
    rec = {"text": "Ngày 5/3/2019, Tổng thống Mỹ Donald Trump gặp nhà lãnh đạo Triều Tiên Kim Jong Un tại Hà Nội.\n"
                   "Hai bên không đạt được thỏa thuận nào, theo Reuters.",
           "title": "Hội nghị thượng đỉnh Mỹ - Triều tại Hà Nội", "published": "2019-03-05", "outlet": "Báo Thử"}
    src = tmp_path / "b.jsonl"
    src.write_text(json.dumps(rec, ensure_ascii=False) + "\nnot json\n", "utf-8")
    out = tmp_path / "o"
    res = runner.invoke(app, ["digest", str(src), "--out", str(out), "--quiet"])
    assert res.exit_code == 0, res.output
    (art,) = json.loads((out / "digest.json").read_text("utf-8"))["articles"]
    assert art["title"] == rec["title"] and art["outlet"] == "Báo Thử"
    assert art["published"]["value"] == "2019-03-05"
    assert len(art["paragraphs"]) == 2 and {p["line"] for p in art["paragraphs"]} == {1}
