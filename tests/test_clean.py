"""Unit tests of the cleaner's features and rules on small synthetic pages written here
(other wordings of the furniture than the seed pages use)."""

from __future__ import annotations

import hashlib

from tests.conftest import page_from_text
from thoisu.clean import classify_lines, extract_articles
from thoisu.clean.dateline import date_in_dateline, parse_date, parse_meta_date
from thoisu.clean.lines import build_lines, is_caption
from thoisu.clean.metadata import outlet_from_follow, parse_byline, parse_credit, split_dateline
from thoisu.models import Page, SourceLine

P1 = ("Chính phủ thông qua đề án phát triển giao thông đô thị với tổng vốn đầu tư hơn 20.000 tỷ "
      "đồng trong giai đoạn tới, theo thông báo của Văn phòng Chính phủ chiều qua.")
P2 = ("Theo đề án, thành phố sẽ xây dựng thêm ba tuyến đường sắt đô thị, mở rộng mạng lưới xe buýt "
      "nhanh và cải tạo hàng loạt nút giao thông thường xuyên ùn tắc vào giờ cao điểm.")
P3 = ("Các chuyên gia cho rằng việc huy động vốn từ khu vực tư nhân sẽ là yếu tố quyết định, bởi "
      "ngân sách nhà nước chỉ đáp ứng được khoảng một phần ba nhu cầu trong những năm tới.")
P4 = ("Bộ Giao thông vận tải được giao chủ trì, phối hợp với các địa phương rà soát quy hoạch, "
      "đề xuất cơ chế đặc thù và báo cáo kết quả trước cuối quý ba năm nay.")
Q1 = ("Đội tuyển bóng chuyền nữ giành chiến thắng thuyết phục trước đối thủ trong trận chung kết "
      "tối qua, qua đó lần thứ ba liên tiếp bước lên ngôi vô địch khu vực.")
Q2 = ("Huấn luyện viên trưởng cho biết các cầu thủ đã tập luyện rất chăm chỉ suốt ba tháng qua và "
      "chiến thắng này là phần thưởng xứng đáng cho nỗ lực của cả tập thể.")
Q3 = ("Sau giải đấu, đội sẽ có hai tuần nghỉ ngơi trước khi hội quân chuẩn bị cho vòng loại giải "
      "vô địch châu lục dự kiến diễn ra vào mùa thu năm sau tại nước chủ nhà.")


def _lines(text: str):
    return build_lines(page_from_text(text))


def _kept(arts) -> list[str]:
    return [p.text for a in arts for p in a.paragraphs]


# --------------------------------------------------------------------------- features


def test_doubled_headline_and_timestamp_lines():
    head = "Giá vàng hôm nay tăng mạnh phiên đầu tuần"
    ls = _lines(f"{head}{head}\n08:15 03/04/2023\nCập nhật lúc 9:30, Thứ Ba 04/04/2023\n2 giờ trước")
    assert ls[0].doubled
    assert all(ln.date_line for ln in ls[1:])


def test_captions_in_other_wordings():
    assert is_caption("Lực lượng cứu hộ tại hiện trường. Ảnh: Reuters", 7)
    assert is_caption("Toàn cảnh phiên họp (Ảnh minh hoạ)", 6)
    assert is_caption("Hình 3: Bản đồ khu vực", 5)
    assert is_caption("Đoàn xe trên cao tốc - Ảnh 2", 7)
    assert not is_caption(P1, len(P1.split()))


def test_headers_widgets_and_footers():
    ls = _lines("Bài viết cùng chủ đề\nChia sẻ qua Zalo\nTải ứng dụng để đọc tin nhanh\n"
                "© 2024 Báo Mẫu. Giữ bản quyền\nĐiện thoại: 028 3822 0000\nĐiện thoại thông minh bán chạy nhất quý")
    assert ls[0].header
    assert ls[1].widget and ls[2].widget
    assert ls[3].footer and ls[4].footer
    assert not ls[5].footer  # a contact word in a headline is not a footer


def test_title_like_shape():
    ls = _lines("Hà Nội mở thêm ba tuyến xe buýt điện\n" + P1 + "\nXem chi tiết tại đây...")
    assert ls[0].title_like
    assert not ls[1].title_like
    assert ls[2].teaser and not ls[2].title_like


# --------------------------------------------------------------------------- metadata


def test_credits_and_bylines():
    assert parse_credit("Theo Kyodo") == "Kyodo"
    assert parse_credit("Nguồn tin: Bộ Y tế") == "Bộ Y tế"
    assert parse_credit("(Tổng hợp theo AFP, CNN)") == "AFP, CNN"
    assert parse_credit("Theo báo Tuổi Trẻ") == "Tuổi Trẻ"
    assert parse_credit("Theo dõi chúng tôi trên Zalo") is None
    assert parse_credit("Theo ông Hùng, dự án sẽ hoàn thành trong năm nay.") is None
    assert parse_byline("Hoài Thu") == ("Hoài Thu", None)
    assert parse_byline("Ngọc Mai - Quốc Tuấn") == ("Ngọc Mai - Quốc Tuấn", None)
    assert parse_byline("Lan Chi (theo AP)") == ("Lan Chi", "AP")
    assert parse_byline("Tác giả: Đình Phong") == ("Đình Phong", None)
    assert parse_byline("Đúng") is None
    assert parse_byline("Hà Nội mở thêm ba tuyến xe buýt") is None


def test_dateline_prefixes():
    assert split_dateline("NLĐO - " + P1)[:2] == ("NLĐO", P1)
    assert split_dateline("(Báo Mẫu) – " + P1)[:2] == ("Báo Mẫu", P1)
    assert split_dateline("ĐÀ NẴNG (TTXVN) - " + P1)[:2] == ("TTXVN", P1)
    assert split_dateline("baomau.vn - " + P1)[:2] == ("baomau.vn", P1)
    assert split_dateline("Nga - Mỹ nối lại đối thoại chiến lược sau nhiều tháng")[0] is None
    out, _, prefix = split_dateline("Đà Nẵng, 14/3 (TTXVN) - " + P1)
    assert out == "TTXVN" and date_in_dateline(prefix).value == "XXXX-03-14"


