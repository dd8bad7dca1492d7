"""Round 14a: who acts and who receives (roles), on sentences with hand-built mentions.

Each test fails when its rule is taken out (checked against the code before the round)."""

from __future__ import annotations

from thoisu.annotate.events import code_events

from .test_events import GAZ, build, one

GAZ14 = {
    **GAZ,
    "Nguyễn Văn Hùng": ("PER", "PER:nguyễn văn hùng"),
    "Sở Xây dựng tỉnh Bình Định": ("ORG", "ORG:sở xây dựng tỉnh bình định"),
    "UBND tỉnh Bình Định": ("ORG", "ORG:ubnd tỉnh bình định"),
    "Bộ Tài chính": ("ORG", "ORG:bộ tài chính"),
    "Ngân hàng Nhà nước": ("ORG", "ORG:ngân hàng nhà nước"),
    "Tân Phong": ("GPE", "GPE:tân phong"),
    "quận 7": ("GPE", "GPE:quận 7"),
    "TP Hồ Chí Minh": ("GPE", "GPE:VNM:tp.hcm"),
    "Trần Văn Bình": ("PER", "PER:trần văn bình"),
    # the mention finder reads this office as a person's name (a dev error kept on purpose)
    "Thường trực Thành ủy": ("PER", "PER:thường trực thành ủy"),
    "HĐND TP Nha Trang": ("ORG", "ORG:hđnd tp nha trang"),
    "Đảng": ("ORG", "ORG:CPV"),
    "Lê Văn Tám": ("PER", "PER:lê văn tám"),
    "Trang": ("PER", "PER:trang"),
    "Đông Nam Á": ("LOC", "LOC:đông nam á"),
    "Công an TP Biên Hòa": ("ORG", "ORG:công an tp biên hòa"),
    "Vip Lounge": ("LOC", "LOC:vip lounge"),
    "Ban quản lý đường sắt đô thị": ("ORG", "ORG:maur"),
    "Đinh La Thăng": ("PER", "PER:đinh la thăng"),
    "Cục Cảnh sát truy nã tội phạm": ("ORG", "ORG:c07"),
    "Bộ Công an": ("ORG", "ORG:bộ công an"),
    "Công an TP Hồ Chí Minh": ("ORG", "ORG:catp hcm"),
    "Kwon Yonggil": ("PER", "PER:kwon yonggil"),
}


def test_document_verb_opens_no_reported_clause():
    # "ký báo cáo": a report signed, not a reporting verb; the signer proposes, not the
    # body the report went to
    ev = code_events(build(["Ông Nguyễn Văn Hùng - Phó Giám đốc Sở Xây dựng tỉnh Bình Định - vừa "
                            "ký báo cáo gửi UBND tỉnh Bình Định, đồng thời đề xuất phương án xử "
                            "lý cây cầu bị sập."], GAZ14))
    e = one(ev, "REQUEST", actors={"PER:nguyễn văn hùng"})
    assert "ORG:ubnd tỉnh bình định" not in e.actors


def test_semicolon_keeps_two_requests_apart():
    # the same (unnamed) doer asks two bodies for two things: two requests, not one
    ev = code_events(build(["Về lâu dài, Tổ công tác đề xuất với Bộ Tài chính giãn thời hạn nộp "
                            "thuế; đề nghị với lãnh đạo Ngân hàng Nhà nước giảm lãi suất cho vay."],
                           GAZ14))
    reqs = [e for e in ev if e.type == "REQUEST"]
    assert len(reqs) == 2, [(e.actors, e.recipients) for e in reqs]
    assert {tuple(e.recipients) for e in reqs} == {("ORG:bộ tài chính",), ("ORG:ngân hàng nhà nước",)}


def test_place_going_on_an_address_is_no_subject():
    ev = code_events(build(["Trưa 17/5, lực lượng chức năng phát hiện đối tượng tại một khu chung "
                            "cư ở phường Tân Phong, quận 7, TP Hồ Chí Minh, đã triển khai kế hoạch "
                            "và bắt giữ thành công."], GAZ14))
    assert not any("GPE:VNM:tp.hcm" in e.actors for e in ev), [(e.type, e.actors) for e in ev]


def test_titled_name_after_dash_describes_the_person_before():
    ev = code_events(build(["Sáng 31/8, ông Trần Văn Bình - Phó Bí thư Thường trực Thành ủy, Chủ "
                            "tịch HĐND TP Nha Trang đến thăm và trao tặng Huy hiệu 60 năm tuổi "
                            "Đảng cho đảng viên lão thành Lê Văn Tám."], GAZ14))
    # the person acts, and 'cho' + a short description names who is given the badge
    one(ev, "SUPPORT", actors=["PER:trần văn bình"], recipients={"PER:lê văn tám"})


def test_pronoun_after_a_speaker_told_by_role_is_that_speaker():
    ev = code_events(build(["Bà Trang thường xuyên đến cửa hàng gây rối. Hoa hậu Đông Nam Á 2012 "
                            "cho biết, cô sẽ có kiến nghị giám đốc thẩm vì bà Trang đã vi phạm "
                            "hợp đồng."], GAZ14))
    # "cô" is the beauty queen (unnamed), never Trang, the last person named
    assert not any(e.type == "REQUEST" and "PER:trang" in e.actors for e in ev), [
        (e.type, e.actors) for e in ev]


def test_business_place_is_the_one_searched():
    ev = code_events(build(["Công an TP Biên Hòa bất ngờ ập vào kiểm tra quán bar Vip Lounge."],
                           GAZ14))
    one(ev, "COERCE", actors={"ORG:công an tp biên hòa"}, recipients={"LOC:vip lounge"})


def test_body_heard_reporting_is_the_one_asked():
    ev = code_events(build(["Sau khi nghe Ban quản lý đường sắt đô thị báo cáo, ông Đinh La Thăng "
                            "yêu cầu phải đưa dự án vào khai thác sớm."], GAZ14))
    one(ev, "REQUEST", actors={"PER:đinh la thăng"}, recipients={"ORG:maur"})


def test_bare_unit_noun_after_speech_verb_is_the_reporting_body():
    ev = code_events(build(["Ngày 19/5, đại diện Cục Cảnh sát truy nã tội phạm, Bộ Công an cho "
                            "biết, đơn vị phối hợp với Công an TP Hồ Chí Minh vừa bắt giữ Kwon "
                            "Yonggil."], GAZ14))
    one(ev, "COERCE", actors={"ORG:c07"}, recipients={"PER:kwon yonggil"})
