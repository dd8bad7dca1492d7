"""Invented news-site styles for the cleaner evaluation (all strings written for this set).

Each style is a plain dict of wording pools and layout switches; generate.py turns an
article plus a style into a page. None of these sites exists; the wording varies on
purpose so that a cleaner tuned on other pages is tested on furniture it has not seen.
"""

from __future__ import annotations

from typing import Any

SECTIONS = ["Thời sự", "Thế giới", "Kinh tế", "Xã hội", "Pháp luật", "Giáo dục", "Sức khỏe",
            "Văn hóa", "Thể thao", "Công nghệ", "Đời sống", "Quốc tế", "Bất động sản", "Du lịch"]

AUTHORS = ["Minh Khuê", "Trần Hải Đăng", "Lê Thu Trang", "Nguyễn Quốc Việt", "Phạm Ngọc Hà",
           "Hoàng Bảo Châu", "Vũ Đức Long", "Đặng Thảo Nguyên", "Bùi Tiến Dũng", "Đỗ Mai Phương",
           "Ngô Thanh Tùng", "Dương Khánh Linh", "Lý Gia Huy", "Trịnh Hồng Nhung", "Võ Minh Tâm",
           "Hà Phương", "Quang Vinh", "Thùy Dương", "Anh Thư", "Hữu Nghĩa", "Kim Ngân",
           "Mạnh Cường", "Bích Ngọc", "Tuấn Kiệt", "Lan Hương", "Đức Anh", "Hải Yến", "Phúc Lâm"]

AGENCIES = ["Reuters", "AFP", "AP", "TTXVN", "Xinhua", "Yonhap", "Kyodo", "BBC", "CNN",
            "Bloomberg", "Sputnik", "Al Jazeera", "The Guardian", "VnExpress", "Tuổi Trẻ",
            "Thanh Niên", "Dân trí", "VietnamPlus", "Lao Động", "Nhân Dân"]

PHOTOGRAPHERS = ["Ngọc Thắng", "Hồng Phúc", "Minh Trí", "Thanh Hải", "Quốc Dũng", "Bảo Anh"]

CAPTIONS = ["Quang cảnh buổi làm việc", "Lực lượng chức năng có mặt tại hiện trường",
            "Người dân theo dõi diễn biến sự việc", "Toàn cảnh phiên họp", "Một góc khu vực được nhắc tới",
            "Các đại biểu tham dự sự kiện", "Hình ảnh được chia sẻ trên mạng xã hội",
            "Cơ quan chức năng làm việc với các bên liên quan", "Khung cảnh tại địa điểm diễn ra sự việc"]

COMMENTERS = ["Nguyễn Văn Bình", "hoa.le", "Trần Thị Mận", "Người Sài Gòn", "Phạm Khôi", "tuananh88",
              "Bạn đọc Đà Nẵng", "Lê Hoàng", "Mẹ Bống", "Vũ Quang"]

COMMENTS = ["Bài viết rất hay và đầy đủ thông tin, cảm ơn tác giả đã chia sẻ.",
            "Mong các cơ quan chức năng sớm vào cuộc và xử lý thật nghiêm những trường hợp như thế này.",
            "Đọc xong thấy thật đáng suy ngẫm, hy vọng mọi chuyện sẽ sớm được giải quyết ổn thỏa.",
            "Tôi không đồng ý với quan điểm trong bài, thực tế ở địa phương tôi khác hẳn.",
            "Thông tin này cần được kiểm chứng thêm, báo nên cập nhật khi có kết quả chính thức.",
            "Cứ mỗi lần đọc tin kiểu này lại thấy lo, không biết bao giờ mới hết.",
            "Chúc mừng, đây là tin vui cho cả người dân và doanh nghiệp trong vùng.",
            "Ai có số điện thoại liên hệ của đơn vị trong bài thì cho mình xin với."]

BIOS = ["Phóng viên mảng xã hội, theo dõi các vấn đề dân sinh và đô thị từ năm 2012.",
        "Biên tập viên ban Quốc tế, quan tâm đến chính trị khu vực châu Á - Thái Bình Dương.",
        "Cây bút chuyên về kinh tế, tài chính và thị trường bất động sản."]

WEEKDAYS = ["Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật"]

# --------------------------------------------------------------------------- the sites

