"""Furniture of the harder dev split (dev2): page patterns of Vietnamese outlets that the
first dev pool does not show, written from how outlets lay out their article pages (not
from the test pool, which stays frozen and unread, nor from the cleaner's word lists).

What dev2 adds over dev: a date bar of the day above the menu, two-level menus, trending
headlines above the article (with and without a heading), breadcrumbs on several lines or
as one upper-case section label, kickers above the title ("VIDEO", "NÓNG") or inside it
("[Video] ..."), titles in capitals, titles ending in "?" or "!", short titles, writer and
time on one line, published and updated lines, audio players, subheadings in the body,
photo stories numbered "Ảnh 2/6", live blogs with titled entries, reader comments, and two
or three articles on a page with or without bylines and date lines.
"""

from __future__ import annotations

# {d} day, {m} month, {y} year, {H} hour, {M} minute, {wd}/{WD} weekday; {dd}/{mm} zero-padded
TIMESTAMPS = [
    "{wd}, {d}/{m}/{y} - {H}:{M}",
    "{dd}/{mm}/{y} {H}:{M} GMT+7",
    "Cập nhật: {H}:{M} {dd}/{mm}/{y}",
    "{WD}, {dd}/{mm}/{y} | {H}:{M}",
    "{dd}/{mm}/{y} - {H}:{M} (GMT+07:00)",
    "{H}:{M} {wd} {dd}/{mm}/{y}",
    "Đăng ngày {dd}/{mm}/{y} lúc {H}:{M}",
    "{y}-{mm}-{dd} {H}:{M}",
    "{wd} {dd}/{mm}/{y}, {H}:{M}",
    "Ngày {d} tháng {m} năm {y} | {H}:{M}",
    "{H}:{M} ngày {dd}/{mm}/{y}",
]
UPDATED = ["Cập nhật lúc {H}:{M} {dd}/{mm}/{y}", "Cập nhật: {dd}/{mm}/{y} {H}:{M}",
           "Sửa lần cuối: {H}:{M} {dd}/{mm}/{y}"]
# the site's own date bar, above the menu (not the article's date)
DATE_BAR = ["{WD}, {dd}/{mm}/{y}", "Hôm nay, {wd} {d}/{m}/{y}", "{wd}, ngày {d}/{m}/{y}"]
WEEKDAYS = ["Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật"]
WEEKDAYS_CAP = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]

MENU_SEPS = [" | ", " • ", " - ", "   "]
SUBMENU = [["Chính trị", "Xã hội", "Giao thông", "Đô thị"], ["Châu Á", "Châu Âu", "Châu Mỹ", "Phân tích"],
           ["Bóng đá", "Quần vợt", "Đua xe", "Hậu trường"], ["Chứng khoán", "Ngân hàng", "Doanh nghiệp", "Thị trường"]]
HOME = ["Trang chủ", "Trang nhất", "Tin tức"]
CRUMB_SEPS = [" » ", " > ", " - ", " | "]
HEADER = ["Đăng ký nhận bản tin", "Báo in", "Tiện ích", "Liên hệ tòa soạn", "Tải ứng dụng",
          "Đọc báo in", "English", "RSS"]
# trending strip above the article: heading or none
TRENDING = [None, None, "Tin nóng", "Tiêu điểm", "Đang được quan tâm", "Sự kiện"]
KICKERS = ["VIDEO", "NÓNG", "ẢNH", "INFOGRAPHIC", "Độc quyền", "CLIP", "Điều tra", "Phóng sự", "Góc nhìn",
           "Emagazine", "Podcast"]
TITLE_PREFIX = ["[Video] ", "Video: ", "NÓNG: ", "Clip: ", "[Ảnh] ", "Infographic: "]
SHARE = ["Chia sẻ bài viết", "Gửi email", "In trang", "Zalo Facebook", "Thích 12", "Theo dõi trên Google News",
         "A- A+", "Lưu tin"]
AUDIO = ["Nghe tin", "Giọng nữ miền Bắc", "Giọng nam miền Nam", "Tốc độ đọc 1x", "00:00 / 03:25",
         "Đọc bài viết"]
SUBHEADS = ["Nhiều hệ lụy", "Phản ứng từ các bên", "Cần giải pháp lâu dài", "Diễn biến mới",
            "Nguy cơ tiềm ẩn", "Chờ kết luận chính thức", "Hướng đi nào?", "Bài học kinh nghiệm",
            "Người dân lo lắng", "Những con số biết nói"]