def test_follow_prompt_outlet():
    assert outlet_from_follow("Hãy theo dõi BaoMau trên Google News") == "BaoMau"
    assert outlet_from_follow("Theo dõi chúng tôi trên Facebook") is None


def test_dates():
    assert parse_date("Thứ Sáu, 20/05/2016 - 11:03").value == "2016-05-20"
    assert parse_date("ngày 7 tháng 9 năm 2021").value == "2021-09-07"
    assert parse_meta_date("2017-07-22T08:00:00+07:00").value == "2017-07-22"
    assert parse_meta_date("Thứ 6, 11:03, 20/05/2016").value == "2016-05-20"
    assert parse_meta_date(None) is None


# --------------------------------------------------------------------------- pages


def test_related_block_with_unlisted_shape_dropped():
    text = "\n".join([
        "Thông qua đề án giao thông đô thị 20.000 tỷ đồng", "", P1, "", P2, "", P3, "",
        "Hoài Thu", "",
        "Bài viết cùng chủ đề", "",
        "Xe buýt điện chạy thử trên tuyến mới", "09:12 01/03/2024",
        "Cầu vượt nút giao phía tây thông xe", "07:40 28/02/2024",
        "Khởi công tuyến metro số hai sau nhiều năm chờ đợi", "16:05 27/02/2024",
    ])
    arts = extract_articles(page_from_text(text))
    assert len(arts) == 1
    a = arts[0]
    assert a.title == "Thông qua đề án giao thông đô thị 20.000 tỷ đồng" and a.title_line == 1
    assert a.author == "Hoài Thu"
    assert [p.text for p in a.paragraphs] == [P1, P2, P3]
    assert a.published is None  # list timestamps are not this article's date


def test_inserted_block_between_paragraphs_and_body_resumes():
    text = "\n".join([
        "Thông qua đề án giao thông đô thị", P1,
        "Đọc thêm:", "Khởi công tuyến metro số hai sau nhiều năm chờ đợi",
        P2, P3, "Quảng cáo", P4, "Theo Báo Mẫu",
    ])
    arts = extract_articles(page_from_text(text))
    assert len(arts) == 1
    assert _kept(arts) == [P1, P2, P3, P4]
    assert arts[0].via == "Báo Mẫu"


def test_lone_inserted_headline_dropped_but_subheadings_kept():
    insert = "Xe buýt điện chạy thử trên tuyến mới ở ngoại thành?"
    arts = extract_articles(page_from_text("\n".join([P1, P2, insert, P3, P4])))
    assert insert not in _kept(arts) and len(_kept(arts)) == 4
    sub1, sub2 = "Vốn tư nhân là chìa khóa", "Cơ chế đặc thù cho địa phương"
    arts = extract_articles(page_from_text("\n".join(["Đề án giao thông đô thị được thông qua", P1, sub1, P2, P3, sub2, P4])))
    assert sub1 in _kept(arts) and sub2 in _kept(arts)


def test_title_repeated_between_paragraphs_dropped():
    t = "Ngắm mùa hoa ban nở trắng núi rừng Tây Bắc"
    text = "\n".join([t, P1, t, P2, t, P3, t, t])
    arts = extract_articles(page_from_text(text))
    assert len(arts) == 1 and arts[0].title == t and arts[0].title_line == 1
    assert _kept(arts) == [P1, P2, P3]


def test_two_articles_split_at_signature():
    text = "\n".join([
        "Thông qua đề án giao thông đô thị", "", P1, "", P2, "", P3, "", "Ngọc Mai", "Nguồn: Báo Mẫu", "",
        "Bóng chuyền nữ lần thứ ba liên tiếp vô địch khu vực", "", Q1, "", Q2, "", Q3, "",
        "Quốc Tuấn (theo Kyodo)", "",
        "Bình luận của bạn", "Tin khác", "Giá vàng hôm nay tăng mạnh", "Thời tiết cuối tuần",
    ])
    arts = extract_articles(page_from_text(text, path="two.txt"))
    assert len(arts) == 2
    a, b = arts
    assert (a.title, a.author, a.via) == ("Thông qua đề án giao thông đô thị", "Ngọc Mai", "Báo Mẫu")
    assert (b.title, b.author, b.via) == ("Bóng chuyền nữ lần thứ ba liên tiếp vô địch khu vực", "Quốc Tuấn", "Kyodo")
    assert [p.text for p in b.paragraphs] == [Q1, Q2, Q3]
    assert a.id.endswith("-0") and b.id.endswith("-1") and a.page == "two.txt"


def test_navigation_before_title_and_date_line_under_it():
    text = "\n".join([
        "Trang chủ", "Thời sự", "Thời sự | Giao thông | Đô thị",
        "Thông qua đề án giao thông đô thị", "Thứ Hai, 04/03/2024 - 10:20", "Hoài Thu",
        P1, P2, P3,
        "Có thể bạn quan tâm", "Giá vàng hôm nay tăng mạnh", "03/05/2026 10:00",
    ])
    arts = extract_articles(page_from_text(text))
    assert len(arts) == 1
    a = arts[0]
    assert a.title_line == 4 and a.author == "Hoài Thu"
    assert a.published.value == "2024-03-04" and a.published.text == "04/03/2024"
    assert [p.line for p in a.paragraphs] == [7, 8, 9]


def test_dateline_outlet_stripped_and_line_kept():
    text = "\n".join(["Thông qua đề án giao thông đô thị", "", "HNM - " + P1, "", P2])
    a = extract_articles(page_from_text(text))[0]
    assert a.outlet == "HNM"
    assert a.paragraphs[0].text == P1 and a.paragraphs[0].line == 3


def test_follow_prompt_gives_outlet_when_nothing_else_does():
    text = "\n".join(["Thông qua đề án giao thông đô thị", "Theo dõi BaoMau trên", P1, P2])
    a = extract_articles(page_from_text(text))[0]
    assert a.outlet == "BaoMau"
    assert "Theo dõi BaoMau trên" not in _kept([a])