STYLES: dict[str, dict[str, Any]] = {
    "nhipsongso": {
        "site": "Nhịp Sống Số", "domain": "NHIPSONGSO.VN", "html_share": 0.4, "blank": True,
        "menu": ["Trang chủ | Thời sự | Thế giới | Kinh doanh | Giải trí | Thể thao | Sức khỏe"],
        "breadcrumb": "Trang chủ › {section}",
        "date": "{weekday}, {d}/{m}/{y} - {H}:{M}",
        "date_pos": "before_title",
        "byline": "end_upper", "credit": "(Theo {via})", "credit_p": 0.5,
        "inline": ["Đọc thêm: {headline}", "XEM THÊM: {headline}"], "inline_n": (1, 2),
        "caption": ["{cap}. Ảnh: {photo}", "{cap} (Ảnh minh họa)"], "caption_n": (1, 2),
        "after": [
            ("share", ["Chia sẻ bài viết: Facebook | Zalo | Email"]),
            ("tags", "Từ khóa: {tags}"),
            ("related", "Tin cùng chuyên mục", "headline", 5),
            ("mostread", "Đọc nhiều nhất", "{headline} ({views} lượt xem)", 5),
        ],
        "footer": ["© {y} Nhịp Sống Số. Giấy phép số 214/GP-BTTTT.",
                   "Liên hệ quảng cáo: 0909 214 365 - Email: toasoan@nhipsongso.vn"],
    },
    "thoibaohalong": {
        "site": "Thời Báo Hạ Long", "domain": "THOIBAOHALONG.VN", "html_share": 0.7, "blank": False,
        "menu": ["Thời sự", "Kinh tế", "Du lịch", "Biển đảo", "Văn hóa", "Video"],
        "breadcrumb": "{section} / Tin tức",
        "date": "{d}/{m}/{y} {H}:{M} GMT+7",
        "date_pos": "after_title",
        "byline": "top_label", "byline_label": "Bài: {author}", "credit": "Nguồn: {via}", "credit_p": 0.4,
        "inline": ["» {headline}"], "inline_n": (1, 1),
        "caption": ["{cap}. (Ảnh: {photo})", "Ảnh minh họa: {cap}"], "caption_n": (1, 3),
        "after": [
            ("follow", ["Theo dõi Thời Báo Hạ Long trên Google News"]),
            ("comments", "Bình luận ({n})"),
            ("related_teaser", "Bài viết liên quan", 3),
            ("mostread", "Xem nhiều", "{headline}\t{views} lượt đọc", 5),
        ],
        "footer": ["Cơ quan chủ quản: Hội Du lịch Hạ Long (giả định). Tổng biên tập: Lưu Văn Sơn",
                   "Địa chỉ: 18 đường Bãi Cháy, TP Hạ Long. Điện thoại: 0203 3 456 789"],
    },
    "dongbangnet": {
        "site": "Cổng tin Đồng Bằng", "domain": "DONGBANG.NET", "html_share": 0.3, "blank": True,
        "menu": [],
        "breadcrumb": None,
        "date": None, "dateline": "{domain} - ",
        "byline": "end_plain", "credit": "Theo {via}", "credit_p": 0.8,
        "title_repeat_figure": "{title} - Hình {k}",
        "inline": ["Clip nổi bật"], "inline_n": (0, 1),
        "caption": ["{cap} (Ảnh: {via})"], "caption_n": (1, 2),
        "two_articles": 0.6,
        "after": [
            ("feedback", ["Bạn thấy bài viết này thế nào?", "Hữu ích", "Không hữu ích"]),
            ("related_time", "Tin liên quan", "{headline} {H}:{M} {d}/{m}/{y}", 4),
            ("mostread", "Tin hot trong ngày", "{headline}", 6),
        ],
        "footer": ["Bản quyền thuộc về Cổng tin Đồng Bằng. Ghi rõ nguồn khi phát hành lại thông tin từ website này."],
    },
    "anhduong": {
        "site": "Báo Ánh Dương", "domain": "ANHDUONG.VN", "html_share": 0.0, "blank": False,
        "menu": ["TRANG CHỦ  XÃ HỘI  PHÁP LUẬT  THẾ GIỚI  GIẢI TRÍ  MULTIMEDIA"],
        "breadcrumb": None,
        "date": "Cập nhật: {H}:{M} | {d}/{m}/{y}",
        "date_pos": "after_title",
        "dateline": "{domain} -",
        "byline": "end_upper", "credit": None, "credit_p": 0.0,
        "photo_story": True,
        "inline": [], "inline_n": (0, 0),
        "caption": [], "caption_n": (0, 0),
        "after": [
            ("title_tail", 4),
            ("related", "Cùng chủ đề", "headline", 4),
        ],
        "footer": ["BÁO ÁNH DƯƠNG - Tiếng nói của người trẻ (trang giả lập)"],
    },
    "caonguyen": {
        "site": "Thông Tấn Cao Nguyên", "domain": "CAONGUYEN24.VN", "html_share": 0.8, "blank": True,
        "menu": ["Tin tức", "Chính trị", "Kinh tế", "Nông nghiệp", "Dân tộc - Tôn giáo", "Ảnh"],
        "breadcrumb": "Tin tức » {section}",
        "date": "Ngày đăng: {d}-{m}-{y} | {H}:{M}",
        "date_pos": "after_title",
        "byline": "end_with_credit", "credit": "{author} (theo {via})", "credit_p": 0.5,
        "inline": ["Tin liên quan", "ĐỌC NHANH"], "inline_box": True, "inline_n": (1, 1),
        "caption": ["Ảnh: {cap}", "{cap}. Nguồn ảnh: {photo}"], "caption_n": (0, 2),
        "after": [
            ("tags", "Thẻ: {tags}"),
            ("comments", "{n} bình luận"),
            ("prompt", ["Gửi bình luận của bạn", "Đăng ký nhận bản tin mỗi sáng", "Nhập email của bạn"]),
            ("related_teaser", "Có thể bạn quan tâm", 4),
            ("reader_comments", "Ý kiến bạn đọc", 2),
        ],
        "footer": ["© Thông Tấn Cao Nguyên. Mọi hình thức sao chép phải được sự đồng ý bằng văn bản."],
    },
    "tinmoi24h": {
        "site": "Tin Mới 24h", "domain": "TINMOI24H.COM", "html_share": 0.2, "blank": False,
        "menu": [],
        "breadcrumb": None,
        "date": None,
        "no_title": True,
        "byline": "none", "credit": "Nguồn tin: {via}", "credit_p": 0.5,
        "inline": ["{headline}"], "inline_n": (1, 2),
        "caption": [], "caption_n": (0, 0),
        "after": [
            ("comments", "Bình luận ({n})"),
            ("mostread", "Mới nhất", "{headline} - {ago}", 6),
        ],
        "footer": [],
    },
    "phuongnam": {
        "site": "Báo Điện tử Phương Nam", "domain": "PHUONGNAM.ONLINE", "html_share": 0.6, "blank": True,
        "menu": ["Trang nhất", "Thời sự", "Quốc tế", "Kinh tế", "Bạn đọc", "Media"],
        "breadcrumb": "Trang nhất > {section}",
        "date": "{weekday} {d}/{m}/{y}, {H}:{M} (GMT+7)",
        "date_pos": "before_title",
        "byline": "top_plain", "credit": "(Nguồn: {via})", "credit_p": 0.5,
        "inline": ["Tin liên quan:", "Bài liên quan:"], "inline_list": 2, "inline_n": (1, 1),
        "caption": ["{cap} - Ảnh: {photo}"], "caption_n": (1, 2),
        "two_articles": 0.35,
        "after": [
            ("related_doubled", "Có thể bạn quan tâm", 3),
            ("ad", ["Quảng cáo"]),
        ],
        "footer": ["Báo Điện tử Phương Nam - Cơ quan của Câu lạc bộ Báo chí Phương Nam (mô phỏng)",
                   "Hotline: 1900 8888 | Liên hệ tòa soạn | Chính sách bảo mật"],
    },
    "vietpulse": {
        "site": "VietPulse", "domain": "VIETPULSE.NEWS", "html_share": 0.5, "blank": True,
        "menu": ["Home | News | World | Business | Tech | Life"],
        "breadcrumb": "Home / {section}",
        "date": "Published {m}/{d}/{y} {H}:{M}",
        "date_pos": "after_title",
        "byline": "top_by", "credit": "(Theo {via})", "credit_p": 0.6,
        "inline": ["READ MORE: {headline}", "Related: {headline}"], "inline_n": (1, 2),
        "caption": ["{cap}. Photo: {via}", "{cap}. Photo: {photo}"], "caption_n": (1, 2),
        "after": [
            ("share", ["Share on Facebook", "Tweet", "Copy link"]),
            ("follow", ["Follow VietPulse on YouTube"]),
            ("ad", ["Advertisement"]),
            ("mostread", "Most Popular", "{headline} · {views} views", 5),
        ],
        "footer": ["© VietPulse Media. All rights reserved.", "About us | Contact | Advertise | Terms"],
    },
    "tieudiem": {
        "site": "Tiêu Điểm Online", "domain": "TIEUDIEM.ONLINE", "html_share": 0.5, "blank": True,
        "menu": ["Mới nhất ▾ Thời sự ▾ Thế giới ▾ Kinh doanh ▾ Giải trí ▾ Thể thao"],
        "breadcrumb": "Tiêu Điểm > {section} > Bài viết",
        "date": "{H}:{M} | {weekday}, {d}/{m}/{y}",
        "date_pos": "before_title",
        "byline": "end_compound", "credit": "{author} / {via}", "credit_p": 0.5,
        "inline": [">> {headline}", ">> Xem thêm: {headline}"], "inline_n": (1, 3),
        "caption": ["{cap}. (Ảnh: {photo})"], "caption_n": (1, 2),
        "two_articles": 0.25,
        "after": [
            ("vote", ["Bạn nghĩ gì về vấn đề này?", "Đồng ý", "Không đồng ý", "Ý kiến khác"]),
            ("related_teaser", "TIN KHÁC", 4),
            ("mostread", "Tin xem nhiều", "{k}. {headline}", 5),
        ],
        "footer": ["Tiêu Điểm Online ghi rõ nguồn khi phát hành lại thông tin từ trang này.",
                   "Email: lienhe@tieudiem.online"],
    },
    "congdongviet": {
        "site": "Cộng Đồng Việt", "domain": "CONGDONGVIET.ORG", "html_share": 0.5, "blank": True,
        "notice": ["Chúng tôi sử dụng cookie để cải thiện trải nghiệm của bạn. Tiếp tục truy cập nghĩa là bạn đồng ý.",
                   "Đồng ý"],
        "menu": ["Tin tức", "Cộng đồng", "Hỏi đáp", "Sự kiện"],
        "breadcrumb": "Tin tức ⟩ {section}",
        "date": "Đăng lúc {H}:{M} ngày {d} tháng {m} năm {y}",
        "date_pos": "after_title",
        "byline": "top_label", "byline_label": "Tác giả: {author}", "credit": "Nguồn bài: {via}",
        "credit_p": 0.5,
        "inline": ["Có thể bạn chưa đọc: {headline}"], "inline_n": (1, 1),
        "caption": ["{cap}. Nguồn ảnh: Internet"], "caption_n": (1, 2),
        "after": [
            ("author_box", "Về tác giả"),
            ("ad", ["Nội dung được tài trợ"]),
            ("reader_comments", "Bình luận của bạn đọc", 3),
            ("related", "Tin khác cùng chủ đề", "headline", 4),
        ],
        "footer": ["Cộng Đồng Việt - diễn đàn tin tức cộng đồng (mô phỏng). Liên hệ: banbientap@congdongviet.org"],
    },
    "langque": {
        "site": "Làng Quê Ngày Nay", "domain": "LANGQUENGAYNAY.VN", "html_share": 0.3, "blank": False,
        "menu": ["Trang chủ - Nông thôn mới - Kinh tế - Đời sống - Phóng sự - Góc ảnh"],
        "breadcrumb": None,
        "date": "({d}/{m}/{y})",
        "date_pos": "after_title",
        "dateline": "({domain}) - ",
        "byline": "end_plain", "credit": "Theo {via}", "credit_p": 0.4,
        "inline": ["Xem thêm video:"], "inline_n": (0, 1),
        "caption": ["{cap}. Ảnh: PV"], "caption_n": (1, 1),
        "title_repeat_end": True,
        "after": [
            ("share", ["Thích", "Chia sẻ", "Lưu bài"]),
            ("related_teaser", "Tin bài khác", 3),
            ("counter", "Lượt xem: {views}"),
        ],
        "footer": ["Làng Quê Ngày Nay - Trang thông tin tổng hợp (mô phỏng). Giấy phép: 99/GP-STTTT"],
    },
}
