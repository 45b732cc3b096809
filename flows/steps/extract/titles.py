"""Words around people: role titles, honorifics, and the words a person's name is met with.

Vietnamese news names a person after a title ("Bí thư Thành ủy Hà Nội Đinh Tiến Dũng", "HLV
Park Hang Seo", "bị can Khiếu") or an honorific ("ông Dũng", "chị Thu Cúc"), sets a role off
after the name ("…, Phó chủ tịch UBND huyện …", "… - Giám đốc …"), or has the person speak
("… cho biết"). These lists are what the person and role rules look for.
"""

from __future__ import annotations

from flows.steps.extract.role_nouns import DERIVED_ROLE_NOUNS
from flows.steps.extract.role_words import INDIVIDUAL_ROLES, OCCUPATIONS, UNIT_HEADS


def _split(text: str) -> list[str]:
    """Split a "|"-separated list written over several lines."""
    return [item.strip() for item in text.replace("\n", "").split("|") if item.strip()]


# Offices and titles that introduce a person's role, longest first ("Phó Thủ tướng" before "Thủ
# tướng"): the narrow list the name and body rules lean on, where a wider one would take too many
# words for a title (`roles.OFFICE_WORD`).
OFFICE_TITLES = sorted(
    _split(
        """bí thư|phó bí thư|tổng bí thư|chủ tịch|phó chủ tịch|thủ tướng|phó thủ tướng|bộ trưởng|
        thứ trưởng|trưởng ban|phó trưởng ban|giám đốc|phó giám đốc|tổng giám đốc|phó tổng giám đốc|
        trưởng phòng|phó trưởng phòng|phó phòng|trưởng khoa|phó trưởng khoa|chủ nhiệm|viện trưởng|
        phó viện trưởng|hiệu trưởng|phó hiệu trưởng|hiệu phó|chánh án|chánh văn phòng|ủy viên|
        trưởng công an|phó trưởng công an|trưởng đoàn|trưởng trạm|trưởng thôn|trưởng ấp|
        đại tướng|thượng tướng|trung tướng|thiếu tướng|đại tá|thượng tá|trung tá|thiếu tá|
        đại úy|thượng úy|trung úy|thiếu úy|tướng|tư lệnh|phó tư lệnh|chính ủy|đội trưởng|
        bị can|bị cáo|nghi phạm|nạn nhân|nhân chứng|kỹ thuật viên|kỹ sư|chủ vựa|chủ nhà|
        nhân công|nhân viên|tiểu thương|luật sư|bác sĩ|điều dưỡng|dược sĩ|giáo sư|phó giáo sư|
        tiến sĩ|thạc sĩ|GS|PGS|TS|ThS|PGS.TS|GS.TS|nguyên|cựu|người phát ngôn|phát ngôn viên|
        đại sứ|tổng thư ký|phó tổng thư ký|thư ký|cảnh sát trưởng|mục sư|giám mục|tổng giám mục|
        hồng y|giáo hoàng|linh mục|thượng tọa|ni sư|sư thầy|trụ trì|kiện tướng|đại kiện tướng|
        người đứng đầu|người đồng cấp|đại diện|giám khảo|trọng tài|CEO|chủ sở hữu|cố vấn|
        thủ quỹ|kế toán|PV|phóng viên|nhà báo|biên tập viên|chủ biên|thẩm phán|công tố viên|
        kiểm sát viên|điều tra viên|NSƯT|NSND|NGƯT|NGND|KTS|kiến trúc sư|tay golf|tay đua|người đẹp|
        hoa hậu|á hậu|danh hài|
        giáo viên|sinh viên|học sinh|nữ sinh|kỳ thủ|HLV|huấn luyện viên|trợ lý|cầu thủ|
        tiền đạo|tiền vệ|hậu vệ|thủ môn|thủ thành|đội trưởng|vận động viên|VĐV|võ sĩ|tay vợt|
        ca sĩ|nhạc sĩ|diễn viên|người mẫu|siêu mẫu|nghệ sĩ|đạo diễn|nhà văn|nhà thơ|họa sĩ|
        tổng thống|phó tổng thống|ngoại trưởng|thủ lĩnh|lãnh đạo|quốc vương|vua|hoàng đế|
        nhà sư|thiền sư|cư sĩ|hòa thượng|đại đức|linh mục|tài xế|lái xe|phụ xe|cơ trưởng|
        tiếp viên|phi công|môi giới|khách hàng|hành khách|chuyên gia|nhà phân tích|
        nhà khoa học|nhà nghiên cứu|đồng nghiệp|người sáng lập|nhà sáng lập|đồng sáng lập|doanh nhân|
        hiệp sĩ|chiến sĩ|cán bộ|công nhân|nông dân|đại biểu|nghị sĩ|thống đốc|thị trưởng|
        Mr|Mr.|Mrs|Ms|Dr|Dr."""
    ),
    key=len,
    reverse=True,
)
# Every noun for a role, for reading the role a sentence gives a person (`roles.TITLE_WORD`): the
# offices above, today's occupations, the heads of units, and the language's agentive compounds.
ROLE_TITLES = sorted(
    set(OFFICE_TITLES) | set(OCCUPATIONS) | set(UNIT_HEADS) | DERIVED_ROLE_NOUNS, key=len, reverse=True
)
# Words that may stand before a title and belong to the role ("nguyên giám đốc", "cố giáo sư").
ROLE_MODIFIERS = ("nguyên", "cựu", "quyền", "tân", "cố", "phó")
# Titles a given name alone may follow: a name after them is a person, never an organisation
# ("HLV Park Hang Seo", "bị can Khiếu", "ca sĩ Mỹ Tâm"); "Bí thư …" is followed by its body.
PERSON_TITLES = (
    frozenset(
        _split(
            """bị can|bị cáo|nghi phạm|nạn nhân|nhân chứng|bác sĩ|luật sư|giáo sư|phó giáo sư|tiến sĩ|
        thạc sĩ|GS|PGS|TS|ThS|PGS.TS|GS.TS|kỹ sư|điều dưỡng|nhà báo|phóng viên|kỳ thủ|HLV|
        huấn luyện viên|cầu thủ|tiền đạo|tiền vệ|hậu vệ|thủ môn|thủ thành|vận động viên|VĐV|
        võ sĩ|tay vợt|ca sĩ|nhạc sĩ|diễn viên|người mẫu|siêu mẫu|nghệ sĩ|đạo diễn|nhà văn|
        nhà thơ|họa sĩ|nhà sư|thiền sư|cư sĩ|hòa thượng|đại đức|linh mục|tài xế|lái xe|
        hiệp sĩ|vua|hoàng đế|đại tướng|thượng tướng|trung tướng|thiếu tướng|đại tá|thượng tá|
        trung tá|thiếu tá|đại úy|thượng úy|trung úy|thiếu úy|tướng|Mr|Mr.|Mrs|Ms|Dr|Dr.|
        mục sư|giám mục|hồng y|giáo hoàng|thượng tọa|ni sư|sư thầy|kiện tướng|đại kiện tướng|
        cảnh sát trưởng|trọng tài|thẩm phán|công tố viên|kiểm sát viên|điều tra viên|NSƯT|NSND|
        NGƯT|NGND|TTND|TTƯT|KTS|kiến trúc sư|tay golf|tay đua|tay súng|võ sĩ|người đẹp|hoa hậu|
        á hậu|danh hài|nghệ nhân|NS|nhạc sĩ"""
        )
    )
    | INDIVIDUAL_ROLES
)
HONORIFICS = frozenset(
    {"ông", "bà", "anh", "chị", "em", "cô", "chú", "bác", "cụ", "cháu", "bé", "thầy", "cậu", "tên"}
)
# A people's name after a noun for persons: "CĐV Việt", "du khách Hàn" name no one.
DEMONYMS = frozenset({"Việt", "Hàn", "Nhật", "Trung", "Tây", "Ta", "Mỹ", "Nga", "Pháp", "Lào", "Thái"})
# Names after an honorific that are not people ("ông Táo", the kitchen god).
NOT_PEOPLE = frozenset({"Táo", "Trời", "Bụt", "Công", "Địa", "Tơ", "Nguyệt"})
# Verbs a person's name is the subject of ("Chandler cho rằng", "Faz nhớ lại").
SPEECH_VERBS = _split(
    """nói|cho biết|cho hay|khẳng định|nhấn mạnh|tuyên bố|chia sẻ|kể|nhận định|cho rằng|
    đánh giá|giải thích|bày tỏ|thừa nhận|phát biểu|nhớ lại|trả lời|tiết lộ|qua đời|
    sinh năm|đồng ý|thông báo|kêu gọi|bác bỏ|xác nhận|tái khẳng định|đề xuất|gọi|viết"""
)
# Credit labels: a name right after one is the page's credit, not a person of the story.
CREDIT_LABELS = ("Ảnh", "Video", "Đồ họa", "Clip", "Nguồn", "Photo", "Thực hiện", "Bài", "Ảnh minh họa")
# Words that open a sentence and are no part of a name: a name ending in one swallowed it
# ("Lưu Đình Long Để không bỏ lỡ…", "Võ Thạnh Cú va chạm…").
NOT_NAME_WORDS = frozenset(
    _split(
        """Để|Tại|Một|Cú|Cáo|Khi|Sau|Trong|Theo|Các|Những|Người|Hôm|Lúc|Với|Vì|Nhưng|Cùng|Là|
        Đã|Tuy|Nếu|Ngoài|Trước|Bên|Dù|Được|Bị|Cho|Có|Không|Chiếc|Xe|Ảnh|Video|Đồ|Ông|Bà|
        Chị|Cụ|Cháu|Ngày|Sáng|Chiều|Tối|Đêm|Trưa|Đến|Tới|Từ|Nhiều|Tháng|Ở|Và|Còn|Đây|Đó|
        Này|Vậy|Do|Nên|Rồi|Mới|Riêng|Khoảng|Gần|Hơn|Đưa|Tôi|Chúng"""
    )
)