def test_jsonl_meta_is_trusted():
    lines = [SourceLine(P1, 3), SourceLine(P2, 3)]
    page = Page(path="x.jsonl", lines=lines, sha=hashlib.sha256(b"x").hexdigest(), fmt="jsonl",
                meta={"title": "Đề án giao thông", "published": "2019-10-02", "outlet": "Báo Mẫu"}, record=2)
    a = extract_articles(page)[0]
    assert a.title == "Đề án giao thông" and a.title_line is None
    assert a.published.value == "2019-10-02" and a.outlet == "Báo Mẫu"
    assert [p.text for p in a.paragraphs] == [P1, P2]


def test_html_meta_title_found_in_lines():
    lines = [SourceLine("Thông qua đề án giao thông đô thị", 12), SourceLine(P1, 14), SourceLine("Tin liên quan", 20),
             SourceLine("Khởi công tuyến metro số hai", 21), SourceLine(P2, 15)]
    page = Page(path="x.html", lines=lines, sha="ab" * 32, fmt="html",
                meta={"title": "Thông qua đề án giao thông đô thị", "sitename": "baomau.vn", "author": "Hoài Thu"})
    a = extract_articles(page)[0]
    assert a.title_line == 12 and a.outlet == "baomau.vn" and a.author == "Hoài Thu"
    assert [p.line for p in a.paragraphs] == [14, 15]


def test_nfc_text_and_no_merge():
    decomposed = "Hà Nội".encode().decode()  # already NFC; build an NFD one
    import unicodedata
    nfd = unicodedata.normalize("NFD", P1)
    a = extract_articles(page_from_text("\n".join([nfd, P2])))[0]
    assert a.paragraphs[0].text == P1 and a.paragraphs[0].line == 1
    assert len(a.paragraphs) == 2 and decomposed


def test_empty_and_furniture_only_pages():
    assert extract_articles(page_from_text("")) == []
    assert extract_articles(page_from_text("Chia sẻ\nBình luận (3)\nTin mới nhất")) == []


def test_flags_explain_decisions():
    lines, title_idx = classify_lines(page_from_text("Tin đọc nhiều\nGiá vàng hôm nay tăng mạnh\n" + P1))
    assert "header" in lines[0].flags
    assert title_idx is None


# --------------------------------------------------------------------------- A2 fixes


def test_menu_with_arrow_separators_is_not_the_title():
    head = "Thành phố thông qua đề án giao thông đô thị hơn 20.000 tỷ đồng"
    text = (f"Đời sống ▸ Kinh tế ▸ Thể thao ▸ Văn hóa\nXã hội ▾ Pháp luật ▾ Giáo dục\n{head}\n{P1}\n{P2}\n{P3}\n"
            "Hoàng Minh")
    arts = extract_articles(page_from_text(text))
    assert [a.title for a in arts] == [head]


def test_tag_lines_are_furniture_and_start_no_article():
    head = "Thành phố thông qua đề án giao thông đô thị hơn 20.000 tỷ đồng"
    text = (f"{head}\n{P1}\n{P2}\n{P3}\nThẻ: giao thông đô thị, đường sắt, xe buýt nhanh\n"
            f"Hoàng Minh\nTừ khóa liên quan: quy hoạch, vốn tư nhân\n{Q1}\n{Q2}\n{Q3}")
    ls, _ = classify_lines(page_from_text(text))
    assert {"tags"} <= next(ln for ln in ls if ln.text.startswith("Thẻ:")).flags
    arts = extract_articles(page_from_text(text))
    assert all(not (a.title or "").startswith(("Thẻ", "Từ khóa")) for a in arts)
    assert not any(p.startswith(("Thẻ", "Từ khóa")) for p in _kept(arts))


def test_prefixed_bylines_give_the_bare_name():
    assert parse_byline("By Minh Anh") == ("Minh Anh", None)
    assert parse_byline("Bởi Thu Hằng") == ("Thu Hằng", None)
    assert parse_byline("PV Quốc Dũng") == ("Quốc Dũng", None)
    assert parse_byline("Viết bởi Trần Thu Hà") == ("Trần Thu Hà", None)
    assert parse_byline("Bởi vì trời mưa") is None


def test_poll_answers_are_not_authors():
    head = "Thành phố thông qua đề án giao thông đô thị hơn 20.000 tỷ đồng"
    text = (f"{head}\n{P1}\n{P2}\n{P3}\nHoàng Minh\nBạn ủng hộ phương án nào?\nĐồng Ý\nPhản Đối\nChưa Rõ\n"
            "Ai chơi hay nhất?\nNguyễn Văn An\nTrần Thị Bình")
    arts = extract_articles(page_from_text(text))
    assert [a.author for a in arts] == ["Hoàng Minh"]


def test_body_resumes_after_an_inline_related_box_with_a_subheading():
    head = "Thành phố thông qua đề án giao thông đô thị hơn 20.000 tỷ đồng"
    long3 = P3 + " Nguồn vốn này cũng cần được giải ngân đúng tiến độ để tránh lãng phí."
    text = (f"{head}\n{P1}\n{P2}\nTin liên quan:\n» Đội tuyển bóng chuyền nữ vô địch khu vực lần thứ ba\n"
            f"» Giá vàng hôm nay tăng mạnh phiên đầu tuần\n{long3}\nVốn tư nhân là then chốt\n{P4}\n{Q2}\nHoàng Minh")
    arts = extract_articles(page_from_text(text))
    kept = _kept(arts)
    assert long3 in kept and P4 in kept and Q2 in kept
    assert not any("bóng chuyền" in p or "Giá vàng" in p for p in kept)


def test_card_or_keyword_text_is_not_a_tag_line():
    ls = _lines("Thẻ Bảo hiểm Y tế - VssID\nTừ khóa tìm kiếm phổ biến nhất năm là gì\nThẻ Vải thiều / Giá nông sản / Xuất khẩu")
    from thoisu.clean.furniture import mark_rules
    mark_rules(ls)
    assert "tags" not in ls[0].flags and "tags" not in ls[1].flags
    assert "tags" in ls[2].flags


