"""Furniture of Vietnamese news sites, as seen on their pages (written for this set from
how outlets lay pages out, not from the cleaner's code or word lists).

Two pools: ``DEV`` and ``TEST``. Each pool entry is a list of variants; a site profile
draws one variant (or a few) from every pool, so no two sites look alike. The ``TEST`` pool
holds variants (timestamp formats, menu separators, block headings, widget texts) that
dev pages never show, so the frozen test split is made of layouts the cleaner has not seen.
"""

from __future__ import annotations

# {d} day, {m} month, {y} year, {H} hour, {M} minute, {wd} weekday; {dd}/{mm} zero-padded
TIMESTAMPS_DEV = [
    "Đăng lúc {H}:{M} - {dd}/{mm}/{y}",
    "{wd}, {d}/{m}/{y}, {H}:{M} (GMT+7)",
    "{dd}/{mm}/{y} {H}:{M}",
    "{H}:{M} | {dd}/{mm}/{y}",
    "Cập nhật: {dd}/{mm}/{y} - {H}:{M}",
    "{wd}, ngày {dd}/{mm}/{y} {H}:{M}",
    "{dd}-{mm}-{y} - {H}:{M} AM",
    "Ngày đăng: {dd}/{mm}/{y}",
    "{H}h{M} ngày {d}/{m}/{y}",
]
TIMESTAMPS_TEST = [
    "{wd}, {dd}/{mm}/{y} | {H}:{M}",
    "Xuất bản: {H}:{M} {dd}/{mm}/{y}",
    "{y}-{mm}-{dd} {H}:{M}",
    "{dd}.{mm}.{y} | {H}:{M} GMT+7",
    "Thời gian đăng: {wd} {dd}/{mm}/{y} - {H}:{M}",
    "{H}:{M} {wd}, ngày {d} tháng {m} năm {y}",
    "Cập nhật lúc {H}:{M}, {wd}, {dd}/{mm}/{y}",
    "{d} tháng {m}, {y} | {H}:{M}",
]
WEEKDAYS = ["Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật"]

SECTIONS = ["Thời sự", "Thế giới", "Kinh doanh", "Giải trí", "Thể thao", "Pháp luật",
            "Giáo dục", "Sức khỏe", "Đời sống", "Du lịch", "Khoa học", "Số hóa", "Xe",
            "Ý kiến", "Tâm sự", "Video", "Podcasts", "Bất động sản", "Văn hóa", "Quân sự",
            "Xã hội", "Chính trị", "Tài chính", "Công nghệ", "Môi trường", "Quốc tế"]
SUBSECTIONS = ["Quân sự", "Phân tích", "Hồ sơ", "Người Việt 5 châu", "Tư liệu", "Chứng khoán",
               "Vĩ mô", "Giao thông", "Hồ sơ phá án", "Tuyển sinh", "Bóng đá", "Điện ảnh",
               "Châu Á", "Châu Âu", "Châu Mỹ", "Điểm nóng", "Diễn đàn", "Bình luận quốc tế"]

MENU_SEPS_DEV = [" | ", " • ", " - "]
MENU_SEPS_TEST = [" · ", "  ", " / "]
CRUMB_SEPS_DEV = [" » ", " > "]
CRUMB_SEPS_TEST = [" / ", " › ", " → "]
HOME_DEV = ["Trang chủ", "Trang nhất"]
HOME_TEST = ["Home", "Trang đầu"]

HEADER_WIDGETS_DEV = ["Đăng nhập", "Tìm kiếm", "Đăng ký | Đăng nhập", "Hotline: 0912 345 678",
                      "Tải ứng dụng", "English", "RSS", "Liên hệ", "Mới nhất", "Tin nóng"]
HEADER_WIDGETS_TEST = ["Đăng nhập / Đăng ký", "Tìm kiếm...", "Đường dây nóng: 0243 888 999",
                       "Báo in", "E-paper", "Podcast", "Tiện ích", "Thời tiết", "Tỷ giá",
                       "Giá vàng"]

SHARE_DEV = ["Chia sẻ", "Facebook Twitter Email", "Lưu bài", "Bình luận (12)", "Nghe đọc bài",
             "A- A+", "In bài viết", "Theo dõi {outlet} trên Google News", "0 bình luận",
             "Zalo Facebook Twitter"]
SHARE_TEST = ["Chia sẻ bài viết:", "Copy link", "Gửi bài", "Cỡ chữ", "Nghe bài viết 🔊",
              "Bình luận", "Lưu tin", "{outlet} trên Zalo", "Tin nổi bật",
              "Like Share"]

RELATED_DEV = ["Tin liên quan", "Bài viết cùng chuyên mục", "Đọc nhiều", "Tin mới nhất",
               "CÙNG CHUYÊN MỤC", "Có thể bạn quan tâm", "Xem nhiều", "Tin khác"]
RELATED_TEST = ["TIN CÙNG CHỦ ĐỀ", "Bài liên quan", "Tin đọc nhiều", "Đừng bỏ lỡ",
                "Các tin khác", "Tin nổi bật trong ngày", "Đọc tiếp", "MỚI CẬP NHẬT"]
INLINE_DEV = ["Xem thêm: {h}", "Đọc thêm >> {h}", ">> {h}"]
INLINE_TEST = ["XEM THÊM: {h}", "Tin liên quan: {h}", "► {h}", "Bạn có thể quan tâm: {h}"]
AGO_DEV = ["{n} giờ trước", "{n} phút trước"]
AGO_TEST = ["{n} ngày trước", "{dd}/{mm}/{y}"]

FEEDBACK_DEV = ["Bạn thấy bài viết thế nào?", "Gửi bình luận", "Ý kiến của bạn",
                "Bình luận (0)", "Hãy là người đầu tiên bình luận", "Bài viết có hữu ích không?"]
