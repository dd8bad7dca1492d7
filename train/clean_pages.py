"""Synthetic furniture pages for training and developing the cleaner.

Article text comes from ../shared/mds/abmusu-train.jsonl (train split only), read at
run time and never written into the repository. Everything around it (navigation,
date lines, bylines, credits, share prompts, captions, inserted related headlines,
related/trending lists in several shapes, comment counters, tags, footers, a second
article on the page) is written here, in many wordings, and each emitted line carries
its label: title, body, byline, credit, date, furniture (or blank).

    build_pages(clusters, rng) -> list[SyntheticPage]
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MDS = ROOT.parent / "shared" / "mds" / "abmusu-train.jsonl"

OUTLETS = ["Dân Việt", "Người Đưa Tin", "Tiền Phong", "Lao Động", "VTC News", "Soha", "Zing",
           "Thanh Niên", "Kinh tế & Đô thị", "Công Thương", "VietNamNet", "Pháp Luật", "Sức khỏe & Đời sống",
           "Quân đội nhân dân", "Nhân Dân", "Hà Nội Mới", "Giáo dục & Thời đại", "Đời sống & Pháp luật"]
DOMAINS = ["laodong.vn", "tienphong.vn", "danviet.vn", "nguoiduatin.vn", "vtc.vn", "cand.com.vn",
           "hanoimoi.vn", "congthuong.vn", "kinhtedothi.vn", "baotintuc.vn", "plo.vn", "qdnd.vn"]
ACRONYMS = ["NLĐO", "PLO", "TTXVN", "VTC", "KTĐT", "CAND", "QĐND", "GD&TĐ", "ĐS&PL", "HNM", "SGGP", "TN"]
SOURCES = ["Reuters", "AFP", "AP", "TASS", "Sputnik", "CNN", "BBC", "Al Jazeera", "Yonhap", "Kyodo",
           "Tân Hoa xã", "Bloomberg", "The Guardian", "Nikkei Asia", "RIA Novosti", "NHK", "CNA", "SCMP",
           "Dân trí", "Thanh Niên", "TTXVN", "VTV", "VOA", "DW", "Le Monde", "Politico"]
SYLL = ["Minh", "Anh", "Hà", "Thu", "Hằng", "Quân", "Đức", "Lan", "Phương", "Hoàng", "Ngọc", "Bảo",
        "Khánh", "Linh", "Thanh", "Tùng", "Hải", "Vy", "Nam", "Trang", "Huyền", "Tuấn", "Mai", "Hương",
        "Việt", "Hùng", "Long", "Thảo", "Dũng", "Yến", "Phong", "Châu", "Giang", "Sơn", "Trung", "Ly"]
SURN = ["Nguyễn", "Trần", "Lê", "Phạm", "Vũ", "Đỗ", "Bùi", "Đặng", "Hồ", "Ngô"]
NAV = ["Trang chủ", "Thời sự", "Thế giới", "Kinh tế", "Xã hội", "Pháp luật", "Giải trí", "Thể thao",
       "Công nghệ", "Sức khỏe", "Đời sống", "Giáo dục", "Quân sự", "Chính trị", "Văn hóa", "Du lịch",
       "Bất động sản", "Ô tô - Xe máy", "Bạn đọc", "Multimedia", "Video", "Podcast", "Tài chính",
       "Thế giới đó đây", "Hồ sơ", "Phân tích - Bình luận", "Châu Á", "Châu Âu", "Châu Mỹ"]
HEADERS = ["Tin liên quan", "TIN LIÊN QUAN", "Bài liên quan", "Tin cùng chuyên mục", "Đọc thêm",
           "Xem thêm", "Tin mới nhất", "Tin nổi bật", "Xem nhiều nhất", "Đọc nhiều", "Có thể bạn quan tâm",
           "Đừng bỏ lỡ", "Tin khác", "Các tin khác", "Tiêu điểm", "TIN MỚI", "Bài viết cùng chủ đề",
           "Bạn đọc quan tâm", "Tin hay", "Câu chuyện khác", "Tin cùng tác giả", "Nên đọc", "Chọn lọc",
           "Cùng chủ đề", "Dòng sự kiện", "Tin mới cập nhật", "Mới nhất", "Xu hướng", "Video nổi bật",
           "Bài đọc nhiều", "Tin tức 24h", "Hot nhất tuần", "Có thể bạn chưa đọc", "Gợi ý cho bạn"]
CATEGORIES = ["Sao Việt", "Thế giới", "Thể thao", "Kinh doanh", "Sức khỏe", "Xe", "Du lịch", "Hậu trường",
              "Âm nhạc", "Điện ảnh", "Giới trẻ", "Pháp đình", "Công nghệ", "Quốc tế", "Thị trường"]
INSERT_PREFIX = ["Xem thêm: ", "Đọc thêm: ", ">> ", ">>> ", "TIN LIÊN QUAN: ", "Xem thêm >> ", "» ",
                 "Mời đọc: ", "Có thể bạn quan tâm: ", "", "", "", ""]
FOLLOW = ["Theo dõi {o} trên", "Theo dõi {o} trên Google News", "Kết nối với {o} qua Zalo",
          "Nhấn Follow để nhận tin mới từ {o}", "Đăng ký nhận bản tin {o}", "Tải ứng dụng {o} để đọc tin nhanh hơn",
          "Mời bạn đọc theo dõi {o} trên Facebook", "Like fanpage {o} để cập nhật tin tức"]
SHARE = ["Chia sẻ", "Chia sẻ bài viết", "Facebook Zalo Email", "In bài", "Lưu bài viết", "Cỡ chữ A A",
         "Nghe bài viết", "Copy link", "Chia sẻ Facebook", "Gửi bài viết qua email", "Bookmark",
         "Nghe đọc bài", "Tweet", "Chia sẻ qua Zalo", "0 Like", "Thích", "Báo lỗi"]
ADS = ["Quảng cáo", "ADVERTISEMENT", "- Quảng cáo -", "Tài trợ", "Sponsored", "Nội dung được tài trợ",
       "QUẢNG CÁO", "Advertisement", "Bài viết được tài trợ"]
FEEDBACK = [("Bạn thấy bài viết này có hữu ích không?", ["Có", "Không"]),
            ("Bài viết có hữu ích với bạn?", ["Rất hữu ích", "Bình thường", "Không hữu ích"]),
            ("Đánh giá bài viết", ["1", "2", "3", "4", "5"]),
            ("Bạn có hài lòng với bài viết này?", ["Hài lòng", "Chưa hài lòng"]),
            ("Nội dung bài viết thế nào?", ["Hay", "Bình thường", "Chưa hay"])]
COMMENTS = ["Bình luận ({n})", "{n} bình luận", "Gửi bình luận", "Ý kiến của bạn", "Viết bình luận...",
            "Bình luận của bạn sẽ được biên tập trước khi đăng", "Hãy là người đầu tiên bình luận",
            "Xem thêm bình luận", "Ý kiến bạn đọc ({n})", "Thảo luận"]
TAGS = ["Tags: {a}, {b}, {c}", "Từ khóa: {a}; {b}", "Chủ đề: {a}", "#{a} #{b} #{c}", "Tag: {a} - {b}",
        "Từ khoá: {a}, {b}, {c}", "Thẻ: {a}, {b}, {c}", "Thẻ {a} / {b} / {c}", "TỪ KHÓA {a} · {b} · {c}",
        "Tags {a} | {b} | {c}", "Từ khóa liên quan: {a}, {b}, {c}, {a} {b}", "Thẻ bài viết: {a}; {b}; {c}"]
FOOTER = ["© Bản quyền thuộc về {o}", "Giấy phép số {n}/GP-BTTTT cấp ngày 12/3/2021",
          "Tổng biên tập: {name}", "Địa chỉ: {n} phố Trần Hưng Đạo, Hà Nội", "Điện thoại: 024 {n}{n}",
          "Email: toasoan@{d}", "Hotline: 0912 {n} {n}", "Liên hệ quảng cáo: 0988 {n} {n}",
          "Ghi rõ nguồn \"{o}\" khi phát hành lại thông tin từ website này",
          "Cơ quan chủ quản: Hội Nhà báo Việt Nam", "Copyright © 2024 {o}. All rights reserved.",
          "Chịu trách nhiệm nội dung: {name}", "Tòa soạn: {n} Lý Thường Kiệt, Hà Nội"]
CAPTION_T = ["{f} (Ảnh: {s})", "{f}. Ảnh: {s}", "Ảnh minh họa", "{t} - Hình {k}", "{f}. (Nguồn: {s})",
             "Ảnh: {name}/{o}", "Video: {f}", "{f}. (Ảnh minh họa)", "{f} - Ảnh: {s}", "Ảnh: {s}",
             "{f}. Ảnh chụp màn hình", "{f}. Ảnh: Tư liệu", "Clip: {f}", "Hình ảnh: {f}", "{f} (Ảnh: {name})",
             "{f}. Ảnh: {name}", "Infographic: {f}", "{f}. Đồ họa: {o}"]
DATE_T = ["Thứ {wd}, {d:02d}/{m:02d}/{y} - {h:02d}:{mi:02d}", "{d:02d}/{m:02d}/{y} {h:02d}:{mi:02d} GMT+7",
          "Cập nhật: {h:02d}:{mi:02d} {d:02d}/{m:02d}/{y}", "Thứ {wd}, {h:02d}:{mi:02d}, {d:02d}/{m:02d}/{y}",
          "{d:02d}-{m:02d}-{y} - {h:02d}:{mi:02d}", "Đăng lúc {h:02d}:{mi:02d} ngày {d}/{m}/{y}",
          "Chủ nhật, ngày {d}/{m}/{y} | {h:02d}:{mi:02d}", "{h:02d}:{mi:02d} | {d:02d}/{m:02d}/{y}",
          "{d}/{m}/{y}", "Ngày {d} tháng {m} năm {y}", "{h}:{mi:02d} {d:02d}/{m:02d}/{y}",
          "{d:02d}.{m:02d}.{y}, {h:02d}:{mi:02d}", "{h} giờ trước", "{mi} phút trước"]
MENU_SEPS = [" › ", " » ", " ▾ ", " / ", " · ", " - ", " | ", " ▸ ", "  •  "]
# a photo story's section label above the headline
SECTION_LABELS = ["Phóng sự ảnh", "Ảnh", "Media", "Góc nhìn", "Emagazine", "Longform", "Chuyện ảnh",
                  "Infographics", "Điểm nóng", "Nhịp sống", "Ký sự"]
# prefixes a byline may carry (kind 4)
BYLINE_PREFIX = ["By ", "Bởi ", "Tác giả: ", "PV ", "Phóng viên ", "Bài: ", "Viết bởi ", "Người viết: "]
# vote questions whose answers look like names or short phrases (kind 4)
VOTES = [("Bạn ủng hộ phương án nào?", ["Đồng Ý", "Phản Đối", "Chưa Rõ"]),
         ("Cầu thủ xuất sắc nhất trận?", ["{n1}", "{n2}", "{n3}"]),
         ("Bình chọn: bạn nghĩ sao về đề xuất này?", ["Rất Tốt", "Cần Xem Lại", "Không Cần Thiết"])]
SUBHEAD_MAX = 9
WEEKDAY = ["Hai", "Ba", "Tư", "Năm", "Sáu", "Bảy", "2", "3", "4", "5", "6", "7"]


@dataclass
class SyntheticPage:
    lines: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)  # title/body/byline/credit/date/furniture/blank
    article: list[int] = field(default_factory=list)  # article index, -1 for furniture
    gold: list[dict] = field(default_factory=list)  # per article: title, author, via, body lines

    def add(self, text: str, label: str, art: int = -1) -> None:
        self.lines.append(text)
        self.labels.append(label)
        self.article.append(art if label != "furniture" else -1)


def load_clusters(path: Path = MDS) -> list[dict]:
    if not path.is_file():
        raise SystemExit(f"{path} not found")
    return [json.loads(ln) for ln in path.open(encoding="utf-8")]


def _name(rng: random.Random) -> str:
    k = rng.random()
    if k < 0.55:
        return f"{rng.choice(SYLL)} {rng.choice(SYLL)}"
    if k < 0.85:
        return f"{rng.choice(SURN)} {rng.choice(SYLL)} {rng.choice(SYLL)}"
    return f"{rng.choice(SURN)} {rng.choice(SYLL)}"


def _byline(rng: random.Random) -> tuple[str, str, str | None]:
    """(line, author, via)."""
    a = _name(rng)
    k = rng.random()
    if k < 0.08:
        return rng.choice(BYLINE_PREFIX) + a, a, None
    if k < 0.6:
        return a, a, None
    if k < 0.7:
        b = _name(rng)
        return f"{a} - {b}", f"{a} - {b}", None
    if k < 0.8:
        return f"{a} (tổng hợp)", a, None
    if k < 0.9:
        s = rng.choice(SOURCES)
        return f"{a} (Theo {s})", a, s
    return rng.choice(["PV", "Nhóm PV", "CTV"]), None, None  # author not scored for these


def _credit(rng: random.Random, outlet: str) -> tuple[str, str]:
    s = rng.choice(SOURCES + [outlet])
    k = rng.random()
    if k < 0.4:
        return f"Theo {s}", s
    if k < 0.6:
        return f"Nguồn: {s}", s
    if k < 0.75:
        return f"(Theo {s})", s
    if k < 0.88:
        s2 = rng.choice(SOURCES)
        return f"(theo {s}, {s2})", f"{s}, {s2}"
    return f"Lược dịch theo {s}", s


def _date(rng: random.Random, year: int | None = None) -> str:
    return rng.choice(DATE_T).format(
        wd=rng.choice(WEEKDAY), d=rng.randint(1, 28), m=rng.randint(1, 12),
        y=year or rng.randint(2012, 2025), h=rng.randint(0, 23), mi=rng.randint(0, 59))


def _paras(doc: dict) -> list[str]:
    return [p.strip() for p in doc["text"].split("\n") if p.strip()]


def _sentence(doc: dict, rng: random.Random) -> str:
    ps = _paras(doc)
    p = rng.choice(ps[: min(3, len(ps))])
    s = re.split(r"(?<=[.!?])\s+", p)[0]
    return s


def _fragment(text: str, rng: random.Random) -> str:
    ws = text.split()
    k = rng.randint(5, 16)
    return " ".join(ws[:k]).rstrip(",.;:")


def _teaser(doc: dict, rng: random.Random) -> str:
    s = _sentence(doc, rng)
    if rng.random() < 0.5 and len(s.split()) > 12:
        ws = s.split()
        return " ".join(ws[: rng.randint(10, min(30, len(ws)))]) + rng.choice(["...", " ...", "…"])
    return s


def _related_block(page: SyntheticPage, pool: list[dict], rng: random.Random, stamped_year: int) -> None:
    style = rng.randint(0, 6)
    if rng.random() < 0.9:
        page.add(rng.choice(HEADERS) + rng.choice(["", "", ":", " »"]), "furniture")
        if rng.random() < 0.4:
            page.add("", "blank")
    for _ in range(rng.randint(2, 8)):
        d = rng.choice(pool)
        t = d["title"].strip()
        if style == 0:
            page.add(t, "furniture")
        elif style == 1:
            page.add(t + t, "furniture")
            page.add(_date(rng, stamped_year), "furniture")
        elif style == 2:
            page.add(t, "furniture")
            page.add("", "blank")
            page.add(t, "furniture")
            page.add("", "blank")
            page.add(_teaser(d, rng), "furniture")
        elif style == 3:
            page.add(t, "furniture")
            page.add(_teaser(d, rng), "furniture")
        elif style == 4:
            page.add(t, "furniture")
            page.add(rng.choice(CATEGORIES), "furniture")
            page.add(_date(rng, stamped_year), "furniture")
            page.add(_teaser(d, rng), "furniture")
        elif style == 5:
            page.add(rng.choice(["- ", "• ", "+ ", "» ", "> "]) + t, "furniture")
        else:
            page.add(t, "furniture")
            page.add(_date(rng, stamped_year), "furniture")
        if rng.random() < 0.3:
            page.add("", "blank")


def _caption(body: list[str], title: str, rng: random.Random, outlet: str) -> str:
    src = rng.choice(body)
    return rng.choice(CAPTION_T).format(
        f=_fragment(src, rng), s=rng.choice(SOURCES), t=title, k=rng.randint(1, 5),
        name=_name(rng), o=outlet)


def _article(page: SyntheticPage, doc: dict, k: int, others: list[dict], rng: random.Random,
             outlet: str, blanks: bool, photostory: bool, signed: bool = False) -> None:
    title = doc["title"].strip()
    body = _paras(doc)
    gold = {"title": title, "author": None, "via": None, "body": []}

    def gap() -> None:
        if blanks:
            page.add("", "blank")

    page.add(title, "title", k)
    gap()
    if rng.random() < 0.45:
        page.add(_date(rng), "date", k)
        gap()
    top_byline = rng.random() < 0.25
    if top_byline:
        line, a, v = _byline(rng)
        page.add(line, "byline", k)
        gold["author"], gold["via"] = a, v
        gap()
    if rng.random() < 0.35:
        page.add(rng.choice(FOLLOW).format(o=outlet) if rng.random() < 0.5 else rng.choice(SHARE), "furniture")
        gap()
    ins_done = 0
    for j, p in enumerate(body):
        text = p
        if j == 0 and rng.random() < 0.3:
            pre = rng.choice([f"{rng.choice(ACRONYMS)} - ", f"({outlet}) - ", f"{rng.choice(DOMAINS)} - ",
                              f"HÀ NỘI ({rng.choice(ACRONYMS)}) - "])
            text = pre + p
        page.add(text, "body", k)
        gold["body"].append(len(page.lines))
        gap()
        last = j == len(body) - 1
        if last:
            break
        if photostory:
            page.add(title, "furniture")
            continue
        r = rng.random()
        if r < 0.07:
            page.add(_caption(body, title, rng, outlet), "furniture")
            gap()
        elif r < 0.11 and ins_done < 2 and others:
            d = rng.choice(others)
            if rng.random() < 0.3:
                page.add(rng.choice(HEADERS), "furniture")
            page.add(rng.choice(INSERT_PREFIX) + d["title"].strip(), "furniture")
            ins_done += 1
            gap()
        elif r < 0.13:
            page.add(rng.choice(ADS), "furniture")
            gap()
        elif r < 0.145:
            page.add(rng.choice(["Video đang được quan tâm", "VIDEO NỔI BẬT", "Xem video", "Clip nóng"]), "furniture")
            gap()
        elif r < 0.165 and others and ins_done < 2:
            # an inline related box: a heading and two to four headlines, then the text goes on
            page.add(rng.choice(HEADERS) + rng.choice(["", ":", " »"]), "furniture")
            for d in rng.sample(others, min(len(others), rng.randint(2, 4))):
                page.add(rng.choice(["", "", "- ", "• ", "» "]) + d["title"].strip(), "furniture")
            ins_done += 2
            gap()
        elif r < 0.2 and len(body[j + 1]) > 200:
            # a subheading of the article: a few words of the next paragraph, no full stop
            ws = body[j + 1].split()
            k0 = rng.randint(0, 4)
            sub = " ".join(ws[k0 : k0 + rng.randint(3, SUBHEAD_MAX)]).strip(",.;:\"“”()")
            if sub and sub[0].isalpha():
                page.add(sub[0].upper() + sub[1:], "body", k)
                gold["body"].append(len(page.lines))
                gap()
    if photostory:
        for _ in range(rng.randint(0, 6)):
            page.add(title, "furniture")
    if rng.random() < 0.1:
        # a tag line below the text, before the signature
        words = [d["title"].split()[:2] for d in rng.sample(others, 3)] if len(others) >= 3 else [["Tin"], ["Mới"], ["Nhất"]]
        a, b, c = (" ".join(w) for w in words)
        page.add(rng.choice(TAGS).format(a=a, b=b, c=c), "furniture")
        gap()
    if not top_byline and rng.random() < 0.7:
        line, a, v = _byline(rng)
        page.add(line, "byline", k)
        gold["author"], gold["via"] = a, v
        gap()
    if rng.random() < 0.5 or (signed and not gold["author"] and not gold["via"]):
        line, v = _credit(rng, outlet)
        page.add(line, "credit", k)
        gold["via"] = ", ".join(x for x in (gold["via"], v) if x)
        gap()
    page.gold.append(gold)


def build_page(cluster: dict, clusters: list[dict], rng: random.Random) -> SyntheticPage:
    page = SyntheticPage()
    docs = [d for d in cluster["documents"] if d.get("title") and d.get("text")]
    doc = rng.choice(docs)
    same = [d for d in docs if d is not doc]
    other_pool = [d for c in rng.sample(clusters, 6) for d in c["documents"] if d.get("title")]
    outlet = rng.choice(OUTLETS + DOMAINS)
    blanks = rng.random() < 0.6
    year = rng.randint(2023, 2026)
    if rng.random() < 0.5:
        for _ in range(rng.randint(1, 6)):
            page.add(rng.choice(NAV), "furniture")
        if rng.random() < 0.4:
            page.add(" > ".join(rng.sample(NAV, 3)), "furniture")
        if blanks:
            page.add("", "blank")
    if rng.random() < 0.25:
        # a one-line menu with arrow/separator characters, then maybe a section label
        page.add(rng.choice(MENU_SEPS).join(rng.sample(NAV, rng.randint(3, 7))), "furniture")
        if rng.random() < 0.5:
            page.add(rng.choice(SECTION_LABELS + CATEGORIES), "furniture")
        if blanks:
            page.add("", "blank")
    photostory = rng.random() < 0.05
    # an appended article follows a signed or credited one (the boundary the cleaner uses)
    second = bool(same) and rng.random() < 0.2
    _article(page, doc, 0, same + other_pool, rng, outlet, blanks, photostory, signed=second)
    if second:
        # an aggregator appends an older article on the same matter
        _article(page, rng.choice(same), 1, other_pool, rng, rng.choice(OUTLETS), blanks, False)
    tail = ["feedback", "comments", "related", "related", "tags", "footer", "share", "trending", "vote"]
    rng.shuffle(tail)
    for kind in tail[: rng.randint(0, len(tail))]:
        if kind == "feedback":
            q, ans = rng.choice(FEEDBACK)
            page.add(q, "furniture")
            for a in ans:
                page.add(a + rng.choice(["", ";"]), "furniture")
        elif kind == "vote":
            q, ans = rng.choice(VOTES)
            page.add(q, "furniture")
            for a in ans:
                page.add(a.format(n1=_name(rng), n2=_name(rng), n3=_name(rng)), "furniture")
        elif kind == "comments":
            page.add(rng.choice(COMMENTS).format(n=rng.randint(0, 99)), "furniture")
        elif kind in ("related", "trending"):
            _related_block(page, other_pool + same, rng, year)
        elif kind == "tags":
            words = [d["title"].split()[:2] for d in rng.sample(other_pool, 3)]
            a, b, c = (" ".join(w) for w in words)
            page.add(rng.choice(TAGS).format(a=a, b=b, c=c), "furniture")
        elif kind == "footer":
            for t in rng.sample(FOOTER, rng.randint(1, 4)):
                page.add(t.format(o=outlet, n=rng.randint(10, 999), name=_name(rng), d=rng.choice(DOMAINS)), "furniture")
        elif kind == "share":
            page.add(rng.choice(FOLLOW).format(o=outlet) if rng.random() < 0.5 else rng.choice(SHARE), "furniture")
        if blanks:
            page.add("", "blank")
    return page


def build_pages(clusters: list[dict], pool: list[dict], rng: random.Random, per_cluster: int = 3) -> list[SyntheticPage]:
    return [build_page(c, pool, rng) for c in clusters for _ in range(per_cluster)]


def split_clusters(clusters: list[dict]) -> tuple[list[dict], list[dict]]:
    """Train / dev: every fifth cluster is held out for development figures."""
    train = [c for i, c in enumerate(clusters) if i % 5 != 0]
    dev = [c for i, c in enumerate(clusters) if i % 5 == 0]
    return train, dev


if __name__ == "__main__":
    cl = load_clusters()
    tr, dv = split_clusters(cl)
    p = build_page(dv[0], dv, random.Random(1))
    for t, lab in zip(p.lines, p.labels, strict=True):
        print(f"{lab:10s} {t[:90]}")