def test_title_is_the_headline_sharing_words_with_the_lead():
    teaser = "Đội tuyển bóng chuyền nữ lần thứ ba vô địch khu vực"
    head = "Chính phủ thông qua đề án giao thông đô thị hơn 20.000 tỷ đồng"
    text = f"Thời sự\n{teaser}\n{head}\n{P1}\n{P2}\n{P3}\nHoàng Minh"
    arts = extract_articles(page_from_text(text))
    assert [a.title for a in arts] == [head]


def test_lone_subheading_announcing_its_paragraph_is_kept_lone_insert_is_not():
    head = "Thành phố thông qua đề án giao thông đô thị hơn 20.000 tỷ đồng"
    sub = "Huy động vốn từ khu vực tư nhân"
    text = f"{head}\n{P1}\n{P2}\n{sub}\n{P3}\n{P4}\nHoàng Minh"
    assert sub in _kept(extract_articles(page_from_text(text)))
    ins = "Đội tuyển bóng chuyền nữ lần thứ ba vô địch khu vực"
    text = f"{head}\n{P1}\n{P2}\n{ins}\n{P3}\n{P4}\nHoàng Minh"
    assert ins not in _kept(extract_articles(page_from_text(text)))


# --------------------------------------------------------------------------- issue 11

HEAD_A = "Thành phố thông qua đề án giao thông đô thị hơn 20.000 tỷ đồng"
HEAD_B = "Đội tuyển bóng chuyền nữ lần thứ ba liên tiếp vô địch khu vực"


def test_title_between_breadcrumb_and_timestamp_under_a_header_block():
    text = (f"Tin nóng\nTìm kiếm\nTrang chủ | Thời sự | Thế giới | Kinh doanh | Giải trí | Thể thao | Pháp luật\n"
            f"Thời sự » Giao thông\n{HEAD_A}\nĐăng lúc 07:30 - 18/09/2022\n{P1}\n{P2}\n{P3}")
    arts = extract_articles(page_from_text(text))
    assert [a.title for a in arts] == [HEAD_A]
    assert _kept(arts) == [P1, P2, P3]


def test_repeated_sapo_keeps_its_first_copy_and_the_article():
    text = f"{HEAD_A}\n18/09/2022 07:30\n{P1}\n{P1}\n{P2}\n{P3}\n{P4}"
    arts = extract_articles(page_from_text(text))
    assert [a.title for a in arts] == [HEAD_A]
    assert _kept(arts) == [P1, P2, P3, P4]


def test_second_article_without_any_signature_is_split_off():
    # no byline or credit anywhere: the second headline opens a text on another subject
    text = f"{HEAD_A}\n{P1}\n{P2}\n{P3}\n{P4}\n{HEAD_B}\n{Q1}\n{Q2}\n{Q3}\nBình luận (0)"
    arts = extract_articles(page_from_text(text))
    assert [a.title for a in arts] == [HEAD_A, HEAD_B]
    assert [p.text for p in arts[1].paragraphs] == [Q1, Q2, Q3]


def test_headline_with_its_own_date_line_opens_an_article_on_the_same_subject():
    head2 = "Đề án giao thông đô thị được trình Quốc hội vào kỳ họp tới"
    text = f"{HEAD_A}\n{P1}\n{P2}\n{head2}\n20/05/2016 08:15\n{P3}\n{P4}"
    arts = extract_articles(page_from_text(text))
    assert [a.title for a in arts] == [HEAD_A, head2]


def test_no_article_is_lost_the_best_guess_is_flagged_low_quality():
    # everything here looks like furniture to the rules: a paragraph shown twice with
    # nothing after it, and three short lines
    arts = extract_articles(page_from_text(f"{P1}\n{P1}"))
    assert len(arts) == 1 and arts[0].quality == "low"
    assert _kept(arts) == [P1]
    arts = extract_articles(page_from_text("Mưa lớn kéo dài\nNhiều tuyến phố ngập sâu\nGiao thông tê liệt"))
    assert len(arts) == 1 and arts[0].quality == "low" and arts[0].paragraphs


def test_a_clean_article_is_not_flagged_low_quality():
    arts = extract_articles(page_from_text(f"{HEAD_A}\n{P1}\n{P2}\n{P3}"))
    assert [a.quality for a in arts] == [None]


def test_headlines_with_teasers_below_an_unsigned_article_are_a_list():
    # no heading names the list and no signature closes the article
    items = [("Giá vàng hôm nay tăng mạnh phiên thứ ba liên tiếp",
              ("Giá vàng miếng trong nước tiếp tục tăng thêm nửa triệu đồng mỗi lượng sáng nay, đưa mức "
               "chênh lệch với giá thế giới lên cao nhất trong nhiều tháng qua, theo các doanh nghiệp.")),
             ("Mưa lớn gây ngập nhiều tuyến phố ở miền Trung",
              ("Nhiều tuyến phố chìm trong biển nước sau trận mưa kéo dài suốt đêm qua, hàng trăm hộ dân "
               "phải di dời tài sản lên cao và học sinh được nghỉ học trong ngày hôm nay.")),
             ("Ca sĩ nổi tiếng tổ chức đêm nhạc gây quỹ từ thiện",
              ("Đêm nhạc quy tụ nhiều nghệ sĩ và thu về hơn hai tỷ đồng cho trẻ em vùng cao, số tiền sẽ "
               "được dùng để xây thêm phòng học và mua áo ấm trước mùa đông năm nay."))]
    text = f"{HEAD_A}\n{P1}\n{P2}\n{P3}\n" + "\n".join(f"{h}\n2 giờ trước\n{t}" for h, t in items)
    arts = extract_articles(page_from_text(text))
    assert [a.title for a in arts] == [HEAD_A]
    assert _kept(arts) == [P1, P2, P3]


def test_lead_without_full_stop_is_not_the_title():
    lead = ("Thành phố sẽ xây thêm ba tuyến đường sắt đô thị và mở rộng mạng lưới xe buýt nhanh "
            "trong giai đoạn tới theo đề án vừa được thông qua")
    text = f"Tìm kiếm\nHotline: 0912 345 678\nTrang chủ » Thời sự\n{HEAD_A}\n18/09/2022 07:30\n{lead}\n{P1}\n{P2}\n{P3}"
    arts = extract_articles(page_from_text(text))
    assert [a.title for a in arts] == [HEAD_A]
    assert _kept(arts)[0] == lead


