"""Nouns for what a person does or holds, beyond the agentive compounds of `role_nouns`.

Three sources, all of the language rather than of any article:
- offices and occupations of today's news that the dictionary's agentive endings do not make
  ("tài xế", "tiểu thương", "nhà đầu tư", "HLV trưởng", "tỷ phú"), by field;
- the heads of a unit: a unit's noun followed by "trưởng" or "phó" ("trạm trưởng", "tiểu đoàn
  phó", "xã đội trưởng"), as Vietnamese names the head of any body;
- the titles of honour the state gives ("Nghệ sĩ Nhân dân", "Anh hùng Lao động").

`titles.ROLE_TITLES` joins them with `role_nouns.DERIVED_ROLE_NOUNS`; `INDIVIDUAL_ROLES` are those
after which a name is always a person's, never a body's ("tài xế Minh", "tỷ phú Musk"), unlike
"công nhân" or "giám đốc", which a company or an office may follow.
"""

from __future__ import annotations


def _split(text: str) -> list[str]:
    """Split a "|"-separated list written over several lines."""
    return [item.strip() for item in text.replace("\n", "").split("|") if item.strip()]


OCCUPATIONS = _split(
    # State, party and diplomacy.
    """chủ tịch nước|phó chủ tịch nước|tổng bí thư|bí thư thứ nhất|ủy viên trung ương|đại biểu quốc hội|
    đại biểu|dân biểu|quan chức|công chức|viên chức|chánh thanh tra|phó chánh thanh tra|chánh án|
    phó chánh án|chánh văn phòng|phó chánh văn phòng|trưởng phòng|phó trưởng phòng|trưởng ban|phó ban|
    phó trưởng ban|trưởng khoa|phó khoa|trưởng bộ phận|trưởng nhóm|trưởng ca|trưởng thôn|trưởng ấp|
    trưởng bản|trưởng khu phố|trưởng đại diện|trưởng đoàn|phó đoàn|tổng lãnh sự|lãnh sự|tham tán|
    đặc sứ|đại sứ|công sứ|nữ hoàng|hoàng tử|công chúa|thái tử|hoàng hậu|vương phi|quốc vương|lãnh tụ|
    chỉ huy|tổng chưởng lý|chưởng lý|nhà lập pháp|nhà ngoại giao|cố vấn|cựu chiến binh|thương binh|
    ứng viên|ứng cử viên|"""
    # Police, army, courts.
    """cảnh sát|công an|cảnh sát viên|trinh sát|trinh sát viên|cán bộ công an|chiến sĩ công an|
    kiểm lâm|bộ đội|dân quân|du kích|lính|binh nhì|binh nhất|sĩ quan|hạ sĩ quan|quân nhân|lính cứu hỏa|
    quản giáo|giám thị|cai ngục|thẩm phán|hội thẩm|thư ký tòa|thừa phát lại|bị hại|người bị hại|
    nguyên đơn|bị đơn|nghi can|nghi phạm|can phạm|phạm nhân|đối tượng|kẻ tình nghi|hung thủ|"""
    # Health and education.
    """điều dưỡng|hộ lý|lương y|thầy thuốc|bệnh nhi|sản phụ|thai phụ|người bệnh|nhân viên y tế|
    cô giáo|thầy giáo|hiệu phó|giáo viên chủ nhiệm|phụ huynh|thí sinh|nam sinh|nữ sinh|du học sinh|
    lưu học sinh|nghiên cứu sinh|học sinh|sinh viên|tân sinh viên|cựu sinh viên|tình nguyện viên|"""
    # Business and trades.
    """tỷ phú|tỉ phú|triệu phú|nhà đầu tư|cổ đông|nhà sáng lập|người sáng lập|đồng sáng lập|
    chủ tịch hội đồng quản trị|tổng giám đốc điều hành|giám đốc điều hành|giám đốc tài chính|
    giám đốc kinh doanh|quản đốc|trưởng phòng kinh doanh|kế toán|thủ kho|thủ quỹ|lao động|
    người lao động|ngư dân|diêm dân|tiểu thương|thương lái|chủ vựa|chủ tiệm|chủ cửa hàng|chủ xe|
    chủ hàng|chủ đầu tư|chủ doanh nghiệp|chủ trang trại|chủ tàu|chủ quán|chủ nhà hàng|chủ shop|
    tài xế|tài xế taxi|tài xế xe ôm|xe ôm|shipper|bảo vệ|nhân viên bảo vệ|giúp việc|người giúp việc|
    bảo mẫu|đầu bếp|phục vụ|nhân viên phục vụ|lễ tân|thu ngân|phiên dịch|lao công|tạp vụ|
    công nhân vệ sinh|cơ phó|hoa tiêu|kiểm soát viên không lưu|môi giới|người môi giới|"""
    # Science, letters, media, arts, sport, faith.
    """nhà khoa học|nhà nghiên cứu|nhà thiết kế|nhà sản xuất|nhà vô địch|nhà hoạt động|nhà phân tích|
    nhà kinh tế|nhà kinh tế học|nhà tài trợ|nhà quản lý|nhà lãnh đạo|nhà tổ chức|nhà phê bình|
    nhà soạn nhạc|nhà làm phim|nhà sử học|nhà toán học|nhà vật lý|nhà vật lý học|nhà hóa học|
    nhà sinh học|nhà thiên văn học|nhà xã hội học|nhà tâm lý học|nhà dịch tễ học|nhà khảo cổ học|
    nhà triết học|nhà văn hóa|nhà bình luận|nhà truyền giáo|nhà từ thiện|nhà hảo tâm|nhà chiến lược|
    nhà đàm phán|nhà môi giới|nhà nhiếp ảnh|nhiếp ảnh gia|người dẫn chương trình|MC|BTV|biên kịch|
    YouTuber|TikToker|blogger|vlogger|streamer|rapper|DJ|stylist|NTK|minh tinh|tài tử|ngôi sao|
    siêu sao|vũ công|ca nương|hacker|tin tặc|HLV trưởng|trợ lý HLV|trợ lý huấn luyện viên|
    trung vệ|hậu vệ cánh|tiền đạo cánh|cua-rơ|kình ngư|CĐV|nữ tu|Phật tử|tín đồ|sư cô|"""
    # Honours the state gives.
    """Anh hùng Lao động|Anh hùng Lực lượng vũ trang|Anh hùng Lực lượng vũ trang nhân dân|anh hùng|
    Bà mẹ Việt Nam anh hùng|Mẹ Việt Nam anh hùng|Nghệ sĩ Nhân dân|Nghệ sĩ Ưu tú|Nhà giáo Nhân dân|
    Nhà giáo Ưu tú|Thầy thuốc Nhân dân|Thầy thuốc Ưu tú|Nghệ nhân Nhân dân|Nghệ nhân Ưu tú"""
)
# A unit's noun: "<unit> trưởng" is its head, "<unit> phó" its deputy ("trạm trưởng", "đội phó").
UNITS = _split(
    """đồn|trạm|đội|tổ|khoa|phòng|ban|vụ|cục|tổng cục|viện|sở|hội|đài|xưởng|ga|tàu|trại|ấp|thôn|bản|
    nhóm|ca|bếp|lớp|xã đội|huyện đội|tỉnh đội|thành đội|quận đội|tiểu đội|trung đội|đại đội|tiểu đoàn|
    trung đoàn|sư đoàn|lữ đoàn|quân đoàn|binh đoàn|hải đoàn|hải đội|hạm đội|phi đội|khẩu đội|tiểu khu|
    khu phố|tổ dân phố|cụm|toa|chi cục|chi nhánh|bộ phận"""
)
UNIT_HEADS = [f"{unit} {rank}" for unit in UNITS for rank in ("trưởng", "phó")]
# Offices after which a name is always a person's: nothing a body is named by follows them.
INDIVIDUAL_ROLES = frozenset(
    _split(
        """tỷ phú|tỉ phú|triệu phú|tài xế|tài xế taxi|xe ôm|tiểu thương|thương lái|ngư dân|bảo mẫu|
        đầu bếp|lao công|shipper|vệ sĩ|nữ tu|sư cô|nghi can|can phạm|phạm nhân|đối tượng|hung thủ|
        bệnh nhi|sản phụ|thai phụ|minh tinh|tài tử|siêu sao|rapper|YouTuber|TikToker|blogger|vlogger|
        streamer|stylist|NTK|vũ công|kình ngư|cua-rơ|trung vệ|hậu vệ cánh|tiền đạo cánh|HLV trưởng|
        nhà khoa học|nhà nghiên cứu|nhà thiết kế|nhà hoạt động|nhà phân tích|nhà kinh tế|nhà sử học|
        nhà toán học|nhà vật lý|nhà hóa học|nhà sinh học|nhà triết học|nhà văn hóa|nhà bình luận|
        nhà nhiếp ảnh|nhiếp ảnh gia|người dẫn chương trình|MC|BTV|biên kịch|cô giáo|thầy giáo|
        thí sinh|nghiên cứu sinh|luật gia|sử gia|triết gia|doanh nhân|nghệ nhân|ca nương|kỳ thủ|
        xạ thủ|cung thủ|tuyển thủ|cao thủ|danh thủ|thủy thủ|y tá|dược sĩ|nha sĩ|hộ sĩ|võ sư|gia sư|
        ký giả|học giả|diễn giả|dịch giả|tác giả|độc giả|khán giả|thính giả|du khách|hành khách|
        thực khách|chính khách|chính trị gia|chuyên gia|tình nguyện viên|cổ động viên|CĐV|điều dưỡng|
        lương y|thầy thuốc|hòa thượng|thượng tọa|đại đức|liệt sĩ|chiến sĩ|binh sĩ|cư sĩ|nữ sĩ"""
    )
)