CAPTIONS = ["{sentence} (Ảnh: {name})", "Ảnh: {name}", "{sentence} Ảnh: Internet",
            "{sentence} (Ảnh minh họa)", "Clip: {sentence}"]
PHOTO_COUNTERS = ["Ảnh {n}/{k}", "({n}/{k})"]
LIVE_STAMPS = ["{H}:{M}", "{H}h{M}", "{H}:{M} {dd}/{mm}"]
LIVE_HEADS = ["Cập nhật mới", "Diễn biến chính", "Phản ứng quốc tế", "Tình hình hiện trường",
              "Thông tin mới nhất", "Ghi nhận của phóng viên"]
BYLINES = ["{name}", "{NAME}", "{name} (t/h)", "Nhóm phóng viên", "{name} - {name2}",
           "Lược dịch: {name}", "{name} (Theo {via})", "Theo {via}", "Bài: {name} - Ảnh: {name2}",
           "{NAME} (tổng hợp)"]
# writer and time on one line, under the title
BYLINE_TS = ["{name} | {ts}", "{name} - {ts}", "Bởi {name}, {ts}"]
NEXT = ["Bài tiếp theo", "Tin tiếp theo", "Bài mới"]
RELATED = ["Tin liên quan", "Đọc nhiều nhất", "Tin mới", "Cùng chuyên mục", "Có thể bạn quan tâm"]
AGO = ["{n} phút trước", "{n} giờ trước", "{dd}/{mm}/{y}"]
COMMENTS_HEAD = ["Bình luận (3)", "Ý kiến bạn đọc", "Bình luận"]
COMMENTS = ["Bài viết rất hay, cảm ơn tác giả.", "Mong cơ quan chức năng sớm vào cuộc.",
            "Thông tin hữu ích.", "Quá đáng lo ngại!", "Đồng ý với ý kiến trên."]
COMMENT_ACTIONS = ["Trả lời", "Thích · Trả lời", "{n} giờ trước"]
TAGS = ["Tags: {t}", "Từ khóa: {t}", "Chủ đề liên quan: {t}"]
FOOTER = ["© {y} {outlet}. Mọi quyền được bảo lưu.", "Tổng biên tập: {name}",
          "Giấy phép hoạt động số {n}/GP-BTTTT", "Tòa soạn: Số {n} đường Lê Duẩn, Hà Nội",
          "Điện thoại: 024 {n} 8888", "Liên hệ quảng cáo", "Chính sách bảo mật"]
OUTLETS = ["Báo Ngọc Hồi", "Tin Sông Lam", "Nhật báo Cửu Châu", "Báo Mê Linh", "Tin tức Bến Nghé",
           "Báo Hạ Long Mới", "Tạp chí Phố Hiến", "Tin Thăng Long 24", "Báo Đồng Bằng", "Cổng tin Tràng An"]
SAPO_PREFIX = ["({outlet}) - ", "{acro} - ", "HÀ NỘI - ", "TP.HCM - ", "{outlet} - "]
VIAS = ["Reuters", "AFP", "AP", "TTXVN", "CNN", "BBC", "Yonhap", "Kyodo", "Bloomberg", "VnExpress",
        "Dân trí", "Zing", "VOV", "Thanh Niên", "Tuổi Trẻ", "VTV"]
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"]
GIVEN = ["Minh Anh", "Thu Hà", "Hải Yến", "Quang Huy", "Đức Thắng", "Thanh Hương", "Ngọc Lan",
         "Văn Nam", "Bảo Châu", "Khánh Linh", "Tuấn Kiệt", "Phương Thảo", "Hồng Nhung", "Lan Anh",
         "Hữu Tài", "Việt Dũng"]
SECTIONS = ["Thời sự", "Thế giới", "Kinh doanh", "Giải trí", "Thể thao", "Pháp luật", "Giáo dục",
            "Sức khỏe", "Đời sống", "Du lịch", "Công nghệ", "Xe", "Văn hóa", "Xã hội", "Quân sự",
            "Bạn đọc", "Nhịp sống", "Chính trị"]
SUBSECTIONS = ["Quân sự", "Giao thông", "Bóng đá", "Hồ sơ", "Thị trường", "Điểm nóng", "Châu Á",
               "Tuyển sinh", "Phóng sự", "Chuyện lạ"]
PHOTO_SENTENCES = ["Quang cảnh khu vực xảy ra sự việc.", "Nhiều người dân có mặt từ sớm.",
                   "Lực lượng chức năng làm nhiệm vụ tại hiện trường.", "Toàn cảnh buổi lễ.",
                   "Phương tiện xếp hàng dài trên tuyến đường."]