def test_byline_with_the_outlet_after_a_slash_or_dash():
    assert parse_byline("Thu Hà/VOV.VN") == ("Thu Hà", "VOV.VN")
    assert parse_byline("Hồng Nhung/Tân Hoa Xã") == ("Hồng Nhung", "Tân Hoa Xã")
    assert parse_byline("Ngọc Lan - Bloomberg") == ("Ngọc Lan", "Bloomberg")
    assert parse_byline("Thu Hà - Minh Anh") == ("Thu Hà - Minh Anh", None)  # two writers
    assert parse_byline("Thế giới / Quân sự") is None
    # a signature closes the article: the next headline opens the second one
    text = f"{HEAD_A}\n{P1}\n{P2}\n{P3}\nThu Hà/VOV.VN\n{HEAD_B}\n{Q1}\n{Q2}\n{Q3}"
    assert [a.title for a in extract_articles(page_from_text(text))] == [HEAD_A, HEAD_B]


def test_writer_and_photos_line_is_a_byline_and_a_rights_headline_no_footer():
    assert parse_byline("Bài và ảnh: Ngô Mai Phương") == ("Ngô Mai Phương", None)
    assert not is_caption("Bài và ảnh: Ngô Mai Phương", 5)
    head2 = "Đài truyền hình có bản quyền giải bóng chuyền nữ khu vực"
    text = (f"{HEAD_A}\n{P1}\n{P2}\n{P3}\nBài và ảnh: Ngô Mai Phương\nTin tiếp theo\n{head2}\n"
            f"00:25 | 22/07/2018\n{Q1}\n{Q2}\n{Q3}\n© Bản quyền thuộc về Báo Thử. Giấy phép số 12/GP-BTTTT")
    arts = extract_articles(page_from_text(text))
    assert [a.title for a in arts] == [HEAD_A, head2]
    assert arts[0].author == "Ngô Mai Phương"
    assert not any("Tin tiếp theo" in p or "Giấy phép" in p for p in _kept(arts))


def test_headline_under_a_lone_header_line_with_its_date_and_a_player_before_the_lead():
    for top in ("Tin nổi bật", "Đường dây nóng: 0243 888 999"):
        text = f"{top}\n{HEAD_A}\n16.09.2023 | 10:15 GMT+7\nTự động phát\n{P1}\n{P2}\n{P3}"
        arts = extract_articles(page_from_text(text))
        assert [a.title for a in arts] == [HEAD_A]
        assert _kept(arts) == [P1, P2, P3]


def test_next_article_label_and_a_shared_signature():
    d = "20/05/2016 08:15"
    for label, sig, second in (("Bài viết tiếp theo", "", f"{HEAD_B}\n{d}"),   # unsigned, dated
                               ("Bài tiếp theo", "", HEAD_B),                    # unsigned, undated
                               ("Xem tiếp", "", f"{d}\n{HEAD_B}"),               # a block heading
                               ("Bài tiếp theo", "Minh Anh\n", HEAD_B)):         # same writer twice
        text = f"{HEAD_A}\n{d}\n{P1}\n{P2}\n{P3}\n{P4}\n{sig}{label}\n{second}\n{Q1}\n{Q2}\n{Q3}\nMinh Anh"
        arts = extract_articles(page_from_text(text))
        assert [a.title for a in arts] == [HEAD_A, HEAD_B], (label, sig, second)
        assert [p.text for p in arts[1].paragraphs] == [Q1, Q2, Q3]
        assert label not in _kept(arts)


def test_follow_us_on_a_platform_is_a_widget_and_the_headline_above_it_the_title():
    from thoisu.clean.lines import is_widget, line_key
    assert is_widget(line_key("Báo Lam Sơn Điện tử trên Zalo"), 7)
    assert not is_widget(line_key("Người dân phản ánh trên Zalo của phường về tình trạng ngập"), 12)
    for top in ("Tin nổi bật", "Đường dây nóng: 0243 888 999", "Hotline: 0912 345 678\nTrang chủ » Thời sự"):
        for mid in ("Báo Lam Sơn Điện tử trên Zalo", "Chia sẻ bài viết:", "Nghe bài viết 🔊"):
            text = f"{top}\n{HEAD_A}\n{mid}\n{P1}\n{P2}\n{P3}"
            arts = extract_articles(page_from_text(text))
            assert [a.title for a in arts] == [HEAD_A], (top, mid)
            assert _kept(arts) == [P1, P2, P3]


def test_same_date_line_under_two_articles_does_not_cut_the_second():
    d = "Thứ bảy, 16/09/2023 | 10:15"
    text = "\n".join([HEAD_A, P1, d, P2, P3, P4, "Minh Anh", "Bài viết tiếp theo", HEAD_B, Q1, d, Q2, Q3,
                      "Tin liên quan", "Giá vàng hôm nay tăng mạnh phiên thứ ba liên tiếp"])
    arts = extract_articles(page_from_text(text))
    assert [a.title for a in arts] == [HEAD_A, HEAD_B]
    assert [p.text for p in arts[1].paragraphs] == [Q1, Q2, Q3]


def test_untitled_page_under_a_site_header_keeps_its_lead_and_takes_no_menu_as_title():
    lead = "HÀ NỘI - " + P1
    for top in ("Hotline: 0912 345 678\nThế giới » Quân sự\nCỡ chữ", "Liên hệ quảng cáo\nHome  Thời sự  Thế giới  Kinh doanh"):
        arts = extract_articles(page_from_text(f"{top}\n{lead}\n{lead}\n{P2}\n{P3}\n{P4}"))
        assert [a.title for a in arts] == [None]
        assert _kept(arts)[1:] == [P2, P3, P4] and P1 in _kept(arts)[0]


def test_live_blog_with_a_repeated_sapo_keeps_its_lead():
    text = "\n".join(["TRỰC TIẾP: " + HEAD_A, P1, P1, "10:35", P2, "11:02", P3, "12:40", P4])
    arts = extract_articles(page_from_text(text))
    assert [a.title for a in arts] == ["TRỰC TIẾP: " + HEAD_A]
    assert _kept(arts) == [P1, P2, P3, P4]


