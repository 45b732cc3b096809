"""Articles written for the story tests: a near-copy of the seed from another outlet, and small
reports of made-up events, some on one event from different angles and some on nothing alike.

Written here, not taken from any outlet. Each is a scraped page (Title/Source/Link/Published
Date/Content), so outlet, URL and date are the article's own.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import SEED

ADDED_SENTENCE = "Bài viết được đăng lại với sự đồng ý của tòa soạn gốc."

# Two angles on one made-up fire: the firefight, and the traders' losses. Each alone is its own story
# (they share little but the market's name); the third report tells both and so merges them.
FIREFIGHT = (
    "Lính cứu hỏa dập đám cháy lớn ở chợ Bến Lạc",
    [
        "Rạng sáng nay, đám cháy bùng lên tại khu chợ Bến Lạc, khói đen bốc cao hàng chục mét.",
        "Mười hai xe chữa cháy cùng hơn tám mươi lính cứu hỏa được điều đến hiện trường.",
        "Lực lượng cứu hỏa dùng xe thang và vòi rồng phun nước từ bốn phía để khống chế ngọn lửa.",
        "Sau ba giờ, lính cứu hỏa dập tắt đám cháy, không có thương vong về người.",
        "Xe chữa cháy tiếp tục túc trực để phun nước làm mát, ngăn lửa bùng phát trở lại.",
    ],
)
TRADERS = (
    "Tiểu thương mất trắng hàng hóa trước Tết",
    [
        "Hàng trăm tiểu thương ngồi thẫn thờ bên những sạp vải và quầy tạp hóa đã thành tro.",
        "Nhiều tiểu thương vừa nhập hàng hóa trị giá hàng trăm triệu đồng để bán dịp Tết Nguyên đán.",
        "Ban quản lý chợ cho biết thiệt hại ban đầu ước tính hơn năm mươi tỷ đồng.",
        "Các tiểu thương mong được hỗ trợ vốn vay và bồi thường để sớm buôn bán trở lại.",
        "Chính quyền phường đang lập danh sách tiểu thương bị thiệt hại để xét hỗ trợ.",
    ],
)
BOTH = (
    "Cháy chợ Bến Lạc: lính cứu hỏa dập lửa, tiểu thương mất trắng hàng hóa",
    [
        "Đám cháy lớn bùng lên tại chợ Bến Lạc rạng sáng nay, mười hai xe chữa cháy được điều đến.",
        "Lính cứu hỏa dùng xe thang và vòi rồng phun nước, sau ba giờ dập tắt đám cháy.",
        "Hàng trăm tiểu thương mất trắng hàng hóa nhập về để bán dịp Tết Nguyên đán.",
        "Ban quản lý chợ ước tính thiệt hại hơn năm mươi tỷ đồng, tiểu thương mong được bồi thường.",
        "Chính quyền phường lập danh sách tiểu thương bị thiệt hại, xe chữa cháy vẫn túc trực tại chợ.",
    ],
)
# A second report of the firefight, in other words: it joins the firefight's story.
FIREFIGHT_AGAIN = (
    "Hơn tám mươi lính cứu hỏa chữa cháy chợ Bến Lạc",
    [
        "Khói đen bốc cao từ khu chợ Bến Lạc khi đám cháy bùng lên lúc rạng sáng.",
        "Hơn tám mươi lính cứu hỏa cùng mười hai xe chữa cháy có mặt, dùng vòi rồng phun nước.",
        "Lính cứu hỏa khống chế ngọn lửa sau ba giờ, xe thang được dùng để dập đám cháy trên mái.",
        "Không có thương vong, xe chữa cháy ở lại phun nước làm mát khu vực.",
    ],
)
# Nothing like the fire: durian prices in the Mekong delta.
DURIAN = (
    "Giá sầu riêng tăng vọt ở miền Tây",
    [
        "Giá sầu riêng Ri6 tại các vườn ở Tiền Giang tăng lên mức cao nhất trong năm.",
        "Thương lái thu mua sầu riêng Monthong với giá gần một trăm nghìn đồng mỗi ký.",
        "Nhà vườn cho biết sản lượng giảm do hạn mặn kéo dài từ đầu mùa khô.",
        "Doanh nghiệp xuất khẩu sầu riêng sang Trung Quốc tăng mạnh đơn hàng.",
    ],
)


def scraped_page(title: str, body: list[str], outlet: str, url: str, published: str) -> str:
    """Return an article as a scraped page, its body flattened onto the Content line."""
    return (
        f"Title: {title}\nSource: {outlet}\nLink: {url}\nPublished Date: {published}\n"
        f"Content: {' '.join(body)}\n"
    )


def write_report(folder: Path, name: str, report: tuple[str, list[str]], day: int = 18) -> Path:
    """Write one of the made-up reports as a scraped page of its own URL; return its path."""
    folder.mkdir(parents=True, exist_ok=True)
    title, body = report
    path = folder / f"{name}.txt"
    page = scraped_page(
        title, body, "Báo Thử", f"https://bao-thu.example.vn/{name}.html", f"2024-02-{day:02d} 08:00:00"
    )
    path.write_text(page, encoding="utf-8")
    return path


# The reports in the order a run reads them (by name): the firefight, the traders' losses apart from
# it, the durian prices on another matter, the report of both that merges the first two, the
# firefight again.
REPORTS = [
    ("1-fire", FIREFIGHT),
    ("2-traders", TRADERS),
    ("3-durian", DURIAN),
    ("4-both", BOTH),
    ("5-fire-again", FIREFIGHT_AGAIN),
]


def write_reports(folder: Path) -> None:
    """Write the five made-up reports of REPORTS into folder."""
    for name, report in REPORTS:
        write_report(folder, name, report)


def seed_paragraphs() -> tuple[str, list[str]]:
    """Return the seed's title and the lines of its body, as the file holds them."""
    lines = [line.strip() for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    return lines[0], lines[1:]


COPY_URL = "https://dang-lai.example.vn/ha-noi-thi-diem.html"


def write_seed_record(
    folder: Path, name: str, url: str, domain: str, published: str, added: str | None = None
) -> Path:
    """Write the seed as a news-please record of an outlet (its URL, domain and date), a sentence added."""
    title, body = seed_paragraphs()
    record = {
        "title": title,
        "maintext": "\n".join([*body, *([added] if added else [])]),
        "url": url,
        "date_publish": published,
        "source_domain": domain,
    }
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    return path


def write_seed_copy(folder: Path, name: str = "copy.json") -> Path:
    """Write the seed as another outlet republished it a day later, with one sentence more at its end."""
    return write_seed_record(
        folder, name, COPY_URL, "dang-lai.example.vn", "2022-07-14 09:30:00", ADDED_SENTENCE
    )
