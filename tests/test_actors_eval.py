"""Matching and scoring logic of eval/actors_eval.py, on small synthetic inputs."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from thoisu.models import Article, Event, Mention, Paragraph, Quote

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("actors_eval", ROOT / "eval" / "actors_eval.py")
ae = importlib.util.module_from_spec(_spec)
sys.modules["actors_eval"] = ae  # dataclasses look their module up while the file runs
_spec.loader.exec_module(ae)  # type: ignore[union-attr]
Ent, Ev, Qt = ae.Ent, ae.Ev, ae.Qt


def test_name_key_ignores_case_tone_placement_hyphens_and_spaces():
    assert ae.name_key("Kim Jong-un") == ae.name_key("kim jong un") == ae.name_key("Kim_Jong_Un")
    assert ae.name_key("Thanh Hoá") == ae.name_key("thanh hóa")
    # an initial with or without its period: the gold writes "Lê Thị H.", the finder "Lê Thị H"
    assert ae.name_key("Lê Thị H.") == ae.name_key("Lê Thị H") and ae.name_key("V.V.Th.") == ae.name_key("VVTh")
    assert ae.name_key("Lavrov") != ae.name_key("Lavro")


def test_a_generic_head_before_a_name_is_ignored():
    assert ae.names_match(Ent("TH True Milk", "ORG"), Ent("Tập đoàn TH True Milk", "ORG"))
    assert ae.names_match(Ent("Quetta", "GPE"), Ent("TP Quetta", "GPE"))
    assert not ae.names_match(Ent("Công ty", "ORG"), Ent("Tập đoàn", "ORG"))  # nothing left


def test_entities_match_on_any_shared_surface_form_and_same_type():
    gold = [Ent("Triều Tiên", "GPE", {"Triều Tiên", "Bình Nhưỡng"}),
            Ent("Sergei Lavrov", "PER", {"Sergei Lavrov", "Lavrov"})]
    pred = [Ent("Lavrov", "PER", {"Lavrov"}),             # surface form only
            Ent("CHDCND Triều Tiên", "GPE", {"Bình Nhưỡng"}),  # capital as a surface form
            Ent("Lavrov", "ORG", {"Lavrov"})]             # wrong type: never matched
    assert sorted(ae.match_entities(gold, pred)) == [(0, 1), (1, 0)]


def test_entity_matching_is_one_to_one_and_prefers_the_canonical_name():
    gold = [Ent("Mỹ", "GPE", {"Mỹ", "Washington"}), Ent("Washington", "GPE", {"Washington"})]
    pred = [Ent("Washington", "GPE", {"Washington"}), Ent("Mỹ", "GPE", {"Mỹ"})]
    assert sorted(ae.match_entities(gold, pred)) == [(0, 1), (1, 0)]
    # a single prediction can satisfy only one gold entity
    assert len(ae.match_entities(gold, pred[:1])) == 1


def test_untyped_matching_ignores_the_type():
    gold = [Ent("Nhà Trắng", "ORG", {"Nhà Trắng"})]
    pred = [Ent("Nhà Trắng", "LOC", {"Nhà Trắng"})]
    assert ae.match_entities(gold, pred) == []
    assert ae.match_entities(gold, pred, typed=False) == [(0, 0)]


def _ev(typ, para, actors, recips=()):
    return Ev(type=typ, para=para, actors=[Ent(a, "GPE", {a}) for a in actors],
              recipients=[Ent(r, "GPE", {r}) for r in recips])


def test_event_needs_type_paragraph_window_and_every_gold_actor():
    g = _ev("CONSULT", 3, ["Mỹ", "Nga"])
    assert ae.event_matches(g, _ev("CONSULT", 4, ["Nga"], ["Mỹ"]))   # recipient counts too
    assert not ae.event_matches(g, _ev("CONSULT", 5, ["Nga"], ["Mỹ"]))  # two paragraphs away
    assert not ae.event_matches(g, _ev("CONSULT", 3, ["Nga"]))       # Mỹ missing
    assert not ae.event_matches(g, _ev("AGREE", 3, ["Mỹ", "Nga"]))   # wrong type
    assert ae.event_matches(g, _ev("CONSULT", 2, ["Pháp"]), typed_only=True)


def test_event_without_gold_actors_matches_on_type_and_paragraph():
    assert ae.event_matches(_ev("ASSAULT", 0, []), _ev("ASSAULT", 1, ["IS"]))


def test_event_matching_is_one_to_one_nearest_paragraph_first():
    gold = [_ev("MOBILIZE", 4, ["Triều Tiên"]), _ev("MOBILIZE", 5, ["Triều Tiên"])]
    pred = [_ev("MOBILIZE", 5, ["Triều Tiên"])]
    assert ae.match_events(gold, pred) == [(1, 0)]


def test_dates_agree_when_one_expression_covers_the_other():
    assert ae.dates_agree("ngày 20/5", "20/5")
    assert ae.dates_agree("hôm 21/8", "Hôm 21/8")
    assert not ae.dates_agree("ngày 20/5", "ngày 21/5")
    assert not ae.dates_agree("ngày 20/5", None)


def test_quote_span_recovers_the_quoted_text_from_paragraph_and_anchor():
    para = 'Ông A nói: "Chúng tôi sẽ không nhượng bộ bất cứ điều gì" và rời đi. Sau đó ông im lặng.'
    assert ae.quote_span(para, "Chúng tôi sẽ không") == "Chúng tôi sẽ không nhượng bộ bất cứ điều gì"
    mixed = "Bà B nói “họ đã đến rất sớm\" rồi về."  # outlets mix curly and straight marks
    assert ae.quote_span(mixed, "họ đã đến") == "họ đã đến rất sớm"
    runon = "“Câu trích dẫn chạy sang đoạn sau"
    assert ae.quote_span(runon, "Câu trích dẫn") == "Câu trích dẫn chạy sang đoạn sau"
    assert ae.quote_span(para, "Sau đó", direct=False) == "Sau đó ông im lặng."


def test_quote_overlap_is_the_share_of_gold_words_covered():
    assert ae.overlap("một hai ba bốn", "hai BA bốn năm sáu") == pytest.approx(0.75)
    assert ae.overlap("", "x") == 0.0
    gold = [Qt("một hai ba bốn", 0, None), Qt("năm sáu bảy tám", 1, None)]
    pred = [Qt("năm sáu", 1, None), Qt("một hai ba", 0, None)]
    assert ae.match_quotes(gold, pred) == [(0, 1), (1, 0)]
    assert ae.match_quotes(gold, [Qt("năm", 1, None)]) == []  # 25% < 50%


def test_gold_quotes_keep_the_ignore_mark():
    g = {"quotes": [{"speaker": None, "para": 0, "anchor": "Vì sao", "direct": True, "ignore": True}]}
    (q,) = ae.gold_quotes(g, {"text": "Phim “Vì sao Daria bị sát hại?” phát sóng."}, {})
    assert q.ignore and q.text == "Vì sao Daria bị sát hại?"


def test_speaker_correct_by_entity_name_or_speaker_text():
    lavrov = Ent("Sergei Lavrov", "PER", {"Sergei Lavrov", "Lavrov"})
    g = Qt("x", 0, lavrov)
    assert ae.speaker_ok(g, Qt("x", 0, Ent("Lavrov", "PER", {"Lavrov"})))
    assert ae.speaker_ok(g, Qt("x", 0, None, speaker_text="Lavrov"))
    assert not ae.speaker_ok(g, Qt("x", 0, Ent("Peskov", "PER", {"Peskov"})))
    assert not ae.speaker_ok(g, Qt("x", 0, None))
    assert ae.speaker_ok(Qt("x", 0, None), Qt("x", 0, None))


def test_prf_figures():
    s = ae.PRF()
    s.add(tp=3, pred=4, gold=6)
    assert (s.p, s.r) == (0.75, 0.5)
    assert s.f == pytest.approx(0.6)
    assert ae.PRF().f == 0.0


def test_predicted_entities_group_mentions_by_merged_id_and_feed_participants():
    art = Article(id="a", page="p", paragraphs=[Paragraph("x", 1)])
    art.mentions = [
        Mention(text="Bình Nhưỡng", type="GPE", key="GPE:PRK", sentence=0, start=0, end=1, line=1,
                name="Triều Tiên"),
        Mention(text="Triều Tiên", type="GPE", key="GPE:PRK", sentence=0, start=0, end=1, line=1),
        Mention(text="Lavrov", type="PER", key="PER:lavrov", sentence=0, start=0, end=1, line=1),
        Mention(text="Sergei Lavrov", type="PER", key="PER:sergei lavrov", sentence=0, start=0,
                end=1, line=1),
    ]
    ents, lookup = ae.predicted_entities(art, {"PER:lavrov": "e1", "PER:sergei lavrov": "e1"})
    assert len(ents) == 2
    assert lookup["PER:lavrov"] is lookup["PER:sergei lavrov"]
    assert lookup["GPE:PRK"].surface == {"Bình Nhưỡng", "Triều Tiên"}
    art.events = [Event(id="a-e0", type="CONSULT", mode="meet", actors=["PER:lavrov"],
                        recipients=["GPE:XYZ"], location=None, date=None, negated=False,
                        hypothetical=False, future=False, article="a", line=3, text="...")]
    (ev,) = ae.predicted_events(art, lookup)
    assert ev.para == 2 and ev.actors[0] is lookup["PER:lavrov"]
    assert ev.recipients[0].name == "XYZ"  # a key with no mention falls back to its name part
    art.quotes = [Quote(id="a-q0", speaker="PER:sergei lavrov", speaker_text="ông Lavrov",
                        text="abc", direct=True, article="a", line=1)]
    (q,) = ae.predicted_quotes(art, lookup)
    assert q.speaker is lookup["PER:lavrov"]


def test_gold_file_is_well_formed_and_holds_no_article_text():
    path = ROOT / "eval" / "gold" / "actors.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    assert len(rows) >= 40
    for row in rows:
        names = {e["name"] for e in row["entities"]}
        assert {e["type"] for e in row["entities"]} <= {"PER", "ORG", "GPE", "LOC"}
        for ev in row["events"]:
            assert ev["type"] in ae.PLOVER_TYPES
            assert set(ev["actors"]) | set(ev["recipients"]) <= names
            assert len((ev.get("anchor") or "").split()) <= 6
        for q in row["quotes"]:
            assert q["speaker"] is None or q["speaker"] in names
            assert len(q["anchor"].split()) <= 6