def test_a_two_paragraph_lead_printed_twice_keeps_one_copy():
    arts = extract_articles(page_from_text("\n".join([HEAD_A, P1, P2, P1, P2, P3, P4])))
    assert [a.title for a in arts] == [HEAD_A]
    assert _kept(arts) == [P1, P2, P3, P4]


def test_inline_related_box_mid_article_splits_nothing_even_dated():
    for box in (["Tin liên quan", HEAD_B], ["Tin liên quan", HEAD_B, "12/05/2019"]):
        arts = extract_articles(page_from_text("\n".join([HEAD_A, P1, P2, *box, P3, P4])))
        assert [a.title for a in arts] == [HEAD_A]
        assert _kept(arts) == [P1, P2, P3, P4]


def test_source_in_brackets_is_a_credit_not_a_caption_and_closes_the_article():
    assert parse_credit("(Nguồn: VnExpress)") == "VnExpress" and not is_caption("(Nguồn: VnExpress)", 2)
    related = ["Có thể bạn quan tâm", "Giá vàng hôm nay tăng mạnh phiên thứ ba liên tiếp", "2 giờ trước",
               "Mưa lớn gây ngập nhiều tuyến phố ở miền Trung", "3 ngày trước"]
    text = "\n".join([HEAD_A, P1, P2, P3, "(Nguồn: VnExpress)", *related, HEAD_B, "Tuấn Kiệt", Q1, Q2, Q3])
    arts = extract_articles(page_from_text(text))
    assert [(a.title, a.via) for a in arts] == [(HEAD_A, "VnExpress"), (HEAD_B, None)]
    assert [p.text for p in arts[1].paragraphs] == [Q1, Q2, Q3]


def test_read_more_links_and_repeated_captions_do_not_cut_or_open_articles():
    for ins in ("XEM THÊM: Giá vàng hôm nay tăng mạnh phiên thứ ba", "► Giá vàng hôm nay tăng mạnh phiên thứ ba",
                "Hình minh họa", "Người dân theo dõi diễn biến. (Ảnh: Reuters)"):
        parts = [HEAD_A, P1, P2, ins, P3, P4, "Theo Reuters", HEAD_B, Q1, ins, Q2, Q3, "Minh Anh"]
        arts = extract_articles(page_from_text("\n".join(parts)))
        assert [a.title for a in arts] == [HEAD_A, HEAD_B], ins
        assert [p.text for p in arts[1].paragraphs] == [Q1, Q2, Q3], ins
        assert ins not in _kept(arts)


def test_bylines_with_time_translator_and_summary_marks():
    assert parse_byline("Việt Dũng - Thứ Tư, 17/11/2023 | 00:19") == ("Việt Dũng", None)
    assert parse_byline("Bởi Thu Hằng, 01:12 ngày 09/06/2016") == ("Thu Hằng", None)
    assert parse_byline("Lược dịch: Đỗ Thanh Hương") == ("Đỗ Thanh Hương", None)
    assert parse_byline("Quang Huy (t/h)") == ("Quang Huy", None)
    assert parse_byline("Bài: Bảo Châu - Ảnh: Văn Nam") == ("Bảo Châu", None)
    assert not is_caption("Bài: Bảo Châu - Ảnh: Văn Nam", 7)
    # a place or the site's date bar is no writer
    assert parse_byline("Hà Nội, 19/12/2020") is None
    assert parse_byline("Thứ Năm, 19/12/2020 - 07:30") is None


def test_unsigned_article_then_one_with_writer_and_time_under_its_headline():
    text = "\n".join([
        "Thông qua đề án giao thông đô thị", "Hoài Thu - 04/03/2024 10:20", P1, P2, P3,
        "Bóng chuyền nữ lần thứ ba liên tiếp vô địch khu vực", "Bởi Quốc Tuấn, 08:05 ngày 05/03/2024",
        Q1, Q2, Q3,
    ])
    arts = extract_articles(page_from_text(text))
    assert [(a.title, a.author) for a in arts] == [
        ("Thông qua đề án giao thông đô thị", "Hoài Thu"),
        ("Bóng chuyền nữ lần thứ ba liên tiếp vô địch khu vực", "Quốc Tuấn")]
    assert _kept(arts) == [P1, P2, P3, Q1, Q2, Q3]


def test_media_story_headline_is_no_caption():
    head = "Video: Thành phố thông qua đề án giao thông đô thị"
    arts = extract_articles(page_from_text("\n".join(["Trang chủ | Thời sự | Thế giới", head, "Chia sẻ", P1, P2,
                                                      "Ảnh: Người dân xếp hàng chờ xe buýt", P3])))
    assert [a.title for a in arts] == [head]
    assert _kept(arts) == [P1, P2, P3]  # the caption between paragraphs still goes


def test_next_article_label_splits_unsigned_articles_on_other_subjects():
    text = "\n".join([
        "Thông qua đề án giao thông đô thị", P1, P2, P3, P4, "Tin tiếp theo",
        "Lập biên bản huấn luyện viên vì phát ngôn gây tranh cãi", Q1, Q2, Q3,
    ])
    arts = extract_articles(page_from_text(text))
    assert [a.title for a in arts] == ["Thông qua đề án giao thông đô thị",
                                       "Lập biên bản huấn luyện viên vì phát ngôn gây tranh cãi"]
    assert _kept(arts) == [P1, P2, P3, P4, Q1, Q2, Q3]


def test_headline_found_above_unknown_widget_lines():
    # widget texts of no word list, headline-shaped but shorter than a headline
    head = "Thành phố thông qua đề án giao thông đô thị hơn 20.000 tỷ đồng"
    text = "\n".join(["Thời sự » Giao thông", head, "Nghe đọc tin này", "Góc nhỏ bạn đọc", "Lưu lại xem sau",
                      "Đăng lúc 07:30 - 18/09/2022", P1, P2, P3])
    arts = extract_articles(page_from_text(text))
    assert [a.title for a in arts] == [head]
    assert _kept(arts) == [P1, P2, P3]


