"""Shingles, MinHash and LSH bands: the pieces near-copy detection is made of."""

from hypothesis import given
from hypothesis import strategies as st

from flows.steps.stories.minhash import BANDS, band_buckets, signature
from flows.steps.stories.text import jaccard, shingles, text_words, words

# What every process, on every machine, computes for one shingle's first band. Stored bands are
# compared across runs: a per-process hash seed, or a changed hash, would make old copies unfindable.
FIRST_BAND_OF_ONE_SHINGLE = 5770067367887369959
REPORT = (
    "Khoảng 20h tối 17/2, chiếc xe khách chở 38 người lưu thông trên quốc lộ thì lao xuống vực sâu "
    "khoảng 20 m. Lực lượng cứu hộ đã đưa các nạn nhân đến bệnh viện gần nhất để cấp cứu. Nguyên nhân vụ "
    "tai nạn đang được cơ quan chức năng điều tra làm rõ, tài xế đã được đưa đi kiểm tra nồng độ cồn."
)


def test_words_are_lower_case_nfc_syllables_without_punctuation():
    decomposed = "Ha\u0300 Nô\u0323i, TP.HCM!"  # combining marks, as some pages store them
    assert words(decomposed) == ["hà", "nội", "tp", "hcm"]


def test_shingles_are_runs_of_five_words_and_short_texts_have_none():
    sequence = ["một", "hai", "ba", "bốn", "năm", "sáu"]
    assert shingles(sequence) == {"một hai ba bốn năm", "hai ba bốn năm sáu"}
    assert shingles(sequence[:4]) == set()


def test_a_copy_with_another_outlet_credit_still_shares_most_of_its_shingles():
    original = shingles(text_words([REPORT]))
    copy = shingles(text_words([REPORT, "Theo Báo Giao thông."]))
    assert jaccard(original, copy) >= 0.8
    other = shingles(text_words(["Giá vàng thế giới tuần sau có thể giảm khi đồng USD mạnh lên trở lại."]))
    assert jaccard(original, other) == 0.0


def test_a_copy_shares_a_band_and_an_unrelated_text_does_not():
    original = band_buckets(signature(shingles(text_words([REPORT]))))
    copy = band_buckets(signature(shingles(text_words(["Hà Nội - " + REPORT]))))
    other_text = "Giá thuê căn hộ dịch vụ ở trung tâm thành phố tăng trở lại sau nhiều tháng, theo báo cáo."
    other = band_buckets(signature(shingles(text_words([other_text]))))
    assert len(original) == BANDS
    assert set(enumerate(original)) & set(enumerate(copy))
    assert not set(enumerate(original)) & set(enumerate(other))


def test_signatures_are_the_same_in_every_process_and_none_for_a_text_without_shingles():
    # Stored in the warehouse and compared across runs: no per-process hash seed may enter them.
    assert band_buckets(signature({"một hai ba bốn năm"}))[0] == FIRST_BAND_OF_ONE_SHINGLE
    assert signature(set()) is None


@given(st.sets(st.text(min_size=1, max_size=12), min_size=1, max_size=40))
def test_the_minhash_of_a_set_estimates_its_jaccard_with_itself_as_one(shingle_set):
    minima = signature(shingle_set)
    assert minima is not None
    assert (minima == signature(set(shingle_set))).all()


def test_minhash_estimates_jaccard_within_a_few_points():
    first = {f"shingle {number}" for number in range(300)}
    second = {f"shingle {number}" for number in range(60, 360)}  # Jaccard 240/360 = 0.67
    estimate = (signature(first) == signature(second)).mean()
    assert abs(estimate - 240 / 360) < 0.1
