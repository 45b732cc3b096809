"""Word lists for organisation names: heads, the lower-case words official names carry, known bodies.

Vietnamese official names start with a head ("Sở", "Công an", "Bệnh viện") and run on over
capitalised words and a few lower-case ones that belong to them ("Sở Tài nguyên và Môi trường",
"Cục Cảnh sát giao thông", "Liên đoàn lao động tỉnh Bình Dương"). Foreign bodies, outlets and
brands are written in Latin script or as acronyms and are listed by name.
"""

from __future__ import annotations

from flows.steps.extract.titles import _split

# Heads of organisation names, longest first: a longer head claims its words before a shorter one.
ORG_HEADS = sorted(
    _split(
        """Thành ủy|Tỉnh ủy|Quận ủy|Huyện ủy|Đảng ủy|Đảng bộ|Ban Chấp hành|BCH|Bộ Chính trị|Ban Bí thư|
        Ban Thường vụ|Ban Tổ chức|Ban Chỉ đạo|Ban Tuyên giáo|Ban Nội chính|Ban quản lý|Ban Quản lý|
        Ủy ban Kiểm tra|Ủy ban nhân dân|Ủy ban|UBND|HĐND|VKSND|TAND|Viện Kiểm sát|Tòa án|Bộ Công an|
        Bộ|Sở|Viện|Bệnh viện|Công ty|Tổng công ty|Tập đoàn|Ngân hàng|Cơ quan cảnh sát điều tra|
        Cơ quan Cảnh sát điều tra|Cơ quan CSĐT|Cơ quan điều tra|Thanh tra Chính phủ|Chính phủ|
        Quốc hội|Liên đoàn|Trung ương Đoàn|Hội đồng|Trường Đại học|Trường ĐH|Trường THPT|Trường THCS|
        Trường Tiểu học|Trường Cao đẳng|Trường|Đại học|ĐH|Học viện|Mặt trận Tổ quốc|Tổng cục|Cục|
        Văn phòng|Hội Nông dân|Hội Liên hiệp|Hội|Công an|Phòng|Trung tâm|Đội|Phái bộ|Tổ chức|
        Quân đội|Quân khu|Bộ Tư lệnh|Hãng hàng không|Hãng|Công đoàn|Câu lạc bộ|CLB|
        Cảng hàng không|Tổng Liên đoàn|Điện Kremlin|Lầu Năm Góc|Báo|Tạp chí|Đài|Đồn|
        Đồn Biên phòng|Bộ đội Biên phòng|Bộ Chỉ huy|Ban Chỉ huy|Ban|Chi cục|Chi nhánh|Sư đoàn|
        Trung đoàn|Lữ đoàn|Tiểu đoàn|Nhà xuất bản|NXB|Thông tấn xã|
        Hiệp hội|Quỹ|Hợp tác xã|HTX|Xí nghiệp|Nhà máy|Trại giam|Trại tạm giam|THPT|THCS|
        Tiểu học|Mầm non|Trường Mầm non|Trường Trung học|Trường Phổ thông|Thanh tra|
        Kiểm toán Nhà nước|Ngân hàng Nhà nước|Hội đồng nhân dân|Mặt trận|Nhà hát Kịch|Nhà hát Chèo|
        Nhà hát Cải lương|Nhà hát Nghệ thuật|Nhà hát Giao hưởng|Nhà hát Tuổi trẻ|Nhà hát Múa rối|
        Nhà hát Tuồng|Nhà hát Ca múa nhạc|Thượng viện|Hạ viện|Huyện đoàn|Tỉnh đoàn|Thành đoàn|
        Quận đoàn|Nhà tù|Đại sứ quán|Tổng Lãnh sự quán|Lãnh sự quán|Văn phòng Luật sư|Văn phòng luật sư|
        Công ty Luật|Văn phòng công chứng|Văn phòng Công chứng|Ban chỉ huy|Ban chỉ đạo|Giáo hội|
        Hội thánh|Ban Giám hiệu|Ban giám hiệu|Ban Giám đốc|Ban giám đốc|Cơ quan|Cảng vụ|Vụ|
        Huyện đội|Tỉnh đội|Thành đội|Quận đội|Quân ủy|Quân đoàn|Đảng|đảng|THPT chuyên|THCS chuyên|
        Trường THPT chuyên|Cảnh sát PCCC|Cảnh sát giao thông|Cảnh sát cơ động|Cảnh sát biển|Phong trào"""
    ),
    key=len,
    reverse=True,
)
ORG_HEAD_NAMES = frozenset(ORG_HEADS)  # for asking whether a name is a head and nothing more
# Heads that name an organisation on their own; the others need a word of a name after them.
STANDALONE_ORG_HEADS = frozenset(
    _split(
        """Thành ủy|Tỉnh ủy|Quận ủy|Huyện ủy|Bộ Chính trị|Ban Bí thư|Ban Thường vụ|Ban Chỉ đạo|
        Ủy ban Kiểm tra|UBND|HĐND|VKSND|TAND|Thanh tra Chính phủ|Chính phủ|Quốc hội|
        Cơ quan cảnh sát điều tra|Cơ quan Cảnh sát điều tra|Cơ quan CSĐT|Bộ Công an|Điện Kremlin|
        Lầu Năm Góc|Thượng viện|Hạ viện"""
    )
)
# A police force of a place ("Cảnh sát PCCC quận 10", "Cảnh sát giao thông Hà Nội"); after another
# head the same words are its field ("Cục Cảnh sát giao thông", "Phòng Cảnh sát PCCC").
FORCE_HEADS = frozenset({"Cảnh sát PCCC", "Cảnh sát giao thông", "Cảnh sát cơ động", "Cảnh sát biển"})
# Heads that need their name to hold a capitalised word; "Phòng họp", "Đội ngũ" are no bodies.
WEAK_HEADS = frozenset(
    {"Phòng", "Đội", "Hội", "Trường", "Lực lượng", "Tổ chức", "Hãng", "Ủy ban", "Công an"}
    | {"Báo", "Tạp chí", "Đài", "Đồn", "Ban", "Quỹ", "Thanh tra", "Tiểu học", "Mầm non"}
    | {"THPT", "THCS", "Nhà máy", "Mặt trận", "Huyện đoàn", "Tỉnh đoàn", "Thành đoàn", "Quận đoàn"}
    | {"Ban chỉ huy", "Ban chỉ đạo", "Ban giám hiệu", "Ban giám đốc", "Giáo hội", "Hội thánh", "Cơ quan"}
    | {"Vụ", "Huyện đội", "Tỉnh đội", "Thành đội", "Quận đội", "Đảng", "đảng", "THPT chuyên", "THCS chuyên"}
    | {"Phong trào"}  # a movement by its name ("Phong trào Thanh niên tình nguyện"); "Phong trào này" is none
    | FORCE_HEADS
)
# Heads whose name must open with a field ("Vụ Pháp chế", "Vụ Giáo dục đại học"): "Vụ Bản" is a
# district, "Vụ án", "Vụ việc" a case. A party or a movement opens with its capitalised name
# ("Đảng Cộng sản", not "Đảng và Nhà nước").
FIELD_HEADS = frozenset({"Vụ"})
NAME_FIRST_HEADS = frozenset({"Đảng", "đảng", "Phong trào"})  # "Phong trào quay MV" is a craze
# A movement is named in Vietnamese: "Phong trào Ice Bucket Challenge" is a craze from abroad.
VIETNAMESE_NAME_HEADS = frozenset({"Phong trào"})
# Lower-case words official names carry, by pairs ("giao thông", "môi trường").
NAME_PAIRS = frozenset(
    tuple(pair.split())
    for pair in _split(
        """giao thông|vận tải|môi trường|tài nguyên|nông thôn|nông nghiệp|phát triển|đô thị|xã hội|
        kinh tế|tài chính|đầu tư|thương mại|xây dựng|công nghệ|khoa học|cao tốc|quản lý|dự án|
        dịch vụ|xử lý|kinh doanh|lao động|y tế|giáo dục|đào tạo|văn hóa|thể thao|du lịch|an ninh|
        quốc phòng|công an|cảnh sát|điều tra|hình sự|ung thư|đa khoa|nhân dân|thoát nước|cấp nước|
        bảo hiểm|chứng khoán|hàng không|cơ khí|thực phẩm|dệt may|điện lực|bất động sản|truyền thông|
        năng lượng|liên bang|lâm thời|quốc tế|quốc gia|trung ương|thế giới|nghiên cứu|pháp luật|
        chính sách|tư pháp|ngoại giao|nội vụ|tiền tệ|chế xuất|công nghiệp|cổ phần|ngoại thương|
        bóng đá|cờ tướng|hữu hạn|thành viên|chấp hành|chỉ đạo|thường vụ|tổ chức|kiểm tra|kiểm sát|
        hồi sức|tích cực|vật tư|thiết bị|sư phạm|ngoại ngữ|hàn lâm|lịch sử|thông tin|báo chí|
        xuất bản|phát thanh|truyền hình|nhà nước|thanh tra|hải quan|thuế vụ|biên phòng|cứu hộ|
        cứu nạn|phòng cháy|chữa cháy|an toàn|thực phẩm|dược phẩm|bệnh viện|khu công nghiệp|
        khu chế xuất|ký túc|túc xá|sinh viên|học sinh|thiếu niên|nhi đồng|phụ nữ|cựu chiến binh|
        nông dân|doanh nghiệp|hợp tác xã|tín dụng|thương binh|tôn giáo|dân tộc|viễn thông|
        bưu chính|hàng hải|công thương|dự trữ|bảo an|nội dung|hạ tầng|sản xuất|xuất khẩu|
        nhập khẩu|khoáng sản|dầu khí|giải trí|vận chuyển|chăm sóc|sức khỏe|phần mềm|điện tử|
        vật liệu|tư vấn|thiết kế|tổng hợp|bán lẻ|thủy sản|lương thực|địa ốc|phụ sản|quân đội|
        cộng sản|dân chủ|cộng hòa|lao động|biên phòng|công binh|phòng không|không quân|hải quân|
        cảnh vệ|kiểm lâm|môi giới|truyền hình|dân nguyện|tuyên giáo|đối ngoại|kiểm toán|khách hàng|
        ca nhạc|nhạc nhẹ|nghệ thuật|biểu diễn|giao hưởng|cải lương|múa rối|điện ảnh|sân khấu|
        phương pháp|đường sắt|đường bộ|đường thủy|cảng vụ|khí tượng|thủy văn|địa chất|thị trường|
        nông sản|chế biến|nước thải|thường xuyên|tham mưu|thủy lợi|quần vợt|công tố|hợp tác|
        phản ứng|cứu trợ|từ thiện|nhân đạo|chứng khoán|kiểm định|kiểm nghiệm|đăng kiểm|vệ sinh|
        dịch tễ|phòng chống|kế hoạch|thống kê|ngân sách|bảo tàng|thư viện|y dược|cổ truyền|
        y học|kiến trúc|quy hoạch|nhân thọ|thiên tai|tìm kiếm|
        phòng chống|chính thống|công giáo|phật giáo|tin lành|giám sát|năng lượng|hạt nhân|vũ trụ|
        dân số|gia đình|nhân văn|kiểm soát|bệnh tật|tuần tra|công trình|tội phạm|ma túy|trật tự|
        tham nhũng|buôn lậu|chức vụ|bộ binh|chính trị|tình nguyện|phúc lợi|chi nhánh|kỹ thuật|
        chất lượng|đo lường|tiêu chuẩn|bảo vệ|thực vật|thú y|chăn nuôi|trồng trọt|lâm nghiệp|khí hậu|
        đất đai|việc làm|trẻ em|bình đẳng|hành chính|cải cách|cán bộ|thi hành|hậu cần|tuyên truyền|
        thi đua|khen thưởng|lưu trữ|đấu giá|tài sản|an sinh|giám định|pháp y|tâm thần|phục hồi|
        chức năng|nội tiết|da liễu|tim mạch|huyết học|truyền máu|ung bướu|chấn thương|chỉnh hình|
        nhiệt đới|dân sự|tiêu dùng|cạnh tranh|cấp cứu|cảng biển|hải đảo|đê điều|nội địa|đại học|
        khu vực|đổi mới|sáng tạo|tối cao|quân sự|cửa khẩu|cơ động|chỉ huy|vũ trang|tư lệnh|liên lạc|
        huấn luyện|gìn giữ|hòa bình|bảo tồn|di tích|cố đô|di trú|ca cao|cà phê|tuần tra|khối các|
        cơ quan|đường cao"""
    )
    if len(pair.split()) == 2
)
NAME_WORDS = frozenset(word for pair in NAME_PAIRS for word in pair)
# Place words an official name may end on, with the place after them ("Công an tỉnh Kon Tum").
PLACE_WORDS = frozenset(_split("tỉnh|thành phố|TP|TP.|huyện|quận|thị xã|xã|phường|thị trấn|miền"))
# Pairs that name who a body is, not what field it works in: "và" before one joins two bodies
# ("Bộ Công an và quân đội"), not two fields of one name ("Sở Giáo dục và đào tạo").
BODY_PAIRS = frozenset(
    tuple(pair.split())
    for pair in _split(
        "quân đội|công an|cảnh sát|doanh nghiệp|nhân dân|bệnh viện|sinh viên|học sinh|nông dân|phụ nữ"
    )
)
# One-syllable fields an official name may end on after "và" or a field ("Viện Nghiên cứu Gia
# đình và giới", "Quỹ Bảo vệ và phát triển rừng").
FIELD_SYLLABLES = frozenset(_split("giới|rừng|biển|đảo"))
# Words that stop an organisation's name however the words after it look.
STOP_WORDS = frozenset(
    _split(
        """là|đã|đang|sẽ|được|bị|có|cho|của|với|trong|tại|ở|từ|về|theo|khi|để|này|đó|các|những|
        cùng|cũng|vừa|mới|không|chưa|đều|nên|thì|mà|rằng|như|sau|trước|vẫn|còn|lên|xuống|ra|vào|
        hay|hoặc|nhưng|thuộc|gồm|qua|đến|tới|do|bởi|vì|nếu|nhằm|luật|nghị|dự|thảo|từng|luôn|sắp|
        chỉ|phải|hôm|ngay|liền|gần|cần|muốn|nói|khẳng|yêu"""
    )
)
# What a company's name may start with before its own name: alone, it names no body.
LEGAL_FORMS = frozenset(_split("cổ phần|TNHH|MTV|TNHH MTV|CP|TMCP|trách nhiệm hữu hạn|cổ phần tập đoàn"))
# Bodies, outlets, agencies and brands named without a head.
KNOWN_ORGS = frozenset(
    _split(
        """VnExpress|VnExpress.net|Tuổi Trẻ|Tuổi Trẻ Online|Thanh Niên|Dân trí|Tiền Phong|Zing|Zing News|
        Zing.vn|VietNamNet|Vietnamnet|Lao Động|Người Lao Động|VTV|VOV|TTXVN|Nhân Dân|VietnamPlus|
        Reuters|AFP|AP|CNN|BBC|Bloomberg|Fox News|New York Times|Washington Post|Guardian|Al Jazeera|
        Kyodo|Yonhap|Xinhua|Tân Hoa Xã|Sputnik|TASS|RIA Novosti|Vogue|Forbes|Facebook|YouTube|
        Google|TikTok|Instagram|Twitter|Apple|Samsung|Microsoft|Amazon|Airbus|Boeing|Tesla|
        Vietnam Airlines|Vietjet Air|Vietjet|Bamboo Airways|Jetstar Pacific|AirAsia|Thai Airways|
        Vietcombank|Vietinbank|BIDV|Agribank|Techcombank|Sacombank|Hamas|Hezbollah|Taliban|
        NATO|ASEAN|WHO|FIFA|UEFA|IMF|WTO|UNESCO|UNICEF|Fed|EU|OPEC|WB|ADB|Liên Hợp Quốc|
        Liên hợp quốc|Interpol|Viettel|Vinamilk|Vingroup|EVN|Petrolimex|PetroVietnam|ACV|VFF|
        CXA|WXF|Balenciaga|Balmain|Gucci|Chanel|Dior|Louis Vuitton|Fidesz|FBI|CIA|NASA|KGB|IOC|
        AFC|AFF|APEC|OECD|G7|G20|WB|ILO|FAO|UNHCR|UNDP|ICAO|IAEA|Europol|SpaceX|OpenAI|Meta|Netflix|
        Huawei|Xiaomi|Sony|Nvidia|Intel|Toyota|Honda|Hyundai|Kia|Ford|Mercedes-Benz|BMW|Nike|Adidas|
        Grab|Gojek|Go-Jek|Shopee|Lazada|Tiki|VinFast|Vietravel|Saigontourist|FPT|VNPT|MobiFone|
        Masan|Hòa Phát|Thaco|Trường Hải|Sabeco|Habeco|PNJ|Doji|SJC|Bảo Tín Minh Châu|Wired|Snopes|
        Reddit|Telegram|WhatsApp|X Corp|Weibo|WeChat|Zalo|Kitco|Vietnam Airlines|Pacific Airlines|
        Văn phòng Chủ tịch nước|Văn phòng Quốc hội|Văn phòng Chính phủ|Văn phòng Trung ương Đảng|
        Ban Dân nguyện|Tòa án nhân dân tối cao|Viện Kiểm sát nhân dân tối cao|Kiểm toán Nhà nước|
        Ngân hàng Nhà nước|Thông tấn xã Việt Nam|Đài Truyền hình Việt Nam|Đài Tiếng nói Việt Nam|
        Alexander McQueen|Michael Kors|Ralph Lauren|Calvin Klein|Tommy Hilfiger|Marc Jacobs|
        Dolce & Gabbana|Giorgio Armani|Armani|Versace|Prada|Hermès|Burberry|Fendi|Givenchy|
        Saint Laurent|Yves Saint Laurent|Uniqlo|Zara|H&M"""
    )
)
# Việt Nam's ministries, as their names are written whole (commas left out): a name grown to one
# of these is complete, and the small letters after it are a verb ("Bộ Y tế thống kê …").
MINISTRIES = frozenset(
    _split(
        """Bộ Quốc phòng|Bộ Công an|Bộ Ngoại giao|Bộ Nội vụ|Bộ Tư pháp|Bộ Kế hoạch và Đầu tư|
        Bộ Tài chính|Bộ Công Thương|Bộ Nông nghiệp và Phát triển nông thôn|Bộ Giao thông vận tải|
        Bộ Xây dựng|Bộ Tài nguyên và Môi trường|Bộ Thông tin và Truyền thông|
        Bộ Lao động - Thương binh và Xã hội|Bộ Văn hóa Thể thao và Du lịch|Bộ Khoa học và Công nghệ|
        Bộ Giáo dục và Đào tạo|Bộ Y tế|Bộ GTVT|Bộ GD&ĐT|Bộ TN&MT|Bộ LĐ-TB&XH|Bộ KH&ĐT|Bộ TT&TT|
        Bộ VHTTDL|Bộ NN&PTNT|Bộ KH&CN|Bộ TNMT|Bộ GDĐT|Bộ LĐTBXH|Bộ KHĐT|Bộ TTTT|Bộ NNPTNT|Bộ KHCN"""
    )
)
# Lower-case nouns that put the name of a body right after them ("hãng AirAsia", "trang SDE").
ORG_NOUNS = _split(
    """hãng tin|hãng thông tấn|hãng|trang web|trang|tạp chí|đài|báo|tờ|kênh|sàn|mạng xã hội|
    website|công ty|tập đoàn|ngân hàng|câu lạc bộ|đảng|nhóm vũ trang|phong trào|tổ chức quốc tế|
    tổ chức hợp tác quốc tế|tổ chức phi chính phủ|tổ chức từ thiện|hãng truyền thông|nhật báo|tuần báo|
    nhóm nhạc|ban nhạc|nhóm"""
)
# Nouns that belong to the name they put before a country or a place ("đội tuyển Việt Nam").
TEAM_NOUNS = _split("đội tuyển|tuyển|đội|quân đội|CLB|Đội tuyển|Tuyển")
# Words between a team noun and its country: "đội tuyển bóng đá nữ Việt Nam", "tuyển U23 Thái Lan".
TEAM_QUALIFIERS = _split("nam|nữ|bóng đá|bóng chuyền|bóng rổ|cờ vua|futsal|quốc gia|Olympic|trẻ")
# Abbreviations written out, for one name per body ("UBND TP Hà Nội" = "Ủy ban nhân dân thành phố Hà Nội").
EXPANSIONS = {
    "UBND": "Ủy ban nhân dân",
    "HĐND": "Hội đồng nhân dân",
    "VKSND": "Viện Kiểm sát nhân dân",
    "TAND": "Tòa án nhân dân",
    "BCH": "Ban Chấp hành",
    "T.Ư": "Trung ương",
    "TƯ": "Trung ương",
    "TW": "Trung ương",
    "TP.HCM": "thành phố Hồ Chí Minh",
    "TPHCM": "thành phố Hồ Chí Minh",
    "TP": "thành phố",
    "TP.": "thành phố",
    "ĐH": "Đại học",
    "GD&ĐT": "Giáo dục và Đào tạo",
    "GTVT": "Giao thông Vận tải",
    "CSGT": "Cảnh sát giao thông",
    "CSĐT": "Cảnh sát điều tra",
    "BVĐK": "Bệnh viện Đa khoa",
    "MTTQ": "Mặt trận Tổ quốc",
    "CP": "cổ phần",
}