def test_menus_with_unnamed_separators_and_date_lines_with_outlet_or_writer():
    head = "Thành phố thông qua đề án giao thông đô thị hơn 20.000 tỷ đồng"
    text = "\n".join(["Trang chủ :: Thời sự :: Thế giới :: Kinh doanh", "Thời sự ◆ Giao thông ◆ Đô thị",
                      "07:30 18/09/2022 | Báo Mẫu", head, "Đăng lúc 07:30 - 18/09/2022 bởi Thu Hà", P1, P2, P3])
    ls = _lines(text)
    assert ls[2].date_line and ls[4].date_line and not ls[3].date_line
    assert _lines("18 Tháng Chín, 2022\nSeptember 18, 2022")[0].date_line
    arts = extract_articles(page_from_text(text))
    assert [a.title for a in arts] == [head]
    assert _kept(arts) == [P1, P2, P3]


def test_photo_counters_are_captions_and_a_sapo_cut_short_printed_twice_keeps_one_copy():
    assert is_caption("Phương tiện xếp hàng dài trên tuyến đường. (1/8)", 9)
    assert is_caption("Toàn cảnh buổi lễ. Ảnh 2/6", 6)
    assert not is_caption("Giá xăng tăng từ ngày 1/8", 6)
    sapo = P1[:-1] + "..."
    arts = extract_articles(page_from_text("\n".join(
        ["Thông qua đề án giao thông đô thị", sapo, sapo, P2, "Người dân theo dõi diễn biến. (2/3)", P3])))
    assert _kept(arts) == [sapo, P2, P3]


def test_next_article_label_above_a_kicker_goes_with_the_split():
    text = "\n".join([
        "Thông qua đề án giao thông đô thị", P1, P2, P3, P4, "Tin tiếp theo", "VIDEO",
        "Lập biên bản huấn luyện viên vì phát ngôn gây tranh cãi", Q1, Q2, Q3,
    ])
    arts = extract_articles(page_from_text(text))
    assert len(arts) == 2
    assert _kept(arts) == [P1, P2, P3, P4, Q1, Q2, Q3]


def test_bylines_of_more_shapes():
    assert parse_byline("Thu Hà - Minh Anh - Quang Huy") == ("Thu Hà - Minh Anh - Quang Huy", None)
    assert parse_byline("Thu Hà | Báo Mẫu") == ("Thu Hà", "Báo Mẫu")
    assert parse_byline("Nguyễn Thu Hà (CTV)") == ("Nguyễn Thu Hà", None)  # a role, not an outlet
    assert parse_byline("Thanh Hương (ghi)") == ("Thanh Hương", None)
    assert parse_byline("Quang Huy.") == ("Quang Huy", None)
    assert parse_byline("Minh Anh (tổng hợp từ Reuters)") == ("Minh Anh", "Reuters")
    assert parse_byline("Không.") is None
    assert parse_byline("Giá vàng | Tỷ giá") is None


def test_headline_with_a_footer_word_or_a_media_prefix_above_share_lines_and_a_byline():
    head = "VTVcab sở hữu bản quyền phát sóng giải bóng chuyền nữ khu vực"
    arts = extract_articles(page_from_text("\n".join([
        "Thể thao » Bóng chuyền", head, "Lưu tin", "Thích 12", "06/04/2018 17:43 GMT+7", Q1, Q2, Q3])))
    assert [a.title for a in arts] == [head] and _kept(arts) == [Q1, Q2, Q3]
    head = "Video: Thành phố thông qua đề án giao thông 'không có giới hạn'?"
    arts = extract_articles(page_from_text("\n".join([
        "ẢNH", head, "09:26 Thứ sáu 08/03/2016", "Bài: Văn Nam - Ảnh: Phương Thảo", P1, P2, P3])))
    assert [(a.title, a.author) for a in arts] == [(head, "Văn Nam")] and _kept(arts) == [P1, P2, P3]
    # a contact line above the text stays furniture
    arts = extract_articles(page_from_text("\n".join(["Đường dây nóng: 0243 888 999", "Chia sẻ", P1, P2, P3])))
    assert [a.title for a in arts] == [None] and _kept(arts) == [P1, P2, P3]


def test_a_long_paragraph_ending_on_an_ellipsis_is_running_text():
    long = (P2[:-1] + ", " + P3[:-1] + ", " + P4[:-1] + ", cùng nhiều hạng mục khác như cầu vượt, hầm chui, "
            "bãi đỗ xe ngầm, làn đường riêng cho xe đạp, vỉa hè rộng hơn...")
    assert len(long.split()) > 60
    ls = _lines(long)
    assert not ls[0].teaser
    arts = extract_articles(page_from_text("\n".join(["Thông qua đề án giao thông đô thị", P1, long, P4])))
    assert _kept(arts) == [P1, long, P4]


def test_reader_comments_below_the_tag_line_and_a_player_voice_line_go():
    head = "Thành phố thông qua đề án giao thông đô thị hơn 20.000 tỷ đồng"
    text = "\n".join([head, "Giọng nam miền Nam", "Nghe tin", P1, P2, P3, "Từ khóa: giao thông, Hà Nội",
                      "Thu Hà", "Mong cơ quan chức năng sớm vào cuộc.", "44 giờ trước", "Trả lời"])
    arts = extract_articles(page_from_text(text))
    assert [a.title for a in arts] == [head]
    assert _kept(arts) == [P1, P2, P3]


def test_a_quoted_sentence_is_no_headline():
    ls = _lines('"Đội bóng đã có bàn thắng sớm nhưng sau đó chơi tệ."\n'
                "Triều Tiên muốn nâng quan hệ với Nga 'lên tầm cao mới'\nVì sao giá vàng tăng?\"")
    assert [x.title_like for x in ls] == [False, True, True]


def test_live_blog_entries_under_dated_stamps_stay_one_article():
    head = "Trực tiếp: Thành phố thông qua đề án giao thông đô thị"
    text = "\n".join([head, P1, "10:15", P2, "09:40 18/10", "Diễn biến mới nhất tại hiện trường", P3,
                      "08:05 18/10", "Phản ứng của người dân và doanh nghiệp", P4])
    arts = extract_articles(page_from_text(text))
    assert [a.title for a in arts] == [head]
    assert [p for p in _kept(arts) if p in (P1, P2, P3, P4)] == [P1, P2, P3, P4]


