"""Word lists the entity rules lean on: surnames, places, role titles, organisation heads.

Vietnamese names start with one of about a hundred surnames, so a capitalised run that starts
with one is far more likely a person than a generic tagger's guess; places that happen to start
with a surname ("Hà Nội", "Cao Bằng") are listed so they are never taken for people.
"""

from __future__ import annotations

SURNAMES = frozenset(
    [
        "Nguyễn",
        "Trần",
        "Lê",
        "Phạm",
        "Hoàng",
        "Huỳnh",
        "Phan",
        "Vũ",
        "Võ",
        "Đặng",
        "Bùi",
        "Đỗ",
        "Hồ",
        "Ngô",
        "Dương",
        "Lý",
        "Đinh",
        "Trương",
        "Đào",
        "Lâm",
        "Mai",
        "Tô",
        "Cao",
        "Hà",
        "Lương",
        "Trịnh",
        "Đoàn",
        "Tạ",
        "Chu",
        "Quách",
        "Lưu",
        "Kiều",
        "Thái",
        "Triệu",
        "Phùng",
        "Vương",
        "Tăng",
        "Từ",
        "Lã",
        "La",
        "Châu",
        "Mạc",
        "Khúc",
        "Thân",
        "Giang",
        "Tôn",
        "Âu",
        "Doãn",
        "Hứa",
        "Nông",
        "Lục",
        "Quan",
        "Tống",
        "Diệp",
        "Kim",
        "Khổng",
        "Trịnh",
        "Đàm",
        "Viên",
        "Hàn",
        "Lò",
        "Lại",
        "Ninh",
        "Thạch",
        "Nghiêm",
        "Hầu",
        "Vi",
        "Mẫn",
        "Khương",
        "Cù",
    ]
)

PROVINCES = frozenset(
    """An Giang|Bà Rịa - Vũng Tàu|Bà Rịa|Vũng Tàu|Bạc Liêu|Bắc Giang|Bắc Kạn|Bắc Ninh|Bến Tre|
    Bình Dương|Bình Định|Bình Phước|Bình Thuận|Cà Mau|Cao Bằng|Cần Thơ|Đà Nẵng|Đắk Lắk|Đắk Nông|
    Điện Biên|Đồng Nai|Đồng Tháp|Gia Lai|Hà Giang|Hà Nam|Hà Nội|Hà Tĩnh|Hải Dương|Hải Phòng|
    Hậu Giang|Hòa Bình|Hưng Yên|Khánh Hòa|Kiên Giang|Kon Tum|Lai Châu|Lạng Sơn|Lào Cai|Lâm Đồng|
    Long An|Nam Định|Nghệ An|Ninh Bình|Ninh Thuận|Phú Thọ|Phú Yên|Quảng Bình|Quảng Nam|
    Quảng Ngãi|Quảng Ninh|Quảng Trị|Sóc Trăng|Sơn La|Tây Ninh|Thái Bình|Thái Nguyên|Thanh Hóa|
    Thừa Thiên Huế|Huế|Tiền Giang|Trà Vinh|Tuyên Quang|Vĩnh Long|Vĩnh Phúc|Yên Bái|
    TP.HCM|TPHCM|TP HCM|Hồ Chí Minh|Sài Gòn|Việt Nam|Trung Quốc|Mỹ|Nhật Bản|Hàn Quốc|Los Angeles|
    Tân Sơn Nhất|Long Thành|Biên Hòa|Buôn Ma Thuột|Mỹ Thuận|Cao Lãnh|Bến Lức|Phú Nhuận|
    Thanh Xuân|miền Tây|Tây Nguyên|Đồng bằng sông Cửu Long""".replace("\n", "").split("|")
)
PROVINCES = frozenset(name.strip() for name in PROVINCES if name.strip())

# Words that put a place after them: "quận 1", "tỉnh Hòa Bình", "đường Lê Duẩn".
PLACE_HEADS = ("thành phố", "tỉnh", "quận", "huyện", "thị xã", "xã", "phường", "đường", "phố", "TP.")

# Titles that introduce a person's role, longest first so "Phó Thủ tướng" wins over "Thủ tướng".
ROLE_TITLES = sorted(
    """bí thư|phó bí thư|tổng bí thư|chủ tịch|phó chủ tịch|thủ tướng|phó thủ tướng|bộ trưởng|
    thứ trưởng|trưởng ban|phó trưởng ban|giám đốc|phó giám đốc|tổng giám đốc|trưởng phòng|
    phó trưởng phòng|trưởng khoa|chủ nhiệm|viện trưởng|chánh án|chánh văn phòng|ủy viên|
    đại tướng|thượng tướng|trung tướng|thiếu tướng|đại tá|thượng tá|trung tá|bị can|bị cáo|
    kỹ thuật viên|chủ vựa|nhân công|tiểu thương|luật sư|bác sĩ|giáo sư|phó giáo sư|tiến sĩ|
    nguyên|cựu|người phát ngôn|đại sứ|tổng thư ký|phóng viên|trung tá|giáo viên|kỳ thủ""".replace(
        "\n", ""
    ).split("|"),
    key=len,
    reverse=True,
)
ROLE_TITLES = [title.strip() for title in ROLE_TITLES if title.strip()]
HONORIFICS = frozenset({"ông", "bà", "anh", "chị", "em", "cô", "chú", "bác"})

# Heads of organisation names; the capitalised words after a head belong to the name.
ORG_HEADS = sorted(
    """Thành ủy|Tỉnh ủy|Quận ủy|Huyện ủy|Đảng ủy|Đảng bộ|Ban Chấp hành|BCH|Bộ Chính trị|Ban Bí thư|
    Ban Thường vụ|Ban Tổ chức|Ban Chỉ đạo|Ban Tuyên giáo|Ban Nội chính|Ủy ban Kiểm tra|
    Ủy ban nhân dân|UBND|HĐND|VKSND|TAND|Viện Kiểm sát|Tòa án|Bộ Công an|Bộ|Sở|Viện|
    Bệnh viện|Công ty|Tập đoàn|Ngân hàng|Cơ quan cảnh sát điều tra|Cơ quan Cảnh sát điều tra|
    Cơ quan CSĐT|Thanh tra Chính phủ|Chính phủ|Quốc hội|Liên đoàn|Trung ương Đoàn|Hội đồng|
    Trường Đại học|Đại học|Mặt trận Tổ quốc|Tổng cục|Cục|Văn phòng|Hội Nông dân|Hội Liên hiệp|
    Fox News|CXA|WXF|ACV""".replace("\n", "").split("|"),
    key=len,
    reverse=True,
)
ORG_HEADS = [head.strip() for head in ORG_HEADS if head.strip()]
# Heads that name an organisation on their own; the others need a capitalised word after them.
STANDALONE_ORG_HEADS = frozenset(
    """Thành ủy|Tỉnh ủy|Quận ủy|Huyện ủy|Bộ Chính trị|Ban Bí thư|Ban Thường vụ|Ban Chỉ đạo|
    Ủy ban Kiểm tra|UBND|HĐND|VKSND|TAND|Thanh tra Chính phủ|Chính phủ|Quốc hội|
    Cơ quan cảnh sát điều tra|Cơ quan Cảnh sát điều tra|Cơ quan CSĐT|Fox News|CXA|WXF|ACV""".replace(
        "\n", ""
    ).split("|")
)
STANDALONE_ORG_HEADS = frozenset(head.strip() for head in STANDALONE_ORG_HEADS)