FEEDBACK_TEST = ["Viết bình luận của bạn...", "Đánh giá bài viết", "Bạn đọc bình luận",
                 "Gửi ý kiến", "Quan tâm", "Vui lòng nhập nội dung bình luận."]
TAGS_DEV = ["Tags: {t}", "Từ khóa: {t}", "#{t}"]
TAGS_TEST = ["Chủ đề: {t}", "TAG: {t}", "Từ khoá liên quan: {t}"]

FOOTER_DEV = [
    "© Bản quyền thuộc về {outlet}. Giấy phép số {n}/GP-BTTTT",
    "Tổng biên tập: {name}",
    "Địa chỉ: Số {n} phố Trần Hưng Đạo, Hoàn Kiếm, Hà Nội",
    "Liên hệ quảng cáo: 0243 {n} 000",
    "Ghi rõ nguồn \"{outlet}\" khi phát hành lại thông tin từ website này.",
    "Về đầu trang",
]
FOOTER_TEST = [
    "Cơ quan chủ quản: Hội Nhà báo tỉnh Bắc Sơn",
    "Chịu trách nhiệm nội dung: {name}",
    "Copyright © 2023 {outlet}. All rights reserved.",
    "Điện thoại: 028 {n} 4567 - Email: toasoan@{outlet_slug}.vn",
    "Chỉ được phát hành lại thông tin khi có sự đồng ý bằng văn bản.",
    "Lên đầu trang",
]

NEXT_ARTICLE_DEV = ["Bài viết tiếp theo", "Tin tiếp theo"]
NEXT_ARTICLE_TEST = ["Đọc tiếp bài sau", "TIN KẾ TIẾP"]

CAPTION_DEV = ["Ảnh: {name}", "{sentence} (Ảnh: Reuters)", "{sentence} Ảnh: TTXVN",
               "Ảnh minh họa", "{title} - Ảnh 1"]
CAPTION_TEST = ["{sentence} Nguồn ảnh: AFP", "Ảnh: {name}/{outlet}", "{sentence} (Ảnh: Getty)",
                "Hình minh họa", "{title} (ảnh 1)"]

BYLINE_DEV = ["{name}", "{NAME}", "{name} (tổng hợp)", "Theo {via}", "{name} (Theo {via})",
              "Bài và ảnh: {name}"]
BYLINE_TEST = ["{name} - {via}", "Nguồn: {via}", "PV {name}", "(Theo {via})", "{name}/{via}",
               "Nhóm phóng viên"]
VIAS = ["Reuters", "AFP", "AP", "TTXVN", "Tân Hoa Xã", "CNN", "BBC", "Yonhap", "Kyodo",
        "Sputnik", "The Guardian", "Bloomberg", "VnExpress", "Dân trí", "Zing", "VOV"]
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
            "Dương", "Lý", "Phan", "Trịnh"]
GIVEN = ["Minh Anh", "Thu Hà", "Hải Yến", "Quang Huy", "Đức Thắng", "Thanh Hương", "Ngọc Lan",
         "Văn Nam", "Bảo Châu", "Khánh Linh", "Tuấn Kiệt", "Phương Thảo", "Hồng Nhung",
         "Trung Kiên", "An Nhiên", "Mai Phương"]

OUTLETS_DEV = ["Báo Sông Hồng", "Tin Phương Nam", "Thời báo Hà Thành", "Nhịp sống 24h",
               "Báo Đất Việt Mới", "Tin Nhanh Miền Trung", "Cổng tin Tây Nguyên",
               "Báo Biển Đông Online", "Thông tấn Bình Minh", "Tạp chí Thời Đại",
               "Báo Lúa Vàng", "Tin tức Hôm nay", "Đông Dương Times", "Báo Kinh Bắc",
               "Tin Việt Số", "Báo Trường Sơn"]
OUTLETS_TEST = ["Báo Hồng Lĩnh", "Tin Cửu Long", "Thời sự Sáng", "Báo Lam Sơn Điện tử",
                "Nhật báo Phố Hiến", "Tin 360 Độ", "Báo Ánh Dương", "Diễn đàn Thủ Đô",
                "Tạp chí Hội Nhập", "Báo Sen Hồng", "Báo Hạ Long Online", "Tin Tây Đô",
                "Tuần san Đông Á", "Báo Núi Ngự", "Cổng thông tin Đồng Nai Mới", "Tin Sáng Nay"]

DEV = dict(timestamps=TIMESTAMPS_DEV, menu_seps=MENU_SEPS_DEV, crumb_seps=CRUMB_SEPS_DEV,
           home=HOME_DEV, header=HEADER_WIDGETS_DEV, share=SHARE_DEV, related=RELATED_DEV,
           inline=INLINE_DEV, ago=AGO_DEV, feedback=FEEDBACK_DEV, tags=TAGS_DEV,
           footer=FOOTER_DEV, next_article=NEXT_ARTICLE_DEV, caption=CAPTION_DEV,
           byline=BYLINE_DEV, outlets=OUTLETS_DEV)
TEST = dict(timestamps=TIMESTAMPS_TEST, menu_seps=MENU_SEPS_TEST, crumb_seps=CRUMB_SEPS_TEST,
            home=HOME_TEST, header=HEADER_WIDGETS_TEST, share=SHARE_TEST, related=RELATED_TEST,
            inline=INLINE_TEST, ago=AGO_TEST, feedback=FEEDBACK_TEST, tags=TAGS_TEST,
            footer=FOOTER_TEST, next_article=NEXT_ARTICLE_TEST, caption=CAPTION_TEST,
            byline=BYLINE_TEST, outlets=OUTLETS_TEST)