def test_a_sapo_cut_short_with_an_ellipsis_is_text_a_list_teaser_is_not():
    sapo = P1[:-1] + "…"
    ls = _lines("\n".join([sapo, P2, "Tin khác", "Giá vàng hôm nay tăng mạnh phiên thứ ba liên tiếp", sapo,
                           "Mưa lớn gây ngập nhiều tuyến phố ở miền Trung trong đêm qua và sáng nay khiến nhiều xe chết máy"]))
    assert not ls[0].teaser and ls[4].teaser


# an invented feature article cut into sections by headings
_S = [
    "Theo khảo sát của các bệnh viện tuyến trung ương, phần lớn bác sĩ mới ra trường hiện nhận mức lương "
    "khởi điểm chưa đến năm triệu đồng mỗi tháng, thấp hơn nhiều ngành nghề khác có thời gian đào tạo ngắn hơn.",
    "Nhiều người trong số họ phải làm thêm ở phòng khám tư vào buổi tối, dạy kèm hoặc bán hàng trực tuyến "
    "để trang trải tiền thuê nhà, tiền ăn và chi phí học chuyên khoa sau khi tốt nghiệp sáu năm đại học.",
    "Một số giám đốc bệnh viện cho rằng nếu thu nhập không được cải thiện, làn sóng nghỉ việc ở khu vực công "
    "sẽ còn kéo dài và người dân ở vùng sâu vùng xa càng khó tiếp cận dịch vụ khám chữa bệnh có chất lượng.",
    "Về lương bác sĩ, Hội đồng chuyên môn vào cuộc, kiến nghị xếp ngạch viên chức cao hơn một bậc ngay khi được "
    "tuyển dụng, đồng thời tính thời gian thực hành bắt buộc mười tám tháng vào thâm niên công tác.",
    "Cơ quan soạn thảo dự kiến trình phương án trong quý tới sau khi lấy ý kiến các bộ ngành, địa phương và "
    "hiệp hội nghề nghiệp về nguồn kinh phí chi trả từ ngân sách nhà nước cũng như nguồn thu sự nghiệp.",
    "Ước tính mỗi năm cần thêm vài trăm tỷ đồng để thực hiện, nhưng theo các chuyên gia, khoản đầu tư này "
    "sẽ giữ chân được nhân lực trẻ có trình độ và giảm chi phí đào tạo lại khi người giỏi rời bỏ nghề.",
]


def test_section_headings_of_one_article_open_no_other_article():
    title = "Lương bác sĩ mới ra trường chưa đến năm triệu đồng"
    # numbered, or short with the text under it on the article's own headline
    for head in ("2. Kiến nghị xếp ngạch cao hơn", "Hội đồng chuyên môn vào cuộc"):
        arts = extract_articles(page_from_text("\n".join([title, *_S[:3], head, *_S[3:]])))
        assert [a.title for a in arts] == [title], head
        assert _kept(arts) == [*_S[:3], head, *_S[3:]]  # the heading stays in its text


# an invented report whose second half, under a heading, follows the case up
_ABOVE = [
    "Khoảng 21 giờ tối qua, tổ công tác Đội Cảnh sát giao thông số 5 đang làm nhiệm vụ tại nút giao Nguyễn "
    "Trãi thì ra hiệu cho một người đàn ông điều khiển xe máy dừng lại để kiểm tra.",
    "Ngay khi cán bộ đưa thiết bị đo lại gần, người này lấy cớ nghe điện thoại, dắt xe vào lề đường rồi bất "
    "ngờ bỏ lại chiếc xe, bế theo đứa trẻ ngồi phía trước và đi bộ vào một con hẻm gần đó.",
    "Tổ công tác đã lập biên bản tạm giữ chiếc xe, đồng thời đề nghị công an phường xác minh danh tính chủ sở "
    "hữu theo biển số đăng ký.",
]
_BELOW = [
    "Trần Văn K., 38 tuổi, trú tại quận Thanh Xuân, sáng nay đã tới trụ sở làm việc, kết quả đo vượt ngưỡng "
    "0,4 miligam mỗi lít khí thở, mức vi phạm cao nhất.",
    "Với hành vi này, anh K. bị phạt tiền từ sáu đến tám triệu đồng, tước giấy phép lái xe hai mươi hai tháng "
    "theo Nghị định 100 của Chính phủ.",
    "Thời gian tới, lực lượng chức năng sẽ tăng cường tuần tra vào buổi tối và các ngày cuối tuần, xử lý "
    "nghiêm người lái sau khi đã uống rượu bia.",
]


def test_heading_on_the_headlines_subject_or_a_pull_quote_is_a_section():
    title = "Bị yêu cầu thổi nồng độ cồn, tài xế bỏ lại xe máy rồi chạy mất"
    # two lower-case syllable pairs of the headline ("nồng độ", "độ cồn"): the same case
    # followed up, though the text under the heading shares no words with the text above
    for head in ("Tài xế Trần Văn K. vi phạm nồng độ cồn ở mức cao nhất",
                 "“Tôi sợ bị giữ xe nên bế con bỏ đi, không nghĩ sẽ bị phạt nặng như vậy”"):
        arts = extract_articles(page_from_text("\n\n".join([title, *_ABOVE, head, *_BELOW])))
        assert [a.title for a in arts] == [title], head
    # one shared pair is enough when news seldom uses it ("nồng độ", in under 5% of
    # articles); a pair every article uses ("kinh tế") is not (the unsigned probe)
    for head in ("Ông Trần Văn K. bị đo nồng độ sáng nay tại trụ sở đội",):
        arts = extract_articles(page_from_text("\n\n".join([title, *_ABOVE, head, *_BELOW])))
        assert [a.title for a in arts] == [title], head
    # names shared with the headline are not its subject: another article on the same
    # person is one ("Trần Văn K." twice, no lower-case pair in common)
    other = "Trần Văn K. từng bị xử phạt vì chở quá số người quy định"
    arts = extract_articles(page_from_text("\n\n".join([title, *_ABOVE, other, *_BELOW])))
    assert len(arts) == 2
