"""PLOVER event coding on seed sentences, with hand-built mentions (keys as F's would be)."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from thoisu.annotate.events import code_events
from thoisu.annotate.sentences import annotate_sentences
from thoisu.models import Article, Mention, Paragraph, Timex

from .conftest import seed_articles

# surface -> (type, key): what an actor finder is expected to give for these names
GAZ = {
    "Nga": ("GPE", "GPE:RUS"), "Triều Tiên": ("GPE", "GPE:PRK"), "Bình Nhưỡng": ("GPE", "GPE:PRK"),
    "Mỹ": ("GPE", "GPE:USA"), "Washington": ("GPE", "GPE:USA"), "Hàn Quốc": ("GPE", "GPE:KOR"),
    "Moscow": ("GPE", "GPE:RUS"), "Điện Kremlin": ("GPE", "GPE:RUS"), "Seoul": ("GPE", "GPE:KOR"),
    "Vienna": ("GPE", "GPE:vienna"), "Áo": ("GPE", "GPE:AUT"), "Viễn Đông": ("LOC", "LOC:viễn đông"),
    "KCNA": ("ORG", "ORG:KCNA"), "RT": ("ORG", "ORG:RT"), "Reuters": ("ORG", "ORG:reuters"),
    "Tổ chức An ninh và Hợp tác châu Âu": ("ORG", "ORG:OSCE"), "OSCE": ("ORG", "ORG:OSCE"),
    "Hội đồng Bảo an Liên Hợp Quốc": ("ORG", "ORG:UNSC"), "HĐBA": ("ORG", "ORG:UNSC"),
    "Bộ Ngoại giao Hàn Quốc": ("ORG", "ORG:mofa kor"), "Bộ Ngoại giao Mỹ": ("ORG", "ORG:dos"),
    "Oleg Burmistrov": ("PER", "PER:oleg burmistrov"), "Burmistrov": ("PER", "PER:oleg burmistrov"),
    "Sin Hong-chol": ("PER", "PER:sin hong-chol"), "Sergey Lavrov": ("PER", "PER:sergei lavrov"),
    "Sergei Lavrov": ("PER", "PER:sergei lavrov"), "Lavrov": ("PER", "PER:sergei lavrov"),
    "Rex Tillerson": ("PER", "PER:rex tillerson"), "Dmitry Peskov": ("PER", "PER:dmitry peskov"),
    "Peskov": ("PER", "PER:dmitry peskov"), "Putin": ("PER", "PER:vladimir putin"),
    "Choe": ("PER", "PER:choe son hui"), "Kim Jong-un": ("PER", "PER:kim jong un"),
    "Kim Jong Un": ("PER", "PER:kim jong un"), "Kim Jong-il": ("PER", "PER:kim jong il"),
    "Matthew Miller": ("PER", "PER:matthew miller"), "Sung Kim": ("PER", "PER:sung kim"),
    "Noh Kyu Duk": ("PER", "PER:noh kyu duk"), "Donald Trump": ("PER", "PER:donald trump"),
}
# the countries the actor dictionary gives these people (public figures: their meetings are
# CONSULT events, not private ones)
COUNTRY = {"PER:oleg burmistrov": "RUS", "PER:sin hong-chol": "PRK", "PER:sergei lavrov": "RUS",
           "PER:rex tillerson": "USA", "PER:dmitry peskov": "RUS", "PER:vladimir putin": "RUS",
           "PER:choe son hui": "PRK", "PER:kim jong un": "PRK", "PER:kim jong il": "PRK",
           "PER:matthew miller": "USA", "PER:sung kim": "USA", "PER:noh kyu duk": "KOR",
           "PER:donald trump": "USA"}
_DATE = re.compile(r"(?:ngày |hôm )?(\d{1,2})[/.](\d{1,2})(?:[/.](\d{4}))?")


_TITLE = re.compile(r"(Chủ tịch nước|Tổng thống|Thủ tướng|Bộ trưởng|Ngoại trưởng|Bí thư Tỉnh ủy)\s+$")


def build(paras: list[str], gaz: dict[str, tuple[str, str]] = GAZ) -> Article:
    """An article with hand-built mentions (longest surface first) and dd/mm timexes."""
    art = Article(id="t-0", page="p", paragraphs=[Paragraph(t, i + 1) for i, t in enumerate(paras)])
    art.sentences = annotate_sentences(art, words=False)
    for k, s in enumerate(art.sentences):
        taken: list[tuple[int, int]] = []
        for name in sorted(gaz, key=len, reverse=True):
            for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", s.text):
                if any(a < m.end() and m.start() < b for a, b in taken):
                    continue
                taken.append((m.start(), m.end()))
                typ, key = gaz[name]
                # a title written right before a person, as the mention finder keeps it
                # (the rules treat people with no title or country anywhere as private)
                t = _TITLE.search(s.text[: m.start()]) if typ == "PER" else None
                art.mentions.append(Mention(name, typ, key, k, m.start(), m.end(), s.line,
                                            country=COUNTRY.get(key),
                                            role=t.group(1) if t else None))
        for m in _DATE.finditer(s.text):
            d, mo, y = m.groups()
            value = f"{y or 'XXXX'}-{int(mo):02d}-{int(d):02d}"
            art.timexes.append(Timex(value, m.group(0), k, m.start(), m.end(), s.line))
    art.mentions.sort(key=lambda m: (m.sentence, m.start))
    return art


def _annotate(art: Article) -> None:
    """Sentences and the real mention finder (no gazetteer), as the per-document stage does."""
    from thoisu.actors import find_mentions

    art.sentences = annotate_sentences(art)
    art.mentions = find_mentions(art)


def _has(e, k, v) -> bool:
    if k == "line":  # an event reported in several sentences: any of its reports
        return v == e.line or v in [m.line for m in e.mentions]
    return set(getattr(e, k)) >= set(v) if isinstance(v, set) else getattr(e, k) == v


def one(events, typ, **want):
    got = [e for e in events if e.type == typ and all(_has(e, k, v) for k, v in want.items())]
    assert got, f"no {typ} {want} in {[(e.type, e.actors, e.recipients) for e in events]}"
    return got[0]


def test_visit_visitor_is_actor_host_recipient():
    ev = code_events(build(["Ông Burmistrov đến thủ đô Bình Nhưỡng hôm 22/7, trước khi bắt đầu "
                            "chuyến thăm kéo dài 4 ngày tới Triều Tiên."]))
    e = one(ev, "CONSULT", mode="visit", actors=["PER:oleg burmistrov"], recipients=["GPE:PRK"])
    assert e.date is not None and e.date.value.endswith("07-22")
    ev = code_events(build(["Ông Oleg Burmistrov, Đại sứ lưu động của Nga, thăm Triều Tiên từ ngày "
                            "22/7 đến 25/7,KCNA đưa tin."]))
    e = one(ev, "CONSULT", mode="visit", actors=["PER:oleg burmistrov"], recipients=["GPE:PRK"])
    assert e.date.value.endswith("07-22") and not e.future


def test_meeting_embedded_in_source_frame_and_appositives():
    ev = code_events(build([
        "Theo hãng thông tấn quốc gia Triều Tiên (KCNA), ông Oleg Burmistrov, đại sứ lưu động của "
        "Nga, đã gặp Thứ trưởng Ngoại giao Triều Tiên Sin Hong-chol và trò chuyện với một lãnh đạo "
        "phụ trách các vấn đề thuộc khu vực Bắc Mỹ của Triều Tiên."]))
    one(ev, "CONSULT", mode="meet", actors=["PER:oleg burmistrov"], recipients=["PER:sin hong-chol"])
    assert all("GPE:RUS" not in e.actors and "ORG:KCNA" not in e.actors for e in ev)


def test_meeting_of_equals_lists_all_actors_with_place_and_day():
    ev = code_events(build([
        "ANTD.VN -Ngày 8/12, Ngoại trưởng Nga Sergey Lavrov và người đồng cấp Mỹ Rex Tillerson đã có "
        "cuộc hội đàm bên lề hội nghị Hội đồng Ngoại trưởng các nước thành viên Tổ chức An ninh và "
        "Hợp tác châu Âu (OSCE) tại Vienna (Áo).",
        "Theo Ngoại trưởng Lavrov, ông đã chuyển nguyện vọng như trên của Bình Nhưỡng tới Ngoại "
        "trưởng Mỹ Rex Tillerson (ảnh, trái) khi hai ông hội đàm bên lề cuộc họp.",
    ]))
    e = one(ev, "CONSULT", actors=["PER:sergei lavrov", "PER:rex tillerson"])
    assert e.location == "GPE:vienna" and e.date.value == "XXXX-12-08" and e.line == 1
    assert not any(e.type == "COOPERATE" for e in ev)  # "Hợp tác" inside the OSCE name
    # "hai ông" refers back to the pair that met
    one(ev, "CONSULT", actors={"PER:sergei lavrov", "PER:rex tillerson"}, line=2)


def test_fronted_meetings_and_subordinate_clause():
    ev = code_events(build([
        "Trước cuộc gặp ở Điện Kremlin, ông Lavrov và bà Choe đã ca ngợi những tiến triển trong việc "
        "thực hiện các thỏa thuận mà hai nước đã ký kết khi nhà lãnh đạo Triều Tiên Kim Jong-un gặp "
        "Tổng thống Putin tại Viễn Đông vào tháng 9.2023.",
        "Sau cuộc gặp với ông Noh Kyu Duk, đại diện đặc biệt của Bộ Ngoại giao Hàn Quốc về các vấn đề "
        "hòa bình và an ninh Bán đảo Triều Tiên, ông Sung Kim nhấn mạnh, chính quyền Tổng thống Biden "
        "không tìm cách đưa ra dấu hiệu thù địch đối với Triều Tiên.",
    ]))
    one(ev, "CONSULT", actors={"PER:sergei lavrov", "PER:choe son hui"})
    one(ev, "SUPPORT", actors={"PER:sergei lavrov", "PER:choe son hui"})
    e = one(ev, "CONSULT", actors=["PER:kim jong un"], recipients=["PER:vladimir putin"])
    assert e.location == "LOC:viễn đông"
    one(ev, "CONSULT", actors=["PER:sung kim"], recipients=["PER:noh kyu duk"])
    assert not any("ORG:mofa kor" in e.actors for e in ev)


def test_flags_negation_future_condition():
    ev = code_events(build([
        "Trong các trao đổi, Bình Nhưỡng nhấn mạnh nếu Washington không ngừng chính sách thù địch với "
        "Triều Tiên và chấm dứt các đe doạ hạt nhân, Triều Tiên sẽ không đàm phán về vũ khí hạt nhân.",
        "Ông Sung Kim dự kiến cũng sẽ gặp Thứ trưởng Ngoại giao Nga Igor Morgulov.",
        "Nga đã phản đối.",
    ]))
    # refusing future talks is PLOVER REJECT (mode meet), still conditional and future
    e = one(ev, "REJECT", mode="meet", actors=["GPE:PRK"])
    assert e.future and e.hypothetical and not e.negated
    assert not any(e.type == "THREATEN" for e in ev)  # "các đe doạ" names a thing here
    e = one(ev, "CONSULT", actors=["PER:sung kim"])
    assert e.future and not e.negated
    e = one(ev, "REJECT", actors=["GPE:RUS"])
    assert not (e.negated or e.future or e.hypothetical)
    ev = code_events(build(["Ông Lavrov chưa gặp bà Choe."]))
    assert one(ev, "CONSULT", actors=["PER:sergei lavrov"]).negated


def test_missile_launch_is_mobilize_and_control_by_reporting_verb():
    ev = code_events(build(["Ngày 4/7, Triều Tiên thông báo phóng thành công tên lửa đạn đạo liên "
                            "lục địa đầu tiên."]))
    e = one(ev, "MOBILIZE", actors=["GPE:PRK"])
    assert e.date.value == "XXXX-07-04"


def test_embedded_and_nominal_topics_are_not_events():
    ev = code_events(build([
        "Hội đồng Bảo an Liên Hợp Quốc đã thảo luận về các biện pháp trừng phạt mới với Triều Tiên.",
        "Ông Lavrov cho hay cuộc hội đàm đề cập đến hợp tác giữa Nga và Triều Tiên về văn hóa.",
        "Mỹ cùng các đồng minh cáo buộc Triều Tiên chuyển giao tên lửa cho Nga.",
    ]))
    assert [e.type for e in ev if e.line == 1] == ["CONSULT"]  # no SANCTION: it is the topic
    assert not [e for e in ev if e.line == 2]
    assert [e.type for e in ev if e.line == 3] == ["ACCUSE"]  # the transfer is only alleged


def test_precision_guards():
    ev = code_events(build([
        "Kết quả thăm dò dư luận cho thấy Mỹ dẫn trước.",  # poll, not a visit
        "Liệu Nga có gặp Mỹ?",  # question
        "Cuộc gặp diễn ra trong không khí thân mật.",  # no participant
        "Tổ chức An ninh và Hợp tác châu Âu họp thường niên.",
    ]))
    assert ev == []


def test_ids_and_provenance():
    art = build(["Nga đã phản đối.", "Ông Lavrov đã gặp bà Choe tại Moscow."])
    ev = code_events(art)
    assert [e.id for e in ev] == ["t-0-e0", "t-0-e1"]
    assert ev[1].line == 2 and ev[1].text.startswith("Ông Lavrov") and ev[1].article == "t-0"
    assert ev[1].location == "GPE:RUS"


SEEDS = __import__("pathlib").Path(__file__).resolve().parents[2] / "shared" / "seeds"


@pytest.mark.skipif(not SEEDS.exists(), reason="seeds absent")
def test_end_to_end_seed_meetings():
    """The real per-document stage on the seed pages (real words, mentions and dates)."""
    def events_of(name: str) -> list:
        return [e for art in seed_articles(name) for e in art.events]

    def has(evs, typ, names, day=None):
        for e in evs:
            who = " ".join(e.actors + e.recipients).lower()
            if e.type == typ and all(n in who for n in names) and (
                day is None or (e.date is not None and e.date.value.endswith(day))
            ):
                return True
        return False

    ev = events_of("004_fe5636f689ffc1f1.txt")
    assert has(ev, "CONSULT", ["lavrov", "tillerson"], "12-08")
    ev = events_of("000_4162ccc8912c061b.txt")
    assert has(ev, "CONSULT", ["burmistrov"], "07-22")
    assert has(ev, "CONSULT", ["burmistrov", "sin"])
    ev = events_of("003_7383740b45c812be.txt")
    assert has(ev, "CONSULT", ["lavrov"], "01-16")
    assert has(ev, "CONSULT", ["kim", "putin"])
    ev = events_of("002_c70f31e49f116288.txt")
    assert has(ev, "CONSULT", ["sung", "noh"])


def test_group_and_passive_perpetrators():
    ev = code_events(build([
        "Quân Nga đã liên tục pháo kích Seoul trong đêm.",  # "quân" + GPE: the GPE acts
        "Cảnh sát đã bắt giữ ba nghi phạm ngay sau đó.",  # unnamed group: actor unknown
        "Ông Sung Kim bị bắt giữ tại Seoul.",  # passive: the subject undergoes
        "Hai người khác bị quân đội Mỹ tấn công.",  # passive with a named agent
    ]))
    one(ev, "ASSAULT", line=1, actors=["GPE:RUS"])
    one(ev, "COERCE", line=2, actors=[], recipients=[])
    one(ev, "COERCE", line=3, actors=[], recipients=["PER:sung kim"])
    one(ev, "ASSAULT", line=4, actors=["GPE:USA"])
    ev = code_events(build(["Ông Putin khởi tố bị can và bắt giữ ông Sung Kim."]))  # no passive
    one(ev, "COERCE", actors=["PER:vladimir putin"], recipients=["PER:sung kim"])


def test_unnamed_perpetrators_keep_precision():
    ev = code_events(build([
        "Trước khi bị bắt, ông Sung Kim đã tới Seoul.",  # background to another event
        "Trong số các nghi phạm bị bắt giữ có hai người Nga.",  # a modifier, not the report
        "Đội bóng chơi tấn công mạnh mẽ.",  # sports
        "Những kẻ tấn công đã bỏ trốn.",  # "kẻ tấn công" names people
    ]))
    assert [e for e in ev if e.type in ("COERCE", "ASSAULT")] == []


def test_participantless_event_once_per_article():
    ev = code_events(build(["Cảnh sát đã bắt giữ ba nghi phạm.", "Cảnh sát đã bắt giữ họ tại nhà."]))
    assert len([e for e in ev if e.type == "COERCE"]) == 1


def test_sanctions_and_aid_with_long_objects():
    ev = code_events(build([
        "Nga trục xuất 10 nhà ngoại giao Mỹ.",  # expelling diplomats is a SANCTION
        "Mỹ cam kết viện trợ quân sự 1 tỷ USD cho Hàn Quốc.",  # what is given, then "cho X"
        "Hội đồng Bảo an Liên Hợp Quốc đã thông qua gói trừng phạt mới.",  # light "thông qua"
    ]))
    one(ev, "SANCTION", line=1, mode="expel", actors=["GPE:RUS"], recipients=["GPE:USA"])
    one(ev, "AID", line=2, actors=["GPE:USA"], recipients=["GPE:KOR"])
    one(ev, "SANCTION", line=3, actors=["ORG:UNSC"])


def test_passive_verbs_and_bi_compounds():
    ev = code_events(build([
        "Seoul bị pháo kích liên tục.",  # "bị" right before the verb: passive, no preposition
        "Moscow bị cáo buộc bán vũ khí.",  # "bị cáo buộc" is passive though "bị cáo" is a noun
        "Nga chuẩn bị cung cấp thêm vũ khí cho Triều Tiên.",  # "chuẩn bị" is no passive
        "Các địa điểm bị tấn công nằm gần Moscow.",  # bare passive ASSAULT: a modifier
    ]))
    one(ev, "ASSAULT", line=1, actors=[], recipients=["GPE:KOR"])
    one(ev, "ACCUSE", line=2, actors=[], recipients=["GPE:RUS"])
    e = one(ev, "AID", line=3, actors=["GPE:RUS"], recipients=["GPE:PRK"])
    assert e.future
    assert not [e for e in ev if e.line == 4]


def test_casualties_of_an_attack_are_recipients():
    ev = code_events(build([
        "Ông Sung Kim đã thiệt mạng trong cuộc không kích của Nga tại Seoul.",
        "Đội bóng Hàn Quốc dồn lên tấn công mạnh mẽ.",  # sports
    ]))
    one(ev, "ASSAULT", line=1, actors=["GPE:RUS"], recipients=["PER:sung kim"])
    assert not [e for e in ev if e.line == 2]


def test_suspects_are_no_hypothesis():
    ev = code_events(build(["Nghi phạm Sung Kim bị bắt giữ tại Seoul.",
                            "Mỹ nghi Nga tấn công Hàn Quốc."]))
    assert not one(ev, "COERCE", line=1, recipients=["PER:sung kim"]).hypothetical
    assert one(ev, "ASSAULT", line=2).hypothetical


def test_sanction_lists_frozen_assets_and_thanks():
    ev = code_events(build([
        "Mỹ áp đặt lệnh cấm vận đối với Triều Tiên.",
        "Nga đưa Hàn Quốc vào danh sách trừng phạt.",  # the recipient stands before the trigger
        "Mỹ đóng băng tài sản của Triều Tiên.",  # "của X" after a verb + object: the target
        "Ông Putin cảm ơn Triều Tiên.",
    ]))
    one(ev, "SANCTION", line=1, actors=["GPE:USA"], recipients=["GPE:PRK"])
    one(ev, "SANCTION", line=2, actors=["GPE:RUS"], recipients=["GPE:KOR"])
    one(ev, "SANCTION", line=3, actors=["GPE:USA"], recipients=["GPE:PRK"])
    one(ev, "SUPPORT", line=4, actors=["PER:vladimir putin"], recipients=["GPE:PRK"])


def test_bodies_of_a_place_and_given_names_are_participants():
    # "Công an tỉnh X" acts (not the place X); "Hải" later is the person named in full first
    gaz = {**GAZ, "Hòa Bình": ("GPE", "GPE:VNM:hòa bình"), "Bùi Văn Hải": ("PER", "PER:bùi văn hải")}
    art = build(["Ngày 24/8, Công an tỉnh Hòa Bình đã khởi tố bị can Bùi Văn Hải về tội Giết người.",
                 "Trước đó, Hải đã bị Công an tỉnh Hòa Bình bắt giữ tại nhà."], gaz)
    ev = code_events(art)
    e = one(ev, "COERCE", recipients=["PER:bùi văn hải"])
    assert e.actors == ["ORG:công an tỉnh hòa bình"]
    assert any(m.text == "Hải" and m.key == "PER:bùi văn hải" for m in art.mentions)
    assert not any(e.type == "ASSAULT" for e in ev)  # "tội Giết người" names a charge


def test_money_given_is_aid_and_donors_stay_apart():
    gaz = {**GAZ, "Việt Nam": ("GPE", "GPE:VNM"), "Philippines": ("GPE", "GPE:PHL"),
           "Canada": ("GPE", "GPE:CAN"), "New Zealand": ("GPE", "GPE:NZL")}
    ev = code_events(build(["Việt Nam đã ủng hộ Philippines 100.000 USD khắc phục hậu quả bão.",
                            "Canada và New Zealand cũng ủng hộ Philippines hàng triệu USD.",
                            "Mỹ ủng hộ Philippines trong tranh chấp."], gaz))
    one(ev, "AID", actors=["GPE:VNM"], recipients=["GPE:PHL"])
    one(ev, "AID", actors={"GPE:CAN", "GPE:NZL"}, recipients=["GPE:PHL"])
    one(ev, "SUPPORT", actors=["GPE:USA"], recipients=["GPE:PHL"])


@pytest.mark.skipif(not (SEEDS / "001_ecbe991e6b69410b.txt").exists(), reason="seeds absent")
def test_seed_kim_meets_kozlov_named_in_the_list_of_officials():
    # "nơi ông gặp các quan chức Nga, trong đó có ... Alexander Kozlov"
    (art,) = seed_articles("001_ecbe991e6b69410b.txt")
    one(art.events, "CONSULT", actors=["PER:kim jong un"], recipients={"PER:alexander kozlov"})


def test_coordinated_passive_verbs_share_agent_and_patient():
    gaz = {**GAZ, "Cơ quan CSĐT Bộ Công an": ("ORG", "ORG:c01"), "Phan Bá Tòng": ("PER", "PER:tòng")}
    ev = code_events(build(["Ngày 31/3, ông Phan Bá Tòng bị Cơ quan CSĐT Bộ Công an khởi tố, bắt "
                            "tạm giam về hành vi lừa đảo."], gaz))
    one(ev, "COERCE", actors=["ORG:c01"], recipients=["PER:tòng"])
    assert not any("PER:tòng" in e.actors for e in ev)  # the patient never acts


def test_reply_to_an_earlier_proposal_names_its_author():
    ev = code_events(build(["Triều Tiên đề xuất tổ chức hội đàm quân sự với Hàn Quốc.",
                            "Tuy nhiên, Hàn Quốc đã bác bỏ đề nghị này."]))
    one(ev, "REJECT", actors=["GPE:KOR"], recipients=["GPE:PRK"])


def test_country_qualifying_a_noun_and_cues_inside_names():
    gaz = {**GAZ, "Cần Thơ": ("GPE", "GPE:VNM:cần thơ"),
           "UBND thành phố Cần Thơ": ("ORG", "ORG:ubnd cần thơ")}
    ev = code_events(build(["Nữ ca sĩ 28 tuổi người Nga đã ký một hợp đồng nhiều năm với Reuters.",
                            "Hiện nay, UBND thành phố Cần Thơ đang đề nghị ngân hàng giải ngân."], gaz))
    assert not any("GPE:RUS" in e.actors for e in ev)  # "người Nga" qualifies the singer
    one(ev, "REQUEST", actors=["ORG:ubnd cần thơ"])  # "Cần" of the name is no irrealis "cần"


def test_name_next_to_a_trigger_becomes_a_participant():
    gaz = {**GAZ, "Bộ Y tế": ("ORG", "ORG:bộ y tế")}
    art = build(["Bộ Y tế đã có văn bản đề nghị Viettel xuất dữ liệu xác minh.",
                 "Theo Viettel, dữ liệu đã được gửi."], gaz)
    ev = code_events(art)
    one(ev, "REQUEST", actors=["ORG:bộ y tế"], recipients=["ORG:viettel"])
    assert sum(m.key == "ORG:viettel" for m in art.mentions) == 2  # the name again, later
    # capitalised words that are no names stay out: a title, a compound, a month word
    art = build(["Phát biểu tại lễ, Thượng tá Lê Hồng Quang, Phó chính ủy, đề nghị các đơn vị "
                 "tặng Huy hiệu Đảng cho các đảng viên."])
    code_events(art)
    assert not any(m.text in ("Phó", "Huy", "Thượng") for m in art.mentions)


def test_investigation_and_prison_terms_are_coercion():
    gaz = {**GAZ, "Công an tỉnh Khánh Hòa": ("ORG", "ORG:ca khánh hòa"),
           "Đoàn Thị Hồng": ("PER", "PER:đoàn thị hồng")}
    ev = code_events(build(["Qua công tác điều tra cơ bản, Công an tỉnh Khánh Hòa phát hiện "
                            "đường dây lừa đảo.",
                            "Bị cáo Đoàn Thị Hồng bị phạt 9 năm tù về tội lừa đảo."], gaz))
    assert not any(e.type == "ACCUSE" for e in ev)  # an investigation accuses no one
    one(ev, "COERCE", recipients=["PER:đoàn thị hồng"])
    assert not any(e.type == "SANCTION" for e in ev)  # a prison term is no fine


def test_a_bare_court_is_the_court_named_before():
    gaz = {**GAZ, "TAND tỉnh Kiên Giang": ("ORG", "ORG:tand kiên giang"),
           "Nguyễn Ngọc Nguyên": ("PER", "PER:nguyễn ngọc nguyên")}
    ev = code_events(build(["Ngày 20/5, TAND tỉnh Kiên Giang mở phiên tòa sơ thẩm.",
                            "Sau khi xem xét chứng cứ, Tòa tuyên phạt Nguyễn Ngọc Nguyên 20 năm tù."],
                           gaz))
    one(ev, "COERCE", actors=["ORG:tand kiên giang"], recipients=["PER:nguyễn ngọc nguyên"], line=2)


def test_kidnapping_of_a_pronoun_subject_and_excluded_parts():
    gaz = {**GAZ, "Alan Pulido": ("PER", "PER:alan pulido")}
    ev = code_events(build(["Báo chí cho hay Alan Pulido biến mất khi đang nghỉ hè ở quê nhà.",
                            "Truyền thông địa phương cho hay anh bị một nhóm người lạ mặt bắt cóc."],
                           gaz))
    # "bắt cóc" is excluded as an arrest ("bắt") but is itself an attack; "anh" undergoes it
    e = one(ev, "ASSAULT", recipients=["PER:alan pulido"])
    assert e.actors == []
    assert not any(e.type == "COERCE" for e in ev)


def test_left_out_subject_continues_the_last_doer_and_noun_prison_terms():
    gaz = {**GAZ, "Hòa Bình": ("GPE", "GPE:VNM:hòa bình"), "Bùi Văn Hải": ("PER", "PER:bùi văn hải"),
           "Trần Văn Nam": ("PER", "PER:trần văn nam")}
    ev = code_events(build(["Ngày 13/5, Công an tỉnh Hòa Bình bắt quả tang Bùi Văn Hải đang vận "
                            "chuyển ma túy.",
                            "Ngày 30/5, bắt quả tang Trần Văn Nam đang giao nhận ma túy.",
                            "Theo kháng nghị, Bùi Văn Hải bị tuyên 5 năm tù, đã chấp hành 1/3 "
                            "thời hạn phạt tù."], gaz))
    one(ev, "COERCE", actors=["ORG:công an tỉnh hòa bình"], recipients=["PER:trần văn nam"], line=2)
    assert not any("PER:bùi văn hải" in e.actors for e in ev)  # "thời hạn phạt tù" is a noun


def test_long_passive_and_addresses_are_not_actors():
    gaz = {**GAZ, "Hòa Bình": ("GPE", "GPE:VNM:hòa bình"), "Mai Châu": ("GPE", "GPE:mai châu"),
           "Hang Kia": ("GPE", "GPE:hang kia"), "Khà A Giàng": ("PER", "PER:khà a giàng")}
    ev = code_events(build([
        "Đến ngày 1/7/2015, Khà A Giàng đã bị lực lượng chức năng Công an tỉnh Hòa Bình bắt giữ.",
        "Trước đó, Khà A Giàng đã đến Công an xã Hang Kia, huyện Mai Châu đầu thú."], gaz))
    one(ev, "COERCE", actors=["ORG:công an tỉnh hòa bình"], recipients=["PER:khà a giàng"])
    one(ev, "CONCEDE", actors=["PER:khà a giàng"], line=2)
    assert not any("GPE:mai châu" in e.actors for e in ev)


def test_cue_words_inside_common_compounds_are_no_flags():
    gaz = {**GAZ, "Hòa Bình": ("GPE", "GPE:VNM:hòa bình"), "Khà A Giàng": ("PER", "PER:khà a giàng")}
    ev = code_events(build(["Căn cứ tài liệu điều tra, ngày 13/11 Công an tỉnh Hòa Bình đã ra "
                            "quyết định khởi tố bị can đối với Khà A Giàng."], gaz))
    e = one(ev, "COERCE", actors=["ORG:công an tỉnh hòa bình"], recipients=["PER:khà a giàng"])
    assert not (e.future or e.hypothetical)  # "quyết định", "tài liệu" hold no "định", "liệu"


def _candidates(text: str, actors: list[str]) -> dict[str, list[str]]:
    from thoisu.annotate import event_model
    from thoisu.annotate.events import _find_triggers
    from thoisu.annotate.lexicon import resources
    from thoisu.annotate.syntax import Analysis

    art = build([text])
    an = Analysis(art.sentences[0].text, art.mentions, [], resources())
    return {t.type: [k for k, _ in event_model.candidate_features(
        an, i, j, 0, len(an.toks), t.type, actors, [])] for i, j, t in _find_triggers(an)}


def test_a_name_phrase_does_not_reach_back_into_a_trigger():
    from thoisu.annotate.lexicon import resources
    from thoisu.annotate.syntax import Analysis

    # "nghị" of "đề nghị" is also a title word ("nghị sĩ"): the phrase starts at the name
    art = build(["Tổng Liên đoàn đề nghị Nga giảm giá khí đốt cho các nước láng giềng."])
    an = Analysis(art.sentences[0].text, art.mentions, [], resources())
    (np,) = [np for np in an.nps if np.head.key == "GPE:RUS"]
    assert an.toks[np.start] == "nga"


def test_recipient_picker_candidates_leave_out_speakers_but_not_passive_patients():
    # a phrase before the subject is a speaker or a topic, not what the verb is done to
    assert _candidates("Ông Peskov cho biết Nga đã kêu gọi Mỹ rút quân.",
                       ["GPE:RUS"])["REQUEST"] == ["GPE:USA"]
    # ... unless a passive marker stands between: the patient of "bị Triều Tiên bắt giữ"
    assert "PER:sung kim" in _candidates(
        "Trước đó, Sung Kim sau khi rời Seoul thì bị Triều Tiên bắt giữ.", ["GPE:PRK"])["COERCE"]


def test_learned_picker_fills_recipients_the_rules_leave_empty(monkeypatch):
    ev = code_events(build([
        "Trước đó vào khoảng 15 giờ, Sung Kim sau khi rời Seoul thì bị Triều Tiên bắt giữ.",
        "Mỹ bày tỏ lòng biết ơn sâu sắc với chính quyền và nhân dân Hàn Quốc.",
    ]))
    one(ev, "COERCE", line=1, actors=["GPE:PRK"], recipients=["PER:sung kim"])
    one(ev, "SUPPORT", line=2, actors=["GPE:USA"], recipients=["GPE:KOR"])
    # the rules leave it empty: the picker fills it, the argument model switched off too
    # (retrained in round 13 the picker no longer takes "... lệnh cấm vận vũ khí sát thương
    # đối với Hàn Quốc", 16 words on: p 0.27)
    from thoisu.annotate import event_arguments, event_model

    monkeypatch.setattr(event_arguments, "model", lambda: None)
    text = ["Mỹ bày tỏ lòng biết ơn sâu sắc với chính quyền và nhân dân Hàn Quốc."]
    one(code_events(build(text)), "SUPPORT", actors=["GPE:USA"], recipients=["GPE:KOR"])
    monkeypatch.setattr(event_model, "model", lambda: None)
    one(code_events(build(text)), "SUPPORT", actors=["GPE:USA"], recipients=[])


_PEOPLE = {**GAZ, "Oh Junghyun": ("PER", "PER:oh junghyun"), "Kim Myungun": ("PER", "PER:kim myungun"),
           "Diệu Hân": ("PER", "PER:diệu hân"), "Trang": ("PER", "PER:trang"),
           "Ngân hàng Tiên Phong": ("ORG", "ORG:tpbank"), "UBND TP Cần Thơ": ("ORG", "ORG:ubnd ct")}


def test_unnamed_phrases_stand_for_the_participants_named_before():
    ev = code_events(build([
        "Hai đối tượng còn lại là Oh Junghyun và Kim Myungun, chịu trách nhiệm thu tiền.",
        "Hai người này cũng đã bị bắt khi trở về Hàn Quốc.",
        "Ngân hàng Tiên Phong đã giải ngân 2 tỷ đồng.",
        "Hiện nay, UBND TP Cần Thơ đang đề nghị ngân hàng tiếp tục giải ngân.",
    ], _PEOPLE))
    one(ev, "COERCE", line=2, recipients=["PER:oh junghyun", "PER:kim myungun"])
    one(ev, "REQUEST", line=4, actors=["ORG:ubnd ct"], recipients=["ORG:tpbank"])


def test_an_epithet_is_the_person_the_title_names_and_a_plural_is_nobody():
    art = build([
        "Diệu Hân thuê nhà của bà Trang. Bà Trang đến gây rối. Bà Trang đòi tiền.",
        "Người đẹp đã khởi kiện bà Trang ra tòa.",
        "Cảnh sát đã bắt 3 bị cáo này.",
    ], _PEOPLE)
    art.title = "Hoa hậu Diệu Hân thua kiện chủ nhà"
    ev = code_events(art)
    one(ev, "ACCUSE", line=2, actors=["PER:diệu hân"], recipients=["PER:trang"])
    assert not [e for e in ev if e.line == 3 and e.recipients]


def test_a_title_used_alone_is_the_person_named_with_it():
    gaz = {**GAZ, "Phạm Minh Chính": ("PER", "PER:phạm minh chính"), "LHQ": ("ORG", "ORG:UN")}
    ev = code_events(build([
        "Sáng 23/8, Thủ tướng Phạm Minh Chính chủ trì cuộc họp về công nghiệp hóa.",
        "Thủ tướng đề nghị LHQ tiếp tục hỗ trợ.",
        "Đại sứ quán đề nghị LHQ hỗ trợ.",
    ], gaz))
    one(ev, "REQUEST", line=2, actors=["PER:phạm minh chính"], recipients=["ORG:UN"])
    assert not [e for e in ev if e.line == 3]  # a body, and no ambassador was named


def test_a_light_verb_makes_a_nominal_trigger_an_event():
    gaz = {**GAZ, "Cảnh sát Brazil": ("ORG", "ORG:police bra")}
    ev = code_events(build(["Cảnh sát Brazil đã ban hành lệnh bắt giữ 30 người đàn ông.",
                            "Các lệnh bắt giữ của Cảnh sát Brazil gây tranh cãi."], gaz))
    one(ev, "COERCE", line=1, actors=["ORG:police bra"])
    assert not [e for e in ev if e.line == 2]  # a topic, no light verb


def test_one_person_named_short_and_in_full_is_no_recipient_of_himself():
    from thoisu.annotate.arguments import same_person

    assert same_person("PER:osamu suzuki", ["PER:suzuki"])
    assert same_person("PER:suzuki", ["ORG:x", "PER:osamu suzuki"])
    assert not same_person("PER:kim yo jong", ["PER:kim jong un"])
    assert not same_person("GPE:USA", ["PER:usa"])


def test_a_sentence_ending_on_a_comma_after_the_object_is_coded():
    # ", trong đó có Y" is looked for after the object: a sentence that ends on the comma
    # (a line cut short) must not break the article (it did: IndexError in the phrase lookup)
    from thoisu.ingest.text import read_text
    from thoisu.pipeline import process_page

    page = read_text("cut.txt", "Tin\n\nÔng Kim Jong Un gặp các quan chức Nga,\n".encode())
    (art,) = process_page(page)
    assert [e.type for e in art.events] == ["CONSULT"]


def test_background_clause_subject_and_relatives():
    gaz = {**GAZ, "Nguyễn Quang Lộc": ("PER", "PER:nguyễn quang lộc"),
           "Lộc": ("PER", "PER:nguyễn quang lộc"), "Nguyên": ("PER", "PER:nguyễn ngọc nguyên"),
           "Lê Thị Hậu": ("PER", "PER:lê thị hậu")}
    ev = code_events(build([
        "Ông Lộc ra quán tạp hóa của gia đình.",
        # the subject of a 'khi' clause does not do what the main clause reports
        "Khi ông Lộc vừa mở quán, bất ngờ một trong hai người đàn ông rút dao chém ông.",
        "Tối cùng ngày, Nguyên và vợ là Lê Thị Hậu xảy ra tranh cãi.",
        "Nguyên lấy con dao rồi chém vợ.",  # the wife named before
    ], gaz))
    assert not [e for e in ev if e.line == 2 and "PER:nguyễn quang lộc" in e.actors]
    one(ev, "ASSAULT", line=2, recipients=["PER:nguyễn quang lộc"])  # "chém ông": Lộc
    one(ev, "ASSAULT", line=4, actors=["PER:nguyễn ngọc nguyên"], recipients=["PER:lê thị hậu"])


def test_people_of_a_country_and_squad_calls_are_not_participants():
    gaz = {**GAZ, "Trung Quốc": ("GPE", "GPE:CHN"), "Mexico": ("GPE", "GPE:MEX"),
           "Ngọc Thịnh": ("PER", "PER:ngọc thịnh"), "Nguyễn Hữu Thắng": ("PER", "PER:nguyễn hữu thắng")}
    ev = code_events(build([
        "Một thiếu niên Trung Quốc bị bắt tại sân bay Dubai.",  # a person, not the state
        "Chân sút Mexico bị bắt cóc tại quê nhà.",
        "HLV Nguyễn Hữu Thắng quyết định triệu tập trung vệ Ngọc Thịnh.",  # a squad, no arrest
    ], gaz))
    assert not [e for e in ev if "GPE:CHN" in e.recipients or "GPE:MEX" in e.recipients]
    assert not [e for e in ev if e.type == "COERCE" and e.line == 3]


def test_offices_in_a_row_after_a_name_describe_the_person():
    art = Article(id="t-1", page="p", paragraphs=[Paragraph(
        "Đồng chí Nguyễn Văn Nên, Ủy viên Bộ Chính trị, Bí thư Thành ủy TP Hồ Chí Minh "
        "đã yêu cầu Sở Y tế khẩn trương xử lý.", 1)])
    _annotate(art)
    one(code_events(art), "REQUEST", actors=["PER:nguyễn văn nên"], recipients=["ORG:sở y tế"])


def test_doers_named_by_a_noun_and_self_harm():
    gaz = {**GAZ, "Lộc": ("PER", "PER:lộc"), "Thắng": ("PER", "PER:thắng"),
           "Pulido": ("PER", "PER:pulido"), "Công an huyện Quế Phong": ("ORG", "ORG:ca qp")}
    ev = code_events(build([
        "Công an huyện Quế Phong đang truy tìm kẻ chém ông Lộc.",  # the slasher is unnamed
        "Pulido đã trốn thoát khỏi bọn bắt cóc.",  # the kidnappers, not Pulido
        "Công an phát hiện Thắng đang trốn trong nhà vệ sinh, tay dùng dao tự đâm vào cổ mình.",
    ], gaz))
    one(ev, "ASSAULT", line=1, actors=[], recipients=["PER:lộc"])
    assert not [e for e in ev if e.line in (2, 3)]


def test_coordinated_clause_shares_its_patient():
    art = Article(id="t-2", page="p", paragraphs=[
        Paragraph("Hoàng Văn Long dùng dao đâm chết anh Nguyễn Văn Nam.", 1),
        Paragraph("Sau khi gây án, Long bỏ trốn nhưng đã bị lực lượng chức năng bắt giữ.", 2)])
    _annotate(art)
    one(code_events(art), "COERCE", line=2, actors=[], recipients=["PER:hoàng văn long"])


def test_manner_adverbs_and_place_levels_before_an_object():
    gaz = {**GAZ, "Kharkiv": ("GPE", "GPE:kharkiv")}
    ev = code_events(build(["Trước đó, Nga đã tấn công dữ dội thành phố Kharkiv bằng tên lửa."], gaz))
    one(ev, "ASSAULT", actors=["GPE:RUS"], recipients=["GPE:kharkiv"])


def test_a_lone_vietnamese_name_in_an_argument_slot_is_a_person():
    art = Article(id="t-3", page="p", paragraphs=[
        Paragraph("Nguyễn Thanh Hải bị Công an quận 12 bắt giữ.", 1),
        Paragraph("Ngày 30/3, Hải cùng vợ gặp Phi tại quán nước.", 2)])
    _annotate(art)
    code_events(art)
    assert {m.type for m in art.mentions if m.text == "Phi"} == {"PER"}


def test_a_threat_or_agreement_takes_the_target_of_the_act_it_names():
    ev = code_events(build(["Triều Tiên đe dọa tấn công hạt nhân vào Mỹ."]))
    one(ev, "THREATEN", actors=["GPE:PRK"], recipients=["GPE:USA"])
    gaz = {**GAZ, "Tập đoàn Vingroup": ("ORG", "ORG:vingroup"), "Tập đoàn Samsung": ("ORG", "ORG:samsung")}
    ev = code_events(build(["Tập đoàn Vingroup ký thỏa thuận hợp tác với Tập đoàn Samsung."], gaz))
    # the partner of the agreed cooperation is a party of the agreement (on either side: the
    # sides of an agreement act alike; the argument model retrained in round 13 adds it as a
    # party before the complement's rule would give it as the recipient)
    e = one(ev, "AGREE")
    assert set(e.actors + e.recipients) == {"ORG:vingroup", "ORG:samsung"}


def test_a_launch_at_a_named_place_is_an_attack():
    gaz = {**GAZ, "Kiev": ("GPE", "GPE:kiev"), "Nhật Bản": ("GPE", "GPE:JPN")}
    ev = code_events(build(["Nga đã phóng hàng loạt tên lửa vào thủ đô Kiev.",
                            "Triều Tiên phóng tên lửa đạn đạo ra biển Nhật Bản."], gaz))
    one(ev, "ASSAULT", line=1, actors=["GPE:RUS"], recipients=["GPE:kiev"])
    one(ev, "MOBILIZE", line=2, actors=["GPE:PRK"])


def test_sending_congratulations_is_support():
    gaz = {**GAZ, "Võ Văn Thưởng": ("PER", "PER:võ văn thưởng"), "Joe Biden": ("PER", "PER:joe biden")}
    ev = code_events(build(["Chủ tịch nước Võ Văn Thưởng đã gửi lời chúc mừng tới Tổng thống Joe Biden."], gaz))
    one(ev, "SUPPORT", actors=["PER:võ văn thưởng"], recipients=["PER:joe biden"])


def test_an_envoy_named_after_the_post_acts_and_a_working_visit():
    art = Article(id="t-4", page="p", paragraphs=[
        Paragraph("Ngày 10/3, Đại sứ Việt Nam tại Mỹ Nguyễn Quốc Dũng đã gặp Thượng nghị sĩ Mỹ "
                  "Chris Van Hollen.", 1),
        Paragraph("Sáng 5/6, Chủ tịch Quốc hội Vương Đình Huệ đã thăm và làm việc tại tỉnh Quảng Ninh.", 2)])
    _annotate(art)
    ev = code_events(art)
    one(ev, "CONSULT", line=1, actors=["PER:nguyễn quốc dũng"])
    one(ev, "CONSULT", line=2, mode="visit", actors=["PER:vương đình huệ"])


def test_a_rescue_group_of_a_named_body_and_gifts_handed_over():
    art = Article(id="t-5", page="p", paragraphs=[
        Paragraph("Lực lượng cứu hộ của Bộ đội Biên phòng tỉnh Quảng Trị đã cứu sống 3 ngư dân.", 1),
        Paragraph("Mặt trận Tổ quốc tỉnh Quảng Bình đã trao 200 suất quà cho các hộ dân.", 2)])
    _annotate(art)
    ev = code_events(art)
    one(ev, "AID", line=1, actors=["ORG:bộ đội biên phòng tỉnh quảng trị"])
    one(ev, "AID", line=2, actors=["ORG:mặt trận tổ quốc tỉnh quảng bình"])


def test_guideline_cues_evacuation_denunciation_asset_freeze_punch():
    art = Article(id="t-6", page="p", paragraphs=[Paragraph(t, i + 1) for i, t in enumerate([
        "Hàn Quốc đã sơ tán 200 công dân khỏi Sudan.",
        "Ông Nguyễn Văn Hải đã tố giác Trần Văn Long với cơ quan công an.",
        "Liên minh châu Âu phong tỏa tài sản của tỷ phú Nga Roman Abramovich.",
        "Lê Văn Tâm dùng tay đấm vào mặt anh Nguyễn Văn Khoa."])])
    _annotate(art)
    ev = code_events(art)
    one(ev, "RETREAT", line=1)
    one(ev, "ACCUSE", line=2, recipients=["PER:trần văn long"])
    one(ev, "SANCTION", line=3, recipients=["PER:roman abramovich"])
    one(ev, "ASSAULT", line=4, recipients=["PER:nguyễn văn khoa"])


def test_a_police_unit_acts_with_its_parent_body():
    art = Article(id="t-7", page="p", paragraphs=[Paragraph(
        "Tối qua, Đội Cảnh sát điều tra tội phạm về ma túy Công an TP.Biên Hòa ập vào kiểm tra "
        "quán bar và bắt giữ Nguyễn Văn Lực.", 1)])
    _annotate(art)
    ev = code_events(art)
    assert any("ORG:công an tp.biên hòa" in e.actors for e in ev), [(e.type, e.actors) for e in ev]


def _coded(paras: list[str]) -> list:
    art = Article(id="t-8", page="p", paragraphs=[Paragraph(t, i + 1) for i, t in enumerate(paras)])
    _annotate(art)
    return code_events(art)


def test_advice_to_the_public_and_a_prison_term_taken():
    ev = _coded(["Công an tỉnh Lâm Đồng khuyến cáo người dân cảnh giác với các cuộc gọi lạ.",
                 "Trong vụ án này, Trần Văn Bình (45 tuổi) lĩnh 12 năm tù về tội lừa đảo.",
                 "Cầu thủ Nguyễn Văn Nam lĩnh án treo giò 3 trận."])
    one(ev, "REQUEST", line=1, actors=["ORG:công an tỉnh lâm đồng"])
    one(ev, "COERCE", line=2, recipients=["PER:trần văn bình"])
    assert not [e for e in ev if e.type == "COERCE" and e.line == 3]  # a sports ban


def test_the_bench_stands_for_the_court_named_before():
    ev = _coded(["Ngày 5/6, TAND tỉnh Nghệ An mở phiên tòa xét xử bị cáo Hoàng Văn Đức.",
                 "HĐXX tuyên phạt bị cáo Hoàng Văn Đức 15 năm tù."])
    e = one(ev, "COERCE", line=2, recipients=["PER:hoàng văn đức"])
    assert "ORG:tand tỉnh nghệ an" in e.actors and not any("hđxx" in k for k in e.actors)


def test_lifting_an_embargo_and_a_coordinated_second_verb():
    gaz = {**GAZ, "Việt Nam": ("GPE", "GPE:VNM"), "Metal Shark": ("PER", "PER:metal shark")}
    ev = code_events(build([
        "Mỹ tuyên bố gỡ bỏ hoàn toàn lệnh cấm vận vũ khí đối với Việt Nam.",
        "Mỹ sẽ cung cấp cho Việt Nam 18 tàu Metal Shark đồng thời hỗ trợ huấn luyện."], gaz))
    one(ev, "CONCEDE", line=1, actors=["GPE:USA"], recipients=["GPE:VNM"])
    assert not [e for e in ev if e.type == "SANCTION"]
    assert all(e.actors == ["GPE:USA"] for e in ev if e.type == "AID" and e.line == 2)


def test_a_court_is_not_the_one_sued_and_a_threat_names_who_must_comply():
    ev = _coded(["Bà Nguyễn Thị Lan đã khởi kiện bà Trần Thị Mai ra TAND quận 3.",
                 "Lê Văn Hùng và vợ là chị Phạm Thị Hoa thường xảy ra mâu thuẫn.",
                 "Trong lúc cãi nhau, Hùng dọa nếu vợ không đưa tiền thì sẽ đánh."])
    e = one(ev, "ACCUSE", line=1, actors=["PER:nguyễn thị lan"], recipients=["PER:trần thị mai"])
    assert not [k for k in e.recipients if "tand" in k]
    one(ev, "THREATEN", line=3, actors=["PER:lê văn hùng"], recipients=["PER:phạm thị hoa"])


def test_a_place_after_o_is_no_agent_and_both_named_before_are_arrested():
    gaz = {**GAZ, "Istanbul": ("GPE", "GPE:istanbul"), "Park Min": ("PER", "PER:park min"),
           "Lee Joon": ("PER", "PER:lee joon")}
    ev = code_events(build(["Ca sĩ Park Min đã bị một tòa án ở Istanbul kết án 2 năm tù.",
                            "Park Min và Lee Joon bị truy nã.", "Cả 2 đã bị bắt giữ tại Seoul."], gaz))
    e = one(ev, "COERCE", line=1, recipients={"PER:park min"})
    assert "GPE:istanbul" not in e.actors
    one(ev, "COERCE", line=3, recipients={"PER:park min", "PER:lee joon"})


def test_handing_over_a_suspect_is_no_aid():
    ev = _coded(["Phòng Cảnh sát giao thông Công an tỉnh Bắc Giang đã bàn giao Nguyễn Văn Huy "
                 "cho Phòng Cảnh sát kinh tế thụ lý.",
                 "Quân đội Đức đã bàn giao cho Ukraine 20 xe tăng."])
    assert not [e for e in ev if e.type == "AID" and e.line == 1], [(e.type, e.line) for e in ev]
    one(ev, "AID", line=2)


def _without_role_model(monkeypatch, paras: list[str], gaz: dict[str, tuple[str, str]] = GAZ):
    from thoisu.annotate import event_arguments

    with monkeypatch.context() as mp:
        mp.setattr(event_arguments, "model", lambda: None)
        return code_events(build(paras, gaz))


def test_role_model_fills_a_side_from_the_previous_sentence(monkeypatch):
    gaz = {**GAZ, "Công an Seoul": ("ORG", "ORG:ca seoul")}
    text = ["Noh Kyu Duk bị truy nã từ năm 2015. Công an Seoul tiến hành khám xét khẩn cấp nhà của y."]
    # the rules see no object ("nhà của y"); the model takes the man named just before
    one(code_events(build(text, gaz)), "COERCE", actors=["ORG:ca seoul"], recipients=["PER:noh kyu duk"])
    assert not [e for e in _without_role_model(monkeypatch, text, gaz)
                if e.actors == ["ORG:ca seoul"] and e.recipients]


def _hand_model(**kw):
    """An argument model with hand-set weights, to test what revise() does with scores: every
    phrase is likelier a party the earlier it stands (a speaker before the verb most)."""
    from thoisu.annotate import event_arguments

    return event_arguments.ArgModel({"bias": (0.0, 0.0, 0.0), "side=a": (0.0, 2.0, 0.0),
                                     "side=b": (0.0, 4.0, 0.0)}, 0.5,
                                    frozenset(("AGREE", "CONSULT", "COOPERATE")), **kw)


def test_role_model_adds_the_second_party_of_a_cooperation(monkeypatch):
    from thoisu.annotate import event_arguments

    text = ["Ông Lavrov cho biết Nga sẵn sàng hợp tác, cùng Hàn Quốc xây dựng cơ chế an ninh."]
    # the lone party takes the likeliest other one of its clause, never the speaker of an
    # earlier clause (the same side), even where directed events may take earlier clauses'
    m = _hand_model(earlier_clauses=True)
    monkeypatch.setattr(event_arguments, "model", lambda: m)
    one(code_events(build(text)), "COOPERATE", actors={"GPE:RUS", "GPE:KOR"})
    assert not [e for e in code_events(build(text)) if "PER:sergei lavrov" in e.actors]
    # without the model Korea is missed, and a cooperation with one party codes nothing
    assert not [e for e in _without_role_model(monkeypatch, text)
                if e.type == "COOPERATE" and "GPE:KOR" in e.actors]


def test_role_model_may_take_a_missing_side_from_an_earlier_clause(monkeypatch):
    from thoisu.annotate import event_arguments

    gaz = {**GAZ, "Công an Seoul": ("ORG", "ORG:ca seoul"), "Noh Kyu Duk": ("PER", "PER:noh kyu duk")}
    text = ["Công an Seoul cho biết, Noh Kyu Duk đã bị bắt giữ."]
    # the rules code the passive without its agent; the body of the earlier clause may fill
    # it when the data file allows earlier clauses (as the shipped one does since round 13)
    for earlier, want in ((True, ["ORG:ca seoul"]), (False, [])):
        m = _hand_model(earlier_clauses=earlier)
        monkeypatch.setattr(event_arguments, "model", lambda m=m: m)
        one(code_events(build(text, gaz)), "COERCE", actors=want, recipients=["PER:noh kyu duk"])
    monkeypatch.undo()
    assert event_arguments.model().earlier_clauses


def test_role_model_scores_speakers_and_venues_as_no_party():
    from thoisu.annotate import event_arguments

    m = event_arguments.model()
    assert m is not None and 0 < m.add < 1 and m.weights

    def scored(text: str, typ: str) -> dict[str, tuple[float, float, float]]:
        with event_arguments.recording() as recs:
            code_events(build([text]))
        got = next(r for r in recs if r[1] == typ)
        return {keys[0]: event_arguments.probs(m.weights, f) for keys, f, _ in got[5]}

    p = scored("Mỹ đã chỉ trích gay gắt, theo Reuters, chính quyền Triều Tiên.", "ACCUSE")
    assert all(abs(sum(v) - 1) < 1e-9 for v in p.values())
    assert p["GPE:USA"][1] > 0.9 and p["ORG:reuters"][0] > 0.5  # doer; a source, nobody
    p = scored("Hàn Quốc đã kiện, lên Hội đồng Bảo an Liên Hợp Quốc, Triều Tiên.", "ACCUSE")
    assert p["ORG:UNSC"][0] > 0.5  # the body a complaint goes to is no target
    p = scored("Nga đã bắt giữ, ngay tại sân bay, ông Sung Kim.", "COERCE")
    # (each side above the model's add threshold, which is what decides; retrainings move
    # the probabilities: the actor 0.63, the recipient 0.90 on batches 1-6, 8-10)
    assert p["GPE:RUS"][1] > max(0.5, m.add) and p["PER:sung kim"][2] > max(0.8, m.add)


def test_role_model_never_adds_a_country_qualifying_a_noun():
    # "một công dân Mỹ": the model finds Mỹ a likely recipient, but a country qualifying a
    # noun is nobody's side
    ev = code_events(build(["Triều Tiên cho biết đã bắt giữ một công dân Mỹ."]))
    assert all("GPE:USA" not in e.recipients + e.actors for e in ev)


GAZ_DOMESTIC = {
    "Bộ Tài chính": ("ORG", "ORG:bộ tài chính"), "Quốc hội": ("ORG", "ORG:quốc hội"),
    "Ngân hàng Thế giới": ("ORG", "ORG:wb"), "Công an huyện Tân Phú": ("ORG", "ORG:ca tân phú"),
    "VKSND huyện Tân Phú": ("ORG", "ORG:vks tân phú"), "Nguyễn Văn Hùng": ("PER", "PER:hùng"),
    "Hùng": ("PER", "PER:hùng"), "Lê Văn Tâm": ("PER", "PER:tâm"), "Tâm": ("PER", "PER:tâm"),
    "Công ty Hòa Bình": ("ORG", "ORG:hòa bình"), "Sở Y tế": ("ORG", "ORG:sở y tế"),
}


def test_cooperation_but_not_a_joint_police_operation():
    ev = code_events(build([
        "Bộ Tài chính đã phối hợp với Ngân hàng Thế giới xây dựng chiến lược nợ công.",
        "Công an huyện Tân Phú phối hợp với VKSND huyện Tân Phú khám nghiệm hiện trường.",
        "Sở Y tế phối hợp với Công ty Hòa Bình bắt giữ Lê Văn Tâm.",  # the arrest, not a cooperation
        "Sở Y tế phối hợp với Công ty Hòa Bình và Ngân hàng Thế giới nhanh chóng khởi tố Lê Văn Tâm.",
        "Quốc hội giao Bộ Tài chính chủ trì, phối hợp với Ngân hàng Thế giới soạn thảo luật.",  # a task
    ], GAZ_DOMESTIC))
    e = one(ev, "COOPERATE", line=1)
    assert {"ORG:bộ tài chính", "ORG:wb"} <= set(e.actors + e.recipients)
    assert not [e for e in ev if e.type == "COOPERATE" and e.line in (2, 3, 4, 5)]
    one(ev, "COERCE", line=4, recipients=["PER:tâm"])  # the act after the manner verb is coded


def test_proposals_sent_up_and_requests_to_defer():
    ev = code_events(build([
        "Bộ Tài chính vừa trình Quốc hội dự thảo luật thuế mới.",
        "Công ty Hòa Bình đã xin gia hạn nộp báo cáo cho Sở Y tế.",
        "Bộ Tài chính đang triển khai chương trình Quốc hội giao.",  # "chương trình": no trigger
    ], GAZ_DOMESTIC))
    one(ev, "REQUEST", line=1, actors=["ORG:bộ tài chính"])
    one(ev, "REQUEST", line=2, actors=["ORG:hòa bình"])
    assert not [e for e in ev if e.type == "REQUEST" and e.line == 3]


def test_assault_by_hand_and_penalty_records():
    ev = code_events(build([
        "Nguyễn Văn Hùng đã đánh Lê Văn Tâm tại quán nhậu.",
        "Sở Y tế đã lập biên bản xử phạt Công ty Hòa Bình.",
        "Hùng đánh giá Tâm là người trung thực.",  # "đánh giá" is an opinion, no attack
        "Tâm bị sét đánh khi đang làm đồng.",  # a natural force, no attacker
    ], GAZ_DOMESTIC))
    one(ev, "ASSAULT", line=1, actors=["PER:hùng"], recipients=["PER:tâm"])
    one(ev, "SANCTION", line=2, actors=["ORG:sở y tế"])
    assert not [e for e in ev if e.type == "ASSAULT" and e.line in (3, 4)]


def test_news_families_of_threats_demands_cuts_and_withdrawals():
    ev = code_events(build([
        "Mỹ cắt viện trợ cho Triều Tiên.",  # a cut of aid is a sanction, not aid
        "Nga đòi Mỹ rút quân.",
        "Triều Tiên ra tối hậu thư cho Hàn Quốc.",
        "Mỹ rút khỏi Tổ chức An ninh và Hợp tác châu Âu.",
        "Các công tố viên của Mỹ đã bác bỏ đề nghị của Nga.",  # "công tố": no accusation
    ]))
    one(ev, "SANCTION", line=1, actors=["GPE:USA"], recipients=["GPE:PRK"])
    assert not [e for e in ev if e.type == "AID"]
    one(ev, "REQUEST", line=2, actors=["GPE:RUS"], recipients=["GPE:USA"])
    one(ev, "THREATEN", line=3, actors=["GPE:PRK"])
    one(ev, "RETREAT", line=4, actors=["GPE:USA"])
    assert not [e for e in ev if e.type == "ACCUSE"]
    one(ev, "REJECT", line=5)


def test_goods_sent_as_aid_and_returns():
    ev = code_events(build([
        "Hàn Quốc đã gửi 100 tấn gạo cho Triều Tiên.",
        "Nga trao trả hai thủy thủ cho Mỹ.",
        "Mỹ gửi công hàm phản đối tới Nga.",  # a note sent is no aid
    ]))
    one(ev, "AID", line=1, actors=["GPE:KOR"], recipients=["GPE:PRK"])
    one(ev, "CONCEDE", line=2, actors=["GPE:RUS"])
    assert not [e for e in ev if e.type == "AID" and e.line == 3]


def test_court_orders_licences_and_rings():
    ev = code_events(build([
        "Tòa tuyên buộc Công ty Hòa Bình phải bồi thường 2 tỷ đồng cho Lê Văn Tâm.",
        "Sở Y tế đã thu hồi giấy phép của Công ty Hòa Bình.",  # "của X" is the licence holder
        "Công an huyện Tân Phú đã phá thành công đường dây đánh bạc do Lê Văn Tâm cầm đầu.",
        "Công ty Hòa Bình vừa phá sản.",  # "phá sản" is bankruptcy
    ], GAZ_DOMESTIC))
    one(ev, "COERCE", line=1, recipients={"ORG:hòa bình"})
    one(ev, "SANCTION", line=2, actors=["ORG:sở y tế"], recipients=["ORG:hòa bình"])
    one(ev, "COERCE", line=3, actors=["ORG:ca tân phú"])
    assert not [e for e in ev if e.line == 4]


def test_a_trigger_that_is_also_part_of_a_title_word_splits_the_names_around_it():
    # "tố" (of "công tố viên") and "hạ", "sát" (of "hạ nghị sĩ", "cảnh sát") between two
    # names are verbs, not a title joining them into one phrase
    ev = _coded(["Nga tố Mỹ vi phạm hiệp ước hạt nhân.",
                 "Cảnh sát cho biết Nguyễn Văn An hạ sát Trần Văn Bình sau khi cãi nhau."])
    one(ev, "ACCUSE", line=1, actors=["GPE:RUS"], recipients=["GPE:USA"])
    one(ev, "ASSAULT", line=2, actors=["PER:nguyễn văn an"], recipients=["PER:trần văn bình"])


def test_event_filter_drops_a_hedged_event_and_keeps_a_clear_one(monkeypatch):
    """The learned filter's hook (annotate/event_filter.py): no data file ships (its
    cross-validation on the dev gold found no gain, see train/events_filter.py), so a
    model that weighs only hedging is put in; the features come from the real coder."""
    from thoisu.annotate import event_filter

    paras = ["Công an tỉnh Lâm Đồng đã bắt giữ Trần Văn Bình về tội lừa đảo.",
             "Công an tỉnh Khánh Hòa có thể sẽ bắt giữ Nguyễn Văn Nam trong tuần tới."]
    assert {e.line for e in _coded(paras) if e.type == "COERCE"} == {1, 2}
    m = event_filter.FilterModel({"bias": 2.0, "hedge": -5.0}, 0.5, (("có", "thể"),))
    monkeypatch.setattr(event_filter, "model", lambda: m)
    with event_filter.recording() as recs:
        kept = [e for e in _coded(paras) if e.type == "COERCE"]
    feats = {line: f for line, typ, _a, _r, f in recs if typ == "COERCE"}
    assert "hedge" in feats[2] and "hedge" not in feats[1]
    assert "fut" in feats[2] and "t=COERCE" in feats[1]
    assert [e.line for e in kept] == [1]
    assert kept[0].recipients == ["PER:trần văn bình"]


def test_a_wife_named_in_parentheses_and_a_body_located_after_a_comma():
    ev = _coded(["Tối 3/5, Trần Văn Khải ăn cơm với vợ (Đỗ Thị Mai, SN 1990) thì xảy ra mâu thuẫn.",
                 "Trong lúc cãi nhau, Khải dọa nếu vợ không đưa tiền thì sẽ đánh.",
                 "Ngày 9/5, Công an huyện Củ Chi, TP.HCM đang tạm giữ Phạm Văn Hòa để điều tra."])
    # the wife is the person in parentheses right after "vợ"
    one(ev, "THREATEN", line=2, actors=["PER:trần văn khải"], recipients=["PER:đỗ thị mai"])
    # the city closes the body's name: the police hold him, not the city
    e = one(ev, "COERCE", line=3, recipients=["PER:phạm văn hòa"])
    assert e.actors == ["ORG:công an huyện củ chi"], e.actors


def test_the_subject_of_a_background_clause_is_no_antecedent():
    ev = _coded(["Vụ án liên quan đến việc cô Lê Thu Hà đăng bài trên mạng, khi ông Hoàng Văn Tùng là giám đốc.",
                 "Người mẫu này đã bị bắt giữ vì chia sẻ bài thơ châm biếm ông Hoàng Văn Tùng."])
    e = one(ev, "COERCE", line=2, recipients=["PER:lê thu hà"])
    assert "PER:hoàng văn tùng" not in e.recipients


def test_an_agency_named_with_its_field_in_lower_case_acts():
    ev = _coded(["Cục Quản lý cạnh tranh khuyến cáo người dân không tham gia mua hàng đa cấp."])
    one(ev, "REQUEST", line=1, actors=["ORG:cục quản lý cạnh tranh"])


def test_a_name_after_nen_opens_a_clause_of_its_own():
    ev = _coded(["Chị Phạm Thị Hoa có quan hệ với anh Đỗ Văn Bình nên Lê Văn Toàn đã đánh chị Hoa.",
                 "Sau đó, Lê Văn Toàn bỏ trốn nên Công an huyện Mê Linh đã ra quyết định truy nã Toàn."])
    # 'nên' is 'so' here, no 'should', and Bình (after 'với') is no partner of the subject
    one(ev, "ASSAULT", line=1, actors=["PER:lê văn toàn"], recipients=["PER:phạm thị hoa"])
    e = one(ev, "COERCE", line=2, recipients=["PER:lê văn toàn"])
    assert e.actors == ["ORG:công an huyện mê linh"], e.actors


def test_a_government_written_alone_is_its_state():
    ev = _coded(["Công đoàn Y tế Việt Nam đề nghị Chính phủ cấp kinh phí cho cán bộ y tế tỉnh Nghệ An.",
                 "Văn phòng Chính phủ đề nghị Bộ Y tế báo cáo."])
    one(ev, "REQUEST", line=1, actors=["ORG:công đoàn y tế việt nam"], recipients=["GPE:VNM"])
    e = one(ev, "REQUEST", line=2, recipients=["ORG:bộ y tế"])
    assert "GPE:VNM" not in e.actors  # part of a body's name, not the government
    # a world story: the government is the state the article names with it
    ev = _coded(["Đây là quy định của chính phủ Nhật Bản về thử nghiệm xe.",
                 "Chính phủ đã yêu cầu tất cả các nhà sản xuất ô tô rà soát quy trình."])
    assert not [e for e in ev if "GPE:VNM" in e.actors]
    one(ev, "REQUEST", line=2, actors=["GPE:JPN"])


def test_rushing_at_someone_leads_the_attack():
    ev = _coded(["Phạm Văn Tâm cãi nhau với hàng xóm.",
                 "Lúc này, bà Lê Thị Mai (SN 1968) chạy vào thì bị Tâm xông đến dùng dao chém "
                 "nhiều nhát vào người bà Mai."])
    one(ev, "ASSAULT", line=2, actors=["PER:phạm văn tâm"], recipients=["PER:lê thị mai"])


def test_an_airline_named_after_its_country_is_the_airline():
    ev = _coded(["Bộ Tài chính đề nghị Vietnam Airlines báo cáo phương án tái cơ cấu."])
    e = one(ev, "REQUEST", line=1, actors=["ORG:bộ tài chính"], recipients=["ORG:VNA"])
    assert "GPE:VNM" not in e.recipients


def test_one_sided_meetings_and_attacks_code_nothing():
    ev = _coded(["Bộ trưởng Nguyễn Văn An dự và chủ trì hội nghị tại Hà Nội.",
                 "Bà Nguyễn Thị Lan đã khởi kiện ra TAND quận 3.",
                 "Hai người khác bị quân đội Mỹ tấn công.",
                 "Ông Nguyễn Văn An đã gặp ông Trần Văn Bình tại Hà Nội."])
    assert not [e for e in ev if e.line in (1, 2)]  # no one met, no one sued: no event
    one(ev, "ASSAULT", line=3)  # a passive names its victims, unnamed
    one(ev, "CONSULT", line=4)


def test_local_forces_deployed_fight_fires_or_run_an_operation():
    ev = _coded(["Công an huyện Nghi Xuân đã huy động lực lượng đến hiện trường chữa cháy.",
                 "Công an huyện Yên Lạc đã huy động lực lượng truy tìm đối tượng gây tai nạn.",
                 "Trung Quốc đã điều động lực lượng tàu chiến tới Biển Đông."])
    one(ev, "AID", line=1, actors=["ORG:công an huyện nghi xuân"])
    assert not [e for e in ev if e.line == 2]
    assert not [e for e in ev if e.line == 1 and e.type == "MOBILIZE"]


def test_a_named_phrase_right_before_bi_undergoes_the_act():
    gaz = {**GAZ, "Mitsubishi": ("ORG", "ORG:mitsubishi"), "Nissan": ("ORG", "ORG:nissan"),
           "Lê Thị Lan": ("PER", "PER:lê thị lan")}
    ev = code_events(build([
        "Điều đáng chú ý là sau Mitsubishi, đến lượt hãng xe Nissan cũng bị cáo buộc gian lận.",
        "Tối 28-5, tại nhà ông Dần đã xảy ra vụ án mạng khiến bà Lê Thị Lan bị đâm chết."], gaz))
    one(ev, "ACCUSE", line=1, actors=[], recipients=["ORG:nissan"])
    one(ev, "ASSAULT", line=2, recipients=["PER:lê thị lan"])


def test_signings_and_fixtures_are_no_agreements_or_meetings():
    gaz = {**GAZ, "Liverpool": ("ORG", "ORG:liverpool"), "Joel Matip": ("PER", "PER:joel matip"),
           "Incheon United": ("ORG", "ORG:incheon"), "Gwangju FC": ("ORG", "ORG:gwangju"),
           "Brendan Rodgers": ("PER", "PER:brendan rodgers"), "Celtic": ("ORG", "ORG:celtic")}
    ev = code_events(build([
        "Ở kỳ chuyển nhượng mùa Đông, Liverpool đã đạt được thỏa thuận với Joel Matip.",
        "Ngày 22.5, Incheon United sẽ tiếp đón Gwangju FC tại vòng 11 giải đấu.",
        "Brendan Rodgers đang đàm phán với Celtic về chiếc ghế HLV trưởng của đội bóng."], gaz))
    assert not [e for e in ev if e.line in (1, 2)]
    one(ev, "CONSULT", line=3, actors=["PER:brendan rodgers"])


def test_a_trigger_inside_a_compound_word_is_none():
    gaz = {**GAZ, "Kornhuber": ("PER", "PER:kornhuber")}
    ev = code_events(build(["Tiến sĩ Kornhuber nằm trong số những người tham gia một nghiên cứu về "
                            "khí hậu được công bố trong tháng 7."], gaz))
    assert not ev  # "cứu" (rescue) of "nghiên cứu" (research)


def test_a_name_before_bi_and_an_agent_is_the_patient():
    ev = _coded(["Đình Luật bị Ban kỷ luật VFF treo giò ba trận và phạt 15 triệu đồng vì lỗi "
                 "trong trận đấu giữa Quảng Nam và Bình Dương ngày 18/5."])
    e = one(ev, "SANCTION", line=1)
    assert any("đình luật" in k for k in e.recipients)


def test_orders_praise_letters_and_fires_put_out():
    gaz = {**GAZ, "Sở Y tế": ("ORG", "ORG:sở y tế"),
           "Trung tâm Kiểm soát bệnh tật": ("ORG", "ORG:cdc"), "Tô Lâm": ("PER", "PER:tô lâm"),
           "Cảnh sát PCCC": ("ORG", "ORG:cảnh sát pccc"),
           "Ban Tuyên giáo": ("ORG", "ORG:ban tuyên giáo"),
           "Phạm Văn An": ("PER", "PER:phạm văn an")}
    ev = code_events(build([
        "Sở Y tế chỉ đạo Trung tâm Kiểm soát bệnh tật giám sát chặt chẽ tình hình dịch bệnh.",
        "Bộ trưởng Tô Lâm đã có thư khen các đơn vị tham gia phá án.",
        "Lực lượng Cảnh sát PCCC đã dập tắt đám cháy sau 3 giờ.",
        "Phó trưởng Ban Tuyên giáo, Phó trưởng ban chỉ đạo Phạm Văn An cho biết như vậy."], gaz))
    one(ev, "REQUEST", line=1, actors=["ORG:sở y tế"], recipients=["ORG:cdc"])
    one(ev, "SUPPORT", line=2, actors=["PER:tô lâm"])
    one(ev, "AID", line=3, actors=["ORG:cảnh sát pccc"])
    assert not [e for e in ev if e.line == 4]  # "ban chỉ đạo": a steering committee


def test_a_name_ending_in_a_classifier_word_leaves_the_verb_a_verb():
    gaz = {**GAZ, "Cục Cảnh sát hình sự": ("ORG", "ORG:c02")}
    ev = code_events(build(["Cục Cảnh sát hình sự khuyến cáo người dân cần cảnh giác."], gaz))
    one(ev, "REQUEST", line=1, actors=["ORG:c02"])  # "sự" of "hình sự" is no "sự" + verb


def test_a_coordinated_verb_of_what_a_speaker_says_is_the_speakers():
    gaz = {**GAZ, "Bộ Môi trường Hàn Quốc": ("ORG", "ORG:bộ môi trường hàn quốc"),
           "Nissan": ("ORG", "ORG:nissan")}
    ev = code_events(build([
        "Bộ Môi trường Hàn Quốc cho biết sẽ đình chỉ việc tiêu thụ xe Qashqai và yêu cầu Nissan "
        "triệu hồi 814 phương tiện."], gaz))
    one(ev, "REQUEST", line=1, actors=["ORG:bộ môi trường hàn quốc"], recipients=["ORG:nissan"])


def test_a_wanted_notice_is_its_own_act_and_a_wanted_suspect_none():
    gaz = {**GAZ, "Công an tỉnh Hòa Bình": ("ORG", "ORG:công an tỉnh hòa bình"),
           "Khà A Giàng": ("PER", "PER:khà a giàng"), "Kwon Yonggil": ("PER", "PER:kwon yonggil")}
    ev = code_events(build([
        "Công an tỉnh Hòa Bình quyết định khởi tố và bắt tạm giam Khà A Giàng.",
        "Ngày 15/11/2011, Công an tỉnh Hòa Bình quyết định truy nã lần thứ 3 đối với Khà A Giàng.",
        "Người đàn ông đó chính là đối tượng truy nã Kwon Yonggil."], gaz))
    wanted = one(ev, "COERCE", mode="wanted", recipients=["PER:khà a giàng"])
    assert [m.line for m in wanted.mentions] == [2]  # not merged with the prosecution
    assert not [e for e in ev if "PER:kwon yonggil" in e.recipients]


def test_the_bodies_a_letter_is_sent_to_are_addressed_not_asking():
    gaz = {**GAZ, "Phạm Việt Thắng": ("PER", "PER:phạm việt thắng"),
           "Văn phòng Chính phủ": ("ORG", "ORG:vpcp"), "Bộ Tài chính": ("ORG", "ORG:btc"),
           "Bộ Y tế": ("ORG", "ORG:byt")}
    ev = code_events(build([
        "Ông Phạm Việt Thắng vừa ký công văn gửi Văn phòng Chính phủ, Bộ Y tế, Bộ Tài chính đề "
        "nghị hỗ trợ ngư dân."], gaz))
    e = one(ev, "REQUEST", line=1, actors=["PER:phạm việt thắng"])
    assert {"ORG:vpcp", "ORG:btc"} <= set(e.recipients)


def test_congratulating_people_unnamed_is_support():
    gaz = {**GAZ, "Lê Quốc Phong": ("PER", "PER:lê quốc phong")}
    ev = code_events(build(["Ông Lê Quốc Phong chúc mừng tất cả đảng viên được trao huy hiệu.",
                            "Bí thư Tỉnh ủy Lê Quốc Phong dự buổi lễ."], gaz))
    one(ev, "SUPPORT", line=1, actors=["PER:lê quốc phong"])


def test_private_people_meeting_is_no_consult():
    ev = _coded(["Ngày 30/3/2014, Nguyễn Thanh Hải gặp Lê Văn Phi tại khu vực cầu vượt Tân Thới "
                 "Hiệp, quận 12.",
                 "Tổng thống Nga Vladimir Putin đã gặp Chủ tịch Trung Quốc Tập Cận Bình tại Moskva."])
    assert not [e for e in ev if e.type == "CONSULT" and e.line == 1]
    one(ev, "CONSULT", line=2)  # public figures: their titles, their countries


def test_patients_listed_after_an_enumerator():
    # "gồm" spells out who the act fell on, after an unnamed object or a passive
    ev = _coded(["Liên quan vụ án, nhà chức trách đã bắt 2 người gồm: Lê Thái Duy (28 tuổi), "
                 "Lê Việt Hoàn (35 tuổi) cùng ở thành phố Phủ Lý.",
                 "Các đối tượng bị khởi tố gồm: Nguyễn Văn Cường (SN 1990) và Trần Văn Bằng."])
    e = one(ev, "COERCE", line=1)
    assert {"PER:lê thái duy", "PER:lê việt hoàn"} <= set(e.recipients)
    e = one(ev, "COERCE", line=2)
    assert "PER:nguyễn văn cường" in e.recipients


def test_no_recipient_behind_a_passive_or_a_charge():
    # the patient of "bị ..." stands before the marker; what follows "vì" is the charge
    ev = _coded(["Ngay sau đó, Khà A Lếnh cũng bị bắt khẩn cấp còn Khà A Giàng bỏ trốn.",
                 "Tòa án Thổ Nhĩ Kỳ vừa kết án 14 tháng tù treo cựu Hoa hậu nước này vì "
                 "“công khai xúc phạm” Tổng thống Recep Tayyip Erdogan trên mạng xã hội."])
    e = one(ev, "COERCE", line=1)
    assert "PER:khà a lếnh" in e.recipients and "PER:khà a giàng" not in e.recipients
    assert not [e for e in ev if e.line == 2 and "PER:recep tayyip erdogan" in e.recipients]


def test_partners_of_a_joint_operation_act_too():
    # the gold codes a joint operation's act with every body named as its doer
    ev = _coded(["Sáng 8/8, đại tá Nguyễn Văn Trung xác nhận công an tỉnh phối hợp với Bộ Công an "
                 "vừa bắt Nguyễn Sỹ Đạt (46 tuổi)."])
    one(ev, "COERCE", actors=["ORG:bộ công an"], recipients=["PER:nguyễn sỹ đạt"])


def test_unit_written_before_its_parent_acts():
    ev = _coded(["Cục QLXNC – Bộ Công an khuyến cáo người dân không nên đổ xô đi làm hộ chiếu."])
    e = one(ev, "REQUEST", line=1)
    assert "ORG:cục qlxnc" in e.actors


def test_opening_adverbial_before_a_group_subject():
    ev = _coded(["Bo Tý và Cao Lâm phát hiện 7 nữ sinh trượt chân rơi xuống lòng hồ. Ngay lập tức hai em "
                 "đã lao nhanh xuống lòng hồ, lần lượt cứu được 5 nữ sinh đưa vào bờ."])
    one(ev, "AID", actors=["PER:bo tý", "PER:cao lâm"])


def test_side_named_with_ve_phia_is_the_subject():
    ev = _coded(["Về phía bà Trang cũng đã có đơn bác bỏ các yêu cầu của Diệu Hân trong đơn kiện."])
    one(ev, "REJECT", actors=["PER:trang"])


def test_perpetrator_named_with_a_suspect_noun():
    ev = _coded(["Tại nhà ông Sầm Văn Dần đã xảy ra vụ án mạng khiến bà Vi Thị Loan bị đâm chết tại chỗ, "
                 "Công an huyện Quế Phong đã có mặt tại hiện trường, xác định được nghi can là "
                 "Vi Văn Thắng (23 tuổi).",
                 "Trần Đình Thịnh bị cáo buộc là hung thủ trong vụ án giết người xảy ra tối 20/8/2015."])
    one(ev, "ASSAULT", line=1, actors=["PER:vi văn thắng"])
    one(ev, "ASSAULT", line=2, actors=["PER:trần đình thịnh"])


def test_charges_and_answered_requests_are_nouns():
    ev = _coded(["Nguyễn Võ Quỳnh Trang đã bị truy tố về các tội Giết người và Hành hạ người khác.",
                 "Do vậy, Tòa bác yêu cầu mở clip của Diệu Hân."])
    assert not [e for e in ev if e.type in ("ASSAULT", "REQUEST")], ev


def test_private_trips_praise_and_arrests_code_nothing():
    ev = _coded(["Năm 1992, bà Ri tới thành phố Bern, Thụy Sĩ cùng con trai.",
                 "Christian Bale khen ngợi cách chăm sóc con của Chris Hemsworth.",
                 "Phút 78, Jason Puncheon tung chân bắt vô lê ở góc hẹp."])
    assert not ev, [(e.type, e.actors, e.recipients) for e in ev]


def test_one_sided_cooperation_and_expert_advice_code_nothing():
    ev = _coded(["Tập đoàn FLC sẽ tiếp tục phối hợp với đơn vị kiểm toán được lựa chọn.",
                 "PGS Đỗ Duy Cường khuyến cáo người dân nên chú ý trang phục bảo hộ.",
                 "Tiến sĩ Phạm Việt Thắng, Chủ tịch Hội Nghề cá Việt Nam vừa có công văn gửi "
                 "Bộ Tài chính đề nghị hỗ trợ ngư dân."])
    assert [e.type for e in ev] == ["REQUEST"] and ev[0].line == 3, ev
    assert ev[0].actors == ["PER:phạm việt thắng"]


def test_where_a_subject_went_and_an_unnamed_group_are_no_doers():
    ev = _coded(["Chị Cao Thị Hằng và anh Nguyễn Hoàng Quang đã đến Phòng CSKT, Công an TP Hà Nội "
                 "tố cáo Huỳnh Quang Phong lừa đảo.",
                 "Tại cơ quan công an, Lôi Thiện Tâm khai nhận tang vật cảnh sát thu giữ là ma túy đá."])
    # (the two who went there accuse; the police they went to never does)
    assert not [e for e in ev if e.line == 1 and [k for k in e.actors if "công an" in k]], ev
    assert not [e for e in ev if e.line == 2], ev


def test_addressees_listed_after_an_enumerator_and_a_market():
    ev = _coded(["Ngày 19/5, Cục Quản lý chất lượng nông lâm thủy sản đã có công văn gửi Chi cục Quản "
                 "lý chất lượng các tỉnh gồm: Nghệ An, Hà Tĩnh, Ninh Thuận cùng các Trung tâm vùng 1 "
                 "yêu cầu tổ chức lấy mẫu muối.",
                 "Tập đoàn này còn có kế hoạch xuất khẩu sang các nước, trước mắt là thị trường "
                 "Campuchia và Lào, đồng thời đàm phán với đối tác."])
    req = one(ev, "REQUEST", line=1)
    assert "GPE:VNM:ninh thuận" not in req.actors and "GPE:VNM:ninh thuận" in req.recipients
    assert not [e for e in ev if e.line == 2], ev


def test_capitalised_words_the_finder_never_makes_actors_stay_none():
    # "MV" (a music video), "CSGT" (the traffic police, no unit named) in a trigger's slot:
    # the event stage's own name search must not make organisations of words the mention
    # finder refuses (lexicon.json's not_acronyms), nor events with them as a side
    art = Article(id="t-1", page="p", paragraphs=[Paragraph(t, i + 1) for i, t in enumerate([
        "Chưa kể, MV còn bị tố đạo nhái sản phẩm của ca sĩ quốc tế.",
        "CSGT đã lập biên bản tạm giữ, đưa phương tiện về bãi theo quy định.",
    ])])
    _annotate(art)
    ev = code_events(art)
    keys = {m.key for m in art.mentions} | {k for e in ev for k in e.actors + e.recipients}
    assert not keys & {"ORG:mv", "ORG:csgt"}, keys


def test_a_role_noun_object_stands_for_the_suspect_named_before():
    ev = _coded(["Công an huyện Mai Châu đã khởi tố Lò Văn Páo về tội trộm cắp tài sản.",
                 "Tuy nhiên, Páo bỏ trốn nên Công an huyện Mai Châu ra quyết định truy nã đối tượng.",
                 "Công an tỉnh Sơn La đã bắt được kẻ gây án là Hà Văn Lả."])
    one(ev, "COERCE", line=2, recipients=["PER:lò văn páo"])
    # the copula names the one arrested: no suspect carried over from before
    e = one(ev, "COERCE", line=3)
    assert "PER:lò văn páo" not in e.recipients, e.recipients


def test_an_unnamed_patient_before_a_passive_takes_no_one_from_the_sentence_before():
    gaz = {**GAZ, "Recep Tayyip Erdogan": ("PER", "PER:recep tayyip erdogan"),
           "Noh Kyu Duk": ("PER", "PER:noh kyu duk")}
    ev = code_events(build([
        "Hơn 1.000 người đã bị điều tra vì xúc phạm Tổng thống Recep Tayyip Erdogan. "
        "Nếu bị kết tội, những người này có thể bị phạt tới 4 năm tù.",
        "Noh Kyu Duk bị truy nã từ năm 2015. Ngày 3/5, y bị bắt giữ tại Seoul."], gaz))
    assert not [e for e in ev if e.line == 1 and "PER:recep tayyip erdogan" in e.recipients], [
        (e.type, e.line, e.recipients) for e in ev]
    # a pronoun there may still be the man named just before
    assert any(e.line == 2 and "PER:noh kyu duk" in e.recipients for e in ev if e.type == "COERCE")


def test_the_recipient_picker_takes_no_phrase_before_an_active_verb():
    ev = _coded(["Lúc này, Lê Văn Công bất ngờ rút một con dao Thái Lan thủ sẵn trong người lao "
                 "đến khống chế rồi yêu cầu các nhân viên gọi điện.",
                 "Bà Trần Thị Giêng chạy vào thì bị Nguyễn Văn Nguyên dùng dao chém nhiều nhát."])
    assert not [e for e in ev if e.recipients and any("THA" in k for k in e.recipients)], [
        (e.type, e.actors, e.recipients) for e in ev]
    # a phrase before a passive marker of the verb's clause still undergoes it
    one(ev, "ASSAULT", line=2, actors=["PER:nguyễn văn nguyên"], recipients=["PER:trần thị giêng"])


def test_a_pronoun_subject_is_not_the_one_named_as_the_object():
    ev = _coded(["Ông Nguyễn Quang Lộc cho biết đã đóng cửa hàng lúc 21 giờ.",
                 "Tuy nhiên, người này bất ngờ quay vào cửa hàng và chém vào tay ông Lộc."])
    e = one(ev, "ASSAULT", line=2, recipients=["PER:nguyễn quang lộc"])
    assert not e.actors, e.actors


def test_a_department_is_not_the_ministry_named_before():
    ev = _coded(["Bộ Công an cảnh báo về các ứng dụng cho vay trực tuyến.",
                 "Nếu khoản vay quá hạn, bộ phận thu hồi nợ sẽ đe dọa người vay."])
    assert not [e for e in ev if e.line == 2 and "ORG:bộ công an" in e.actors], [
        (e.type, e.line, e.actors) for e in ev]


def test_behind_a_passive_with_its_agent_a_bare_phrase_is_the_charges():
    ev = _coded(["Nga bị phương Tây cáo buộc tấn công Ukraine."])
    e = one(ev, "ACCUSE", recipients=["GPE:RUS"])
    assert "GPE:UKR" not in e.recipients, e.recipients


def test_a_name_right_after_a_verb_of_another_act_is_that_verbs():
    ev = _coded(["Anh Nguyễn Quang Lộc bị hai người đàn ông chém đứt tay.",
                 "Công an huyện Thanh Chương đang truy bắt những đối tượng chém đứt tay ông Lộc.",
                 "Tòa án nhân dân tỉnh Quảng Trị mở phiên tòa xét xử vụ án giết người đối với "
                 "bị cáo Trần Đình Thịnh."])
    assert not [e for e in ev if e.type == "COERCE" and e.line == 2
                and "PER:nguyễn quang lộc" in e.recipients], [(e.type, e.line, e.recipients) for e in ev]
    # a name with its own preposition may belong to the first verb
    one(ev, "COERCE", line=3, recipients=["PER:trần đình thịnh"])


def test_kinds_of_case_and_capabilities_code_nothing():
    gaz = {**GAZ, "Nguyễn Văn Hiếu": ("PER", "PER:nguyễn văn hiếu"),
           "Hội Nhà báo": ("ORG", "ORG:hội nhà báo"), "Bộ Công an": ("ORG", "ORG:bộ công an")}
    ev = code_events(build([
        "Ông Nguyễn Văn Hiếu thừa nhận có nhiều trường hợp nhà báo bị hành hung.",
        "Hội Nhà báo chỉ có thể đề nghị Bộ Công an vào cuộc.",
        # a habitual act is coded, as the older gold codes it
        "Tổng thống Donald Trump thường xuyên kêu gọi Hàn Quốc tăng chi tiêu quốc phòng.",
    ], gaz))
    assert [(e.type, e.line) for e in ev if e.line < 3] == [], [(e.type, e.line) for e in ev]
    one(ev, "REQUEST", line=3, actors=["PER:donald trump"])


def test_word_senses_read_on_the_audit():
    gaz = {**GAZ, "Gayle": ("PER", "PER:gayle"), "De Gea": ("PER", "PER:de gea"),
           "Thùy Tiên": ("PER", "PER:thùy tiên"), "Việt Nam": ("GPE", "GPE:VNM"),
           "Công an huyện Đô Lương": ("ORG", "ORG:công an huyện đô lương"),
           "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam": ("ORG", "ORG:mttq")}
    ev = code_events(build([
        "Gayle phá bẫy việt vị băng xuống đối mặt với De Gea.",  # a footballer dashing
        "Cuộc thi tìm đại diện Việt Nam nối tiếp Thùy Tiên dự thi quốc tế.",  # to succeed
        "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam đã quyên góp, ủng hộ nhân dân bị thiệt "
        "hại do hạn hán.",  # a donation
        "Công an huyện Đô Lương vừa phá băng trộm chó liên tỉnh.",
    ], gaz))
    assert [(e.type, e.line) for e in ev if e.line < 3] == [], [(e.type, e.line) for e in ev]
    one(ev, "AID", line=3, actors=["ORG:mttq"])
    assert not [e for e in ev if e.line == 3 and e.type == "SUPPORT"]
    one(ev, "COERCE", line=4, actors=["ORG:công an huyện đô lương"])


def test_precision_audit_holds_pointers_and_labels_with_frozen_halves():
    import importlib.util
    import json
    from pathlib import Path

    root = Path(__file__).resolve().parents[1] / "eval" / "gold"
    spec = importlib.util.spec_from_file_location("events_audit_select", root / "events_audit_select.py")
    sel = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sel)
    rows = [json.loads(line) for line in (root / "events_audit.jsonl").read_text("utf-8").splitlines()]
    assert len(rows) == 87 and len({(r["cluster"], r["doc"], r["line"], r["coded"]) for r in rows}) == 87
    golds = sel.gold_clusters()
    for r in rows:
        assert r["split"] == sel.audit_split(r["cluster"]) and r["cluster"] not in golds
        assert (r["type"] is None) == (not r["event"]) and set(r) <= {
            "file", "cluster", "doc", "line", "coded", "coded_parts", "split", "event", "type",
            "actors", "recipients", "cause", "note"}


def test_bodies_after_a_head_noun_ending_in_a_title_word_keep_their_preposition():
    gaz = {**GAZ, "Trần Tuấn Anh": ("PER", "PER:trần tuấn anh"),
           "Đoàn Thanh niên Cộng sản Hồ Chí Minh": ("ORG", "ORG:đoàn tncs"),
           "Hội Liên hiệp Thanh niên Việt Nam": ("ORG", "ORG:hội lhtn")}
    ev = code_events(build([
        "Phát biểu tại buổi lễ, ông Trần Tuấn Anh biểu dương những nỗ lực và thành tích của các "
        "tổ chức Đoàn Thanh niên Cộng sản Hồ Chí Minh, Hội Liên hiệp Thanh niên Việt Nam."], gaz))
    one(ev, "SUPPORT", actors=["PER:trần tuấn anh"], recipients={"ORG:đoàn tncs"})


def test_a_name_found_again_beside_a_trigger_takes_the_articles_resolution() -> None:
    # the actors stage joined the bare "Mitsubishi" to "Mitsubishi Motors"; the events
    # stage's own name search finds "Mitsubishi" again in another sentence: one entity,
    # not a second organisation. A surface the actors stage typed a place is left alone.
    from thoisu.annotate.participants import _as_resolved

    def men(text: str, typ: str, key: str, sentence: int) -> Mention:
        return Mention(text=text, type=typ, key=key, sentence=sentence, start=0,
                       end=len(text), line=1, name=key.split(":", 1)[1])

    base = [men("Mitsubishi Motors", "ORG", "ORG:mitsubishi motors", 0),
            men("Mitsubishi", "ORG", "ORG:mitsubishi motors", 1),
            men("Diệu Hân", "GPE", "GPE:diệu hân", 1)]
    extra = [men("Mitsubishi", "ORG", "ORG:mitsubishi", 3), men("Diệu Hân", "PER", "PER:diệu hân", 4)]
    got = _as_resolved(extra, base)
    assert [m.key for m in got] == ["ORG:mitsubishi motors", "PER:diệu hân"]


def test_leave_one_batch_out_folds_and_model_swap(tmp_path: Path) -> None:
    """Leave-one-batch-out (eval/events_lobo.py, train/events_filter.py --by-batch): each
    batch is one fold (an old article without "batch" is batch 1), and a part pointed at
    a data file answers from that file until the swap ends."""
    root = Path(__file__).resolve().parents[1]
    sys.path.insert(0, str(root / "eval"))
    sys.path.insert(0, str(root / "train"))
    import events_cv  # type: ignore[import-not-found]
    from events_lobo import using, variant  # type: ignore[import-not-found]

    from thoisu.annotate import event_model

    dev = [{"batch": 4}, {}, {"batch": 2}, {"batch": 4}, {"batch": 1}]
    assert events_cv.folds_by_batch(dev) == [2, 0, 1, 2, 0]
    shipped = event_model.model()
    raw = {"threshold": 0.6, "types": ["AID"], "weights": {"bias": 1.0}}
    path = tmp_path / "roles.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    low = variant({"roles": path}, 0.3, None, tmp_path)["roles"]
    assert low is not None and json.loads(low.read_text())["threshold"] == 0.3
    with using({"roles": low}):
        m = event_model.model()
        assert m is not None and m.threshold == 0.3 and m.types == frozenset({"AID"})
        with using({"roles": None}):
            assert event_model.model() is None
    assert event_model.model() == shipped


def test_victim_named_in_the_result_of_an_attack():
    # round 12: the person after "khiến" is the victim the object left unnamed; a
    # causative after a stop is another clause's
    ev = code_events(build([
        "Bực tức, Sung Kim túm tóc, đè xuống sàn và chém liên tục nhiều nhát vào đầu, cổ khiến "
        "đầu Noh Kyu Duk bị đứt.",
        "Sung Kim chém một nhát vào cửa. Sau đó khiến Noh Kyu Duk bỏ đi."]))
    one(ev, "ASSAULT", line=1, actors=["PER:sung kim"], recipients=["PER:noh kyu duk"])
    assert not [e for e in ev if e.line == 2 and e.type == "ASSAULT" and e.recipients]


def test_speaker_of_a_subjectless_reported_clause_with_an_adverb():
    # round 12: an adverb of several syllables before the verb leaves the clause subjectless
    ev = code_events(build(["Bộ Ngoại giao Hàn Quốc cho biết, thành thật xin lỗi Nga vì sự cố trên."]))
    one(ev, "CONCEDE", line=1, actors=["ORG:mofa kor"])


def test_request_to_a_named_body_with_the_doer_unnamed():
    # round 12: "đề xuất với <named body>" counts with the recipient alone; a class of
    # bodies ("với các ...") does not
    ev = code_events(build(["Tổ công tác đã đề xuất với Hội đồng Bảo an Liên Hợp Quốc xem xét lại.",
                            "Tổ công tác đã đề xuất với các Bộ Ngoại giao Mỹ xem xét lại."]))
    one(ev, "REQUEST", line=1, actors=[], recipients=["ORG:UNSC"])
    assert not [e for e in ev if e.line == 2 and e.type == "REQUEST"]


def test_subjectless_sentence_goes_on_with_the_doer_of_the_sentence_before():
    # round 13a: a sentence with nothing but adverbs before its verb has the doer the
    # paragraph's sentence before opens with; not across paragraphs, nor when the sentence
    # names a subject of its own
    ev = code_events(build([
        "Tại buổi lễ, Bộ Ngoại giao Mỹ đã chúc mừng đại lễ. Đồng thời, kêu gọi Hàn Quốc "
        "tiếp tục phát huy truyền thống.",
        "Tại buổi lễ, Bộ Ngoại giao Mỹ đã chúc mừng đại lễ.",
        "Đồng thời, kêu gọi Hàn Quốc tiếp tục phát huy truyền thống.",
    ]))
    one(ev, "REQUEST", line=1, actors=["ORG:dos"], recipients=["GPE:KOR"])
    assert not [e for e in ev if e.line == 3 and e.type == "REQUEST" and e.actors]

