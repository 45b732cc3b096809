import pytest

from flows.steps.text.glossary import GlossaryError, load_glossary


def test_the_shipped_glossary_knows_party_titles_and_discipline():
    terms = load_glossary().terms
    assert terms["Bí thư Thành ủy"].english[0] == "Secretary of the City Party Committee"
    assert terms["Ban Chấp hành Trung ương"].english[0] == "Central Committee"
    assert [terms[t].english[0] for t in ("khiển trách", "cảnh cáo", "cách chức", "khai trừ")] == [
        "reprimand",
        "warning",
        "dismissal",
        "expulsion",
    ]


def test_a_users_glossary_adds_terms_and_wins_on_the_same_term(tmp_path):
    own = tmp_path / "mine.tsv"
    own.write_text("# mine\nThành ủy\tMunicipal Party Committee\nTiền Phong\tTien Phong\n", encoding="utf-8")
    shipped, mine = load_glossary(), load_glossary(own)
    assert mine.terms["Thành ủy"].english == ("Municipal Party Committee",)
    assert mine.terms["Tiền Phong"].english == ("Tien Phong",)
    assert mine.terms["Bộ Chính trị"] == shipped.terms["Bộ Chính trị"]


def test_a_malformed_glossary_line_is_reported_with_its_file_and_line(tmp_path):
    own = tmp_path / "broken.tsv"
    own.write_text("Thành ủy\tCity Party Committee\nBộ Chính trị Politburo\n", encoding="utf-8")
    with pytest.raises(GlossaryError, match=r"broken\.tsv, line 2: expected 'Vietnamese<TAB>English"):
        load_glossary(own)


def test_a_missing_glossary_file_is_reported_by_name(tmp_path):
    with pytest.raises(GlossaryError, match=r"nowhere\.tsv: cannot read the glossary"):
        load_glossary(tmp_path / "nowhere.tsv")
