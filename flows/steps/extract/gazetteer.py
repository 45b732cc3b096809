"""Word lists the entity rules lean on: surnames and places (titles and organisations have their own).

Vietnamese names start with one of about a hundred surnames, so a capitalised run that starts
with one is far more likely a person than a generic tagger's guess; places that happen to start
with a surname ("Hà Nội", "Cao Bằng") are listed so they are never taken for people.
"""

from __future__ import annotations

import re

from flows.steps.extract.titles import _split

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
        "Tập",
        "Mao",
        "Ôn",
        "Bạc",
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
    Thanh Xuân|miền Tây|Tây Nguyên|Đồng bằng sông Cửu Long|
    Phan Thiết|Nha Trang|Đà Lạt|Vinh|Pleiku|Quy Nhơn|Hạ Long|Thủ Đức|Từ Liêm|Bắc Từ Liêm|
    Nam Từ Liêm|Hoàn Kiếm|Ba Đình|Đống Đa|Hai Bà Trưng|Hoàng Mai|Long Biên|Cầu Giấy|Tây Hồ|
    Hà Đông|Gò Vấp|Bình Thạnh|Tân Bình|Tân Phú|Bình Tân|Củ Chi|Hóc Môn|Cần Giờ|Nhà Bè|Bình Chánh|
    Ninh Hòa|Cam Ranh|Phú Quốc|Hội An|Sa Pa|Móng Cái|Vũng Tàu|Thủ Dầu Một|Rạch Giá|Châu Đốc|
    Hoa Lư|Đông Anh|Sóc Sơn|Gia Lâm|Thanh Trì|
    Nam Bộ|Bắc Bộ|Trung Bộ|Đông Nam Bộ|Tây Nam Bộ|Bắc Trung Bộ|Nam Trung Bộ|miền Trung|miền Bắc|
    miền Nam|châu Á|châu Âu|châu Phi|châu Mỹ|Đông Nam Á|
    Nga|Pháp|Úc|Canada|Ấn Độ|Thái Lan|Lào|Campuchia|Singapore|Malaysia|Indonesia|
    Philippines|Myanmar|Đài Loan|Hong Kong|Triều Tiên|Ukraine|Israel|Iran|Iraq|Ai Cập|Qatar|
    Thổ Nhĩ Kỳ|Hungary|Thụy Điển|Phần Lan|Na Uy|Ba Lan|Tây Ban Nha|Bồ Đào Nha|Hà Lan|Bỉ|
    Thụy Sĩ|Áo|Séc|Brazil|Argentina|Mexico|Nam Phi|Saudi Arabia|Ả Rập Saudi|Syria|Gaza|
    Dải Gaza|Palestine|Sudan|Nam Sudan|Ethiopia|Nhật|New York|Washington|London|Paris|
    Berlin|Moskva|Moscow|Kiev|Kyiv|Bắc Kinh|Thượng Hải|Tokyo|Seoul|Bangkok|Tel Aviv|
    Saint Petersburg|Budapest|Stockholm|Milan|Osaka|Busan|Houston|Minnesota|California|Texas|
    Nhà Trắng""".replace("\n", "").split("|")
)
PROVINCES = frozenset(name.strip() for name in PROVINCES if name.strip())
# Countries that are also given names or common words ("ông Đức", "Anh cho biết"): a place only
# after a word that asks for one ("nước Anh", "tại Đức").
AMBIGUOUS_PLACES = frozenset({"Anh", "Đức", "Ý", "Áo", "Bỉ", "Séc", "Vinh"})

# Words that put a place after them: "quận 1", "tỉnh Hòa Bình", "đường Lê Duẩn"; a name right
# after one is a place, never a person ("đường Nguyễn Huệ", "xã Phong Thu").
PLACE_HEADS = tuple(
    _split(
        """thành phố|TP|TP.|tỉnh|quận|Q.|huyện|H.|thị xã|thị trấn|xã|phường|thôn|ấp|xóm|làng|bản|
        khu phố|đường|phố|ngõ|hẻm|đại lộ|quốc lộ|tỉnh lộ|cao tốc|giao lộ|nút giao|cầu|bến|chợ|trạm|ga|
        sân bay|cảng|sông|dòng|núi|đèo|hồ|đảo|biển|vịnh|chùa|đền|đình|lăng|miếu|nhà thờ|
        cánh đồng|ruộng|khu|vùng|miền|tuyến|năm|Tết|Video|Ảnh|hạt|bang|tiểu bang|châu|quận hạt"""
    )
)
# Words that open a list of streets ("các đường Đồng Văn Cống, Nguyễn Thị Định (quận 2)").
STREET_HEADS = ("đường", "phố", "tuyến đường", "trạm", "giao lộ", "cao tốc", "tuyến", "đại lộ")

# A number after these counts or dates something, it is no house's: "mùa 3 Nguyễn Mạnh Cường",
# "phút 45 Văn Toàn" name people, not streets ("282 Nguyễn Huy Tưởng").
COUNTED_NUMBER = re.compile(
    r"(?:^|\s)(?:mùa|lần|khóa|khoá|lớp|kỳ|tập|phần|năm|tháng|ngày|giải|hạng|phút|vòng|top)\s\d+\s+$",
    re.IGNORECASE,
)
