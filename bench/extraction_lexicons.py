"""Derive the role-noun lexicon (flows/steps/extract/role_nouns.py) from a Vietnamese word list.

    .venv/bin/python bench/extraction_lexicons.py [--check]

Vietnamese forms the nouns for people by what they do or hold with a few Sino-Vietnamese
agentive endings: -viên (nhân viên, kiểm sát viên), -sĩ (bác sĩ, chiến sĩ), -sư (luật sư),
-trưởng (hiệu trưởng, thuyền trưởng), -thủ (cầu thủ, xạ thủ), -gia (chuyên gia, sử gia),
-nhân (công nhân, bệnh nhân), -tá (y tá, đại tá), -úy, -tướng, -giả (tác giả, khán giả),
-khách (hành khách, du khách); and with the heads thợ (thợ may), chủ (chủ quán) and nhà (nhà
báo). underthesea's Viet74K word list (installed with underthesea) holds the compounds the
language has; this script takes those with such an ending or head and leaves out, by hand, the
ones that name no person (công viên "park", tăng trưởng "growth", quốc gia "nation", tham gia
"take part", nguyên nhân "cause", phòng thủ "defend", …). The result is written as a plain word
list, so extraction never reads the word list at run time; `--check` fails when the module is
out of date.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from lexicon_module import frozenset_module, write_or_check

PROJECT = Path(__file__).resolve().parents[1]
TARGET = PROJECT / "flows" / "steps" / "extract" / "role_nouns.py"
ENDINGS = ("viên", "sĩ", "sư", "trưởng", "thủ", "gia", "nhân", "tá", "úy", "tướng", "giả", "khách")
HEADS = ("thợ", "chủ", "nhà")


def _words(text: str) -> set[str]:
    """Return the "|"-separated words of a list written over several lines."""
    return {word.strip() for word in text.split("|") if word.strip()}


# Compounds with an agentive ending that name no person, or name one only in old or set phrases.
NOT_PEOPLE = _words(
    """công viên|động viên|tổng động viên|hoa viên|khuôn viên|thảo cầm viên|thuốc viên|chả viên|băm viên|
    lâm viên|lạc viên|đào viên|song viên|cổ viên|điền viên|vui thú điền viên|phương viên|vo viên|trang viên|
    cửa viên|bạch viên|dụng cụ viên|buôn thất nghiệp lãi quan viên|nội gia ngoại viên|phục viên|
    đài liệt sĩ|cổ lỗ sĩ|nhất sĩ nhì nông, hết gạo chạy rông nhất nông nhì sĩ|chiêu hiền đãi sĩ|
    chiêu hiền nạp sĩ|trung thần nghĩa sĩ|bệnh sĩ|cát sĩ|cao sĩ|bần sĩ|tạo sĩ|
    bán tự vi sư|nhất tự vi sư, bán tự vi sư|nhất tự vi sư|tam nhân đồng hành tất hữu ngã sư|hưng sư|
    thệ sư|kinh sư|tôm sư|thủy sư|thuỷ sư|vương sư|
    chế độ gia trưởng|chế độ thủ trưởng|con trưởng|dị sinh trưởng|điểm sinh trưởng|sinh trưởng|
    tăng trưởng|thủ kho to hơn thủ trưởng|hội đồng bộ trưởng|gia trưởng|
    áo trấn thủ|bạch thủ|bảo thủ|biển thủ|bóng thủ|cá thủ|cẩn thủ|chủ nghĩa bảo thủ|co thủ|cố thủ|
    công thủ|diệu thủ|đa thủ|đáo thủ|độc thủ|giò thủ|hà thủ|hạ thủ|khả thủ|kì phùng địch thủ|phật thủ|
    phòng thủ|thất thủ|thế thủ|thịt thủ|thoái thủ|thúc thủ|tiên thủ|tiến thủ|tranh thủ|tuân thủ|tử thủ|
    xảo thủ|trấn thủ|
    ân gia|bà gia|bạch thủ thành gia|bại sản khuynh gia|bang gia|binh gia|chất phụ gia|
    chủ nghĩa quốc gia|cừu gia|dâu gia|đa quốc gia|đương gia|giâu gia|hàn gia|hoàng gia|khuynh gia|
    lân gia|liên gia|mụ gia|nghi gia|ngoại gia|nhập gia|ninh gia|oan gia|ông gia|ông gia bà gia|
    phá gia|phì gia|phú gia|phụ gia|quan gia|quân gia|quốc gia|siêu quốc gia|số gia|sui gia|tại gia|
    tang gia|tăng gia|tân gia|tề gia|tham gia|thành gia|thân gia|thất gia|thế gia|thông gia|toàn gia|
    tổng sản phẩm quốc gia|trị gia|tư gia|vệ binh quốc gia|vinh thân phì gia|vườn quốc gia|xuất gia|
    xuyên quốc gia|y gia|thiền gia|
    anh hùng cá nhân|băng nhân|bất nhân|bất thành nhân|bom hạt nhân|cá nhân|cảm tình cá nhân|
    cấp số nhân|cây đức chồi nhân|chế độ sở hữu cá nhân|chí nhân|chiến tranh hạt nhân|
    chủ nghĩa cá nhân|chữ nhân|có nhân|cùng nhân|cứu nhân|dấu nhân|đãi nhân|đơn nhân|
    giả nghĩa giả nhân|hạch nhân|hàm huyết phún nhân|hành nhân|hạnh nhân|hạt nhân|hoài nhân|
    hoại nhân|hoàng thiên bất phụ hảo tâm nhân|hôn nhân|ích kỉ hại nhân|ích kỷ hại nhân|
    kẹo hạnh nhân|khăn chữ nhân|khí nhân|khoan nhân|lạc nhân|mặc khách tao nhân|môi nhân|
    mũ công nhân|mục hạ vô nhân|nam hải dị nhân|não nhân|năng lượng hạt nhân|nguyên nhân|
    nguyệt hạ lão nhân|nội nhân|phản ứng hạt nhân|pháp nhân|phép nhân|phi hạt nhân|phi nhân|
    quả nhân|quang nhân|quí vật đãi quí nhân|quý vật đãi quý nhân|quý vật tầm quý nhân|sa nhân|
    sát thân thành nhân|sắc bất ba đào dị nịch nhân|song nhân|số bị nhân|số nhân|sở hữu cá nhân|
    sùng bái cá nhân|tác nhân|tên lửa hạt nhân|thành nhân|thể nhân|thời nhân|tiên trách kỉ, hậu trách nhân|
    trung bình nhân|tư cách pháp nhân|tư nhân|vật lí hạt nhân|vô nhân|vũ khí hạt nhân|xá tội vong nhân|
    tài tử giai nhân|tuyệt thế giai nhân|tài tử văn nhân|tông nhân|túc nhân|
    bang tá|chăng tá|chứng tá|đâu tá|ruột tá|thương tá|tướng tá|
    ba hoa thiên tướng|bái tướng|biến tướng|cát nhân thiên tướng|cầm quân khiển tướng|chân tướng|
    chiếu tướng|có tinh mà chẳng có tướng|công hầu khanh tướng|cờ chiếu tướng|cờ tướng|dị tướng|
    đánh cờ xuất tướng|đẳng tướng|điều binh khiển tướng|đồng tướng|hao binh tổn tướng|khác tướng|
    khao quân thưởng tướng|không có tinh lại có tướng|kì hình dị tướng|làm vương làm tướng|lớn tướng|
    nghiêm quân tuyển tướng|nói thánh nói tướng|nói thánh tướng|nói tướng|phát tướng|phúc tướng|
    phương tướng|quân tử ẩn hình, tiểu nhân lộ tướng|quí tướng|quý tướng|sắc tướng|thiên binh thiên tướng|
    tính không có, có tướng|to tướng|tốt tướng|xem tướng|xuất tướng|yểu tướng|thiên tướng|ẩn tướng|
    ăn thật làm giả|bìa giả|cảnh giả|chân giả|chết giả|cổ giả|cửa giả|duyệt giả|đểu giả|đồ giả|
    động tác giả|gióng giả|hàm giả|hoặc giả|khá giả|làm giả|mộ giả|ngoại giả|quý giả|răng giả|rễ giả|
    thì thầm như làm bạc giả|tóc giả|trùng chân giả|trước giả|u giả|ý giả|nhân giả|
    áo khách|ăn khách|bánh khách|bế môn tạ khách|buồng khách|cắm thuyền đợi khách|câu khách|
    chài khách|chiêu khách|chiều khách|chim khách|cười khanh khách|dâu là con, rể là khách|đãi khách|
    đắt khách|đất khách|đi khách|hát khách|hiếu khách|khanh khách|làm khách|nhà khách|
    nhịn miệng thết khách|phòng khách|quê khách|tao nhân mặc khách|thi nhân mặc khách|tiếp khách|
    tiền chủ, hậu khách|vũ vô kiềm tỏa năng lưu khách|xe khách|
    thợ trời|thợ thơ|thợ bạn|thợ ngôi|thợ thuyền|
    chủ âm|chủ bài|chủ chiến|chủ chốt|chủ công|chủ đạo|chủ đề|chủ đích|chủ điểm|chủ định|chủ động|
    chủ hoà|chủ kiến|chủ lực|chủ lưu|chủ nghĩa|chủ ngữ|chủ nhật|chủ quan|chủ quản|chủ quyền|chủ tâm|
    chủ thể|chủ tố|chủ trì|chủ trí|chủ trị|chủ trương|chủ từ|chủ xướng|chủ ý|chủ yếu|chủ tỉnh|chủ não|
    chủ tang|chủ hôn|chủ lễ|chủ tế|chủ soái|chủ suý|chủ sự|chủ xị|chủ tể|chủ tướng|chủ phạm|chủ điền|
    chủ tiệc|chủ toạ"""
)
# Of the nouns headed by "nhà", those for a person (most are buildings: nhà ga, nhà máy, nhà tù).
NHA_PEOPLE = _words("nhà báo|nhà buôn|nhà giáo|nhà nho|nhà nông|nhà sư|nhà thơ|nhà văn|nhà vua|nhà tu")


def derive(words: list[str]) -> list[str]:
    """Return the person nouns among a word list's entries, in tintuc's tone-mark convention, sorted."""
    from flows.steps.ingest.normalize import normalize_line

    found = set()
    for entry in words:
        word = entry.strip()
        if not word or word[0].isupper() or word in NOT_PEOPLE or "," in word:
            continue
        parts = word.split()
        if len(parts) < 2 or len(parts) > 4:
            continue
        if parts[-1] in ENDINGS or (parts[0] in HEADS[:2] and len(parts) == 2) or word in NHA_PEOPLE:
            found.add(normalize_line(word))
    return sorted(found - {normalize_line(word) for word in NOT_PEOPLE})


def render(nouns: list[str]) -> str:
    """Return the text of flows/steps/extract/role_nouns.py."""
    return frozenset_module(
        "Nouns for people by what they do or hold, from the language's agentive compounds.\n\n"
        "Generated by bench/extraction_lexicons.py from underthesea's Viet74K word list (compounds ending\n"
        "in -viên, -sĩ, -sư, -trưởng, -thủ, -gia, -nhân, -tá, -úy, -tướng, -giả, -khách, or headed by thợ,\n"
        "chủ, nhà, less those that name no person). Do not edit by hand: rerun the script.",
        "DERIVED_ROLE_NOUNS",
        nouns,
    )


def main() -> None:
    """Write (or, with --check, compare) flows/steps/extract/role_nouns.py."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the module is out of date")
    args = parser.parse_args()
    sys.path.insert(0, str(PROJECT))
    import underthesea

    source = Path(underthesea.__file__).parent / "corpus" / "data" / "Viet74K.txt"
    text = render(derive(source.read_text(encoding="utf-8").splitlines()))
    write_or_check(TARGET, text, args.check, "nouns")


if __name__ == "__main__":
    main()
