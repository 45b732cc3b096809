"""An article written to attack its reader: script tags, an onerror image and a javascript: link.

Every page that shows it must show these as text and run none of them.
"""

from __future__ import annotations

import json
from pathlib import Path

SCRIPT_TITLE = '<script>alert("title")</script>'
IMG_ONERROR = '"><img src=x onerror=alert("body")>'
JAVASCRIPT_URL = "javascript:alert(document.domain)//tuoitre.vn"
JAVASCRIPT_LINK = "<a href=\"javascript:alert('link')\">đây</a>"
TITLE = f"Hà Nội khánh thành đường mới {SCRIPT_TITLE} ở phía tây thành phố"


def write_hostile_article(folder: Path) -> Path:
    """Write the hostile article as a news-please JSON record in folder and return its path."""
    record = {
        "title": TITLE,
        "date_publish": "2024-06-03 08:00:00",
        "url": JAVASCRIPT_URL,
        "description": "Sáng 3/6, Ủy ban nhân dân thành phố Hà Nội cho biết đã hoàn thành 12 dự án đường bộ.",
        "maintext": "\n".join(
            [
                "Ông Nguyễn Văn Thắng, Chủ tịch Ủy ban nhân dân thành phố Hà Nội, cho biết các công trình "
                f"được đưa vào sử dụng {IMG_ONERROR} trong năm nay.",
                f"Người dân có thể xem thêm tại {JAVASCRIPT_LINK} để biết chi tiết về tuyến đường mới.",
                "Tổng vốn đầu tư của dự án là 1.200 tỷ đồng, trong đó ngân sách thành phố chi 800 tỷ đồng.",
            ]
        ),
    }
    path = folder / "hostile-article.json"
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    return path
