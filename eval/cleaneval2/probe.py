"""Layout probes for the cleaner: random combinations of page furniture around invented
articles, each checked for the right titles and exactly the article text.

A development tool, not a scored split: it finds layouts the cleaner gets wrong (site-header
blocks, one-line menus, timestamps in many formats before or after the headline, top
bylines, share bars and players, repeated sapo, photo stories, live blogs, untitled pages,
two or three articles with or without signatures, "next article" labels). No mds text.

    .venv/bin/python eval/cleaneval2/probe.py [--n 400] [--seed 0]
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))

from thoisu.clean import extract_articles  # noqa: E402
from thoisu.models import Page, SourceLine  # noqa: E402

HEAD_A = "Thành phố thông qua đề án giao thông đô thị hơn 20.000 tỷ đồng"
A = ["Chính phủ thông qua đề án phát triển giao thông đô thị với tổng vốn đầu tư hơn 20.000 tỷ "
     "đồng trong giai đoạn tới, theo thông báo của Văn phòng Chính phủ chiều qua.",
     "Theo đề án, thành phố sẽ xây dựng thêm ba tuyến đường sắt đô thị, mở rộng mạng lưới xe buýt "
     "nhanh và cải tạo hàng loạt nút giao thông thường xuyên ùn tắc vào giờ cao điểm.",
     "Các chuyên gia cho rằng việc huy động vốn từ khu vực tư nhân sẽ là yếu tố quyết định, bởi "
     "ngân sách nhà nước chỉ đáp ứng được khoảng một phần ba nhu cầu trong những năm tới.",
     "Bộ Giao thông vận tải được giao chủ trì, phối hợp với các địa phương rà soát quy hoạch, "
     "đề xuất cơ chế đặc thù và báo cáo kết quả trước cuối quý ba năm nay."]
HEAD_B = "Đội tuyển bóng chuyền nữ lần thứ ba liên tiếp vô địch khu vực"
B = ["Đội tuyển bóng chuyền nữ giành chiến thắng thuyết phục trước đối thủ trong trận chung kết "
     "tối qua, qua đó lần thứ ba liên tiếp bước lên ngôi vô địch khu vực.",
     "Huấn luyện viên trưởng cho biết các cầu thủ đã tập luyện rất chăm chỉ suốt ba tháng qua và "
     "chiến thắng này là phần thưởng xứng đáng cho nỗ lực của cả tập thể.",
     "Sau giải đấu, đội sẽ có hai tuần nghỉ ngơi trước khi hội quân chuẩn bị cho vòng loại giải "
     "vô địch châu lục dự kiến diễn ra vào mùa thu năm sau tại nước chủ nhà."]
HEAD_C = "Lãi suất cho vay giảm nhưng doanh nghiệp nhỏ vẫn khó tiếp cận vốn ngân hàng"
C = ["Ngân hàng Nhà nước cho biết lãi suất cho vay bình quân đã giảm khoảng nửa điểm phần trăm so "
     "với cuối năm ngoái, trong khi tăng trưởng tín dụng mới đạt khoảng bốn phần trăm.",
     "Nhiều doanh nghiệp nhỏ phản ánh vẫn khó tiếp cận vốn vì thiếu tài sản bảo đảm, dù các ngân "
     "hàng thương mại đã công bố những gói tín dụng ưu đãi với lãi suất thấp hơn mặt bằng chung.",
     "Giới phân tích dự báo tín dụng sẽ tăng tốc trong những tháng cuối năm khi sức cầu phục hồi, "
     "song cảnh báo rủi ro nợ xấu có thể gia tăng nếu các khoản vay không được thẩm định chặt chẽ."]

RELATED = ["Giá vàng hôm nay tăng mạnh phiên thứ ba liên tiếp", "Mưa lớn gây ngập nhiều tuyến phố ở miền Trung",
           "Ca sĩ nổi tiếng tổ chức đêm nhạc gây quỹ từ thiện cho trẻ em vùng cao",
           "Hà Nội thí điểm thu phí xe ô tô vào nội đô từ năm sau"]
TEASER = ("Giá vàng miếng trong nước tiếp tục tăng thêm nửa triệu đồng mỗi lượng sáng nay, đưa mức chênh "
          "lệch với giá thế giới lên cao nhất trong nhiều tháng qua.")
INSERTS = ["XEM THÊM: {h}", "Tin liên quan: {h}", "► {h}", "Đọc thêm >> {h}", "Hình minh họa", "{t} (ảnh 2)",
           "Người dân theo dõi diễn biến. (Ảnh: Reuters)", "Ảnh: Minh Anh/Báo Sông Hồng", "Video đang được quan tâm"]
TOPS = ["", "Đăng nhập", "Tìm kiếm", "Báo in", "Podcast\nTiện ích\nThời tiết", "Hotline: 0912 345 678",
        "Tin nóng", "Mới nhất", "Thứ bảy, 16/09/2023", "Đường dây nóng: 0243 888 999", "Tin nổi bật"]
MENUS = ["", "Trang chủ | Thời sự | Thế giới | Kinh doanh | Giải trí",
         "Home  Thời sự  Thế giới  Kinh doanh", "Thời sự\nThế giới\nKinh doanh\nGiải trí\nThể thao",
         "Trang đầu / Xã hội / Pháp luật / Giáo dục"]
CRUMBS = ["", "Thế giới » Quân sự", "Thế giới", "THẾ GIỚI", "Home / Thế giới / Châu Á", "Xã hội › Giao thông"]
DATES = ["", "Đăng lúc 07:30 - 18/09/2022", "Thứ bảy, 16/09/2023 | 10:15", "Xuất bản: 10:15 16/09/2023",
         "2023-09-16 10:15", "16.09.2023 | 10:15 GMT+7", "10:15 Thứ bảy, ngày 16 tháng 9 năm 2023"]
BYLINES = ["", "PV Minh Anh", "Nguyễn Hải Yến - Bloomberg", "(Theo Reuters)", "Nhóm phóng viên",
           "Minh Anh/VOV.VN", "Tác giả: Thu Hà"]
SHARES = ["", "Chia sẻ", "Facebook Twitter Email", "Copy link", "Nghe bài viết 🔊", "Bình luận (12)",
          "Báo Sông Hồng trên Zalo", "Lưu tin\nGửi bài", "Tự động phát"]
SIGNS = ["", "", "Minh Anh", "Theo Reuters", "PV Thu Hà", "Nguyễn Hải Yến - Bloomberg", "(Theo TTXVN)",
         "Minh Anh/VOV.VN", "Nguồn: AFP", "Bài và ảnh: Ngô Mai Phương"]
LABELS = [None, None, "Bài viết tiếp theo", "Đọc tiếp bài sau", "Tin tiếp theo", "Bài kế tiếp"]


def page_of(text: str) -> Page:
    lines = text.split("\n")
    return Page(path="probe.txt", lines=[SourceLine(t, i + 1) for i, t in enumerate(lines)],
                sha=hashlib.sha256(text.encode()).hexdigest(), fmt="txt")


def one_article(rng: random.Random) -> tuple[str, list[str | None], list[list[str]]]:
    """A single article under random site furniture; sometimes untitled, a photo story or a
    live blog."""
    kind = rng.choice(["news", "news", "photo", "live", "untitled"])
    title = ("TRỰC TIẾP: " + HEAD_A) if kind == "live" and rng.random() < 0.5 else HEAD_A
    d, pos, lead = rng.choice(DATES), rng.choice(["before", "after", "lead"]), rng.choice(["", "HÀ NỘI - "]) + A[0]
    out = [x for x in (rng.choice(TOPS), rng.choice(MENUS), rng.choice(CRUMBS)) if x]
    if d and pos == "before":
        out.append(d)
    if kind != "untitled":
        out.append(title)
    if d and pos == "after":
        out.append(d)
    out += [x for x in (rng.choice(BYLINES), rng.choice(SHARES)) if x]
    out.append(lead)
    if d and pos == "lead":
        out.append(d)
    if rng.random() < 0.3:
        out.append(lead)  # the sapo printed again
    for k, p in enumerate(A[1:]):
        if kind == "photo":
            out.append(f"{title} - Ảnh {k + 1}")
        elif kind == "live":
            out.append(f"{rng.randint(6, 23):02d}:{rng.randint(0, 59):02d}")
        out.append(p)
    return "\n".join(out), [None if kind == "untitled" else title], [A]


def several_articles(rng: random.Random) -> tuple[str, list[str | None], list[list[str]]]:
    """Two or three articles, with or without signatures, labels and date lines."""
    arts = [(HEAD_A, A), (HEAD_B, B), (HEAD_C, C)][: rng.choice([2, 2, 3])]
    d, pos, label, rep = rng.choice(DATES), rng.choice(["before", "after", "lead"]), rng.choice(LABELS), rng.random() < 0.3
    out: list[str] = []
    related = rng.random() < 0.3
    for k, (head, ps) in enumerate(arts):
        if k and related:  # a related block between two articles, headlines dated or timed
            out.append(rng.choice(["Tin liên quan", "Đọc nhiều", "Bài viết cùng chuyên mục", "Có thể bạn quan tâm"]))
            for h in RELATED[: rng.randint(2, 4)]:
                out.append(h)
                out.append(rng.choice(["2 giờ trước", "12/05/2019", "3 ngày trước", "08:15 12/05/2019"]))
                if rng.random() < 0.5:
                    out.append(TEASER)
        elif k and label:
            out.append(label)
        if d and pos == "before":
            out.append(d)
        out.append(head)
        if d and pos == "after":
            out.append(d)
        out.append(ps[0])
        if d and pos == "lead":
            out.append(d)
        if rep:
            out.append(ps[0])
        for p in ps[1:]:
            if rng.random() < 0.25:  # inserts and captions inside the text
                out.append(rng.choice(INSERTS).format(h=RELATED[rng.randrange(len(RELATED))], t=head))
            out.append(p)
        sign = rng.choice(SIGNS)
        if sign:
            out.append(sign)
    out += ["Tin liên quan", "Giá vàng hôm nay tăng mạnh phiên thứ ba liên tiếp",
            "Mưa lớn gây ngập nhiều tuyến phố ở miền Trung"]
    return "\n".join(out), [h for h, _ in arts], [ps for _, ps in arts]


def check(text: str, titles: list[str | None], bodies: list[list[str]]) -> bool:
    arts = extract_articles(page_of(text))
    if [a.title for a in arts] != titles:
        return False
    for a, ps in zip(arts, bodies, strict=True):
        got = [p.text for p in a.paragraphs]
        # the first paragraph may lose its dateline prefix ("HÀ NỘI - ")
        if len(got) != len(ps) or got[1:] != ps[1:] or ps[0][:-1] not in got[0]:
            return False
    return True


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=400, help="pages per family")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--show", type=int, default=2, help="failing pages printed per family")
    a = ap.parse_args()
    families: dict[str, Callable[[random.Random], tuple[str, list[str | None], list[list[str]]]]] = {
        "one article": one_article, "several articles": several_articles}
    for name, make in families.items():
        rng = random.Random(a.seed)
        bad = []
        for _ in range(a.n):
            text, titles, bodies = make(rng)
            if not check(text, titles, bodies):
                bad.append(text)
        print(f"{name:<18} {a.n - len(bad)}/{a.n} right")
        for text in bad[: a.show]:
            print("   " + " ¶ ".join(x[:30] for x in text.split("\n")))


if __name__ == "__main__":
    main()
