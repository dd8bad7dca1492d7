"""Round 14b: trigger entries, a court's rulings, acts ordered of one's own forces and
distributive group phrases, each coded through the real mention finder."""

from __future__ import annotations

import pytest

from .test_events import _coded, one


@pytest.mark.parametrize(("text", "typ", "key"), [
    # standard legal and news wording the lexicon lacked before round 14b
    ("Sau đó, VKSND tỉnh Quảng Trị đã kháng nghị bản án sơ thẩm của TAND tỉnh Quảng Trị.",
     "REJECT", "ORG:vksnd tỉnh quảng trị"),
    ("Chi cục Thi hành án dân sự quận Ô Môn đã kê biên chiếc xe của ông Phan Bá Tòng.",
     "COERCE", "ORG:chi cục thi hành án dân sự quận ô môn"),
    ("Cảnh sát TP Rio de Janeiro đang săn lùng hơn 30 tên tội phạm.",
     "COERCE", "ORG:cảnh sát tp rio de janeiro"),
])
def test_new_trigger_entries(text: str, typ: str, key: str) -> None:
    ev = _coded([text])
    e = one(ev, typ, line=1)
    assert key in e.actors


def test_staff_disciplined_is_a_sanction() -> None:
    ev = _coded(["Nhiều cán bộ của TAND tỉnh Quảng Ninh và Công an tỉnh Phú Thọ đã bị kỷ luật."])
    one(ev, "SANCTION", line=1)


def test_a_court_rejecting_a_suit_rules_against_the_party() -> None:
    ev = _coded(["Tại phiên xử sơ thẩm, TAND quận 3 đã bác đơn kiện của Diệu Hân."])
    e = one(ev, "COERCE", line=1, actors=["ORG:tand quận 3"])
    assert "PER:diệu hân" in e.recipients
    assert not [x for x in ev if x.type == "REJECT"]  # no refusal between parties


def test_a_party_rejecting_stays_a_refusal() -> None:
    ev = _coded(["Về phía bà Trang cũng đã có đơn bác bỏ các yêu cầu của Diệu Hân trong đơn kiện."])
    one(ev, "REJECT", actors=["PER:trang"])


def test_an_act_ordered_of_ones_own_forces_is_the_orderers() -> None:
    ev = _coded(["Công an tỉnh Cà Mau đã chỉ đạo lực lượng truy bắt nhóm đối tượng hành hung."])
    one(ev, "COERCE", line=1, actors=["ORG:công an tỉnh cà mau"])


def test_an_ordered_ban_replaces_the_order() -> None:
    ev = _coded(["Cục Quản lý Dược đã yêu cầu cấm lưu hành các sản phẩm dầu gội này."])
    one(ev, "SANCTION", line=1, actors=["ORG:cục quản lý dược"])
    assert not [x for x in ev if x.type == "REQUEST"]


def test_an_order_to_a_named_body_stays_a_request() -> None:
    ev = _coded(["UBND tỉnh Cà Mau yêu cầu Công an tỉnh Cà Mau truy bắt các đối tượng."])
    one(ev, "REQUEST", line=1, recipients=["ORG:công an tỉnh cà mau"])


def test_each_of_a_group_stands_for_the_group() -> None:
    ev = _coded(["Quỹ Tấm lòng vàng đã hỗ trợ Bo Tý và Cao Lâm 55 triệu đồng.",
                 "Ngân hàng Nhà nước chi nhánh tỉnh Khánh Hòa cũng đã trao tặng mỗi em 1 sổ tiết kiệm."])
    e = one(ev, "AID", line=2)
    assert {"PER:bo tý", "PER:cao lâm"} & set(e.recipients)


def test_a_prison_term_is_no_fine() -> None:
    ev = _coded(["Hai bị cáo Nguyễn Đại Dương và Nguyễn Thục Anh bị phạt lần lượt 5 năm và 3 năm tù."])
    assert not [x for x in ev if x.type == "SANCTION"]


def test_a_private_party_asking_for_prosecution_prosecutes_no_one() -> None:
    ev = _coded(["Diệu Hân đã kháng cáo đồng thời cũng yêu cầu xử lý hình sự việc bà Trang xúc phạm cô."])
    assert not [x for x in ev if x.type == "COERCE" and "PER:diệu hân" in x.actors]
