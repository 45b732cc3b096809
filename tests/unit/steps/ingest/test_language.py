from flows.steps.ingest.language import vietnamese_score


def test_the_seed_reads_as_vietnamese(seed_text):
    score = vietnamese_score(seed_text)
    assert score.is_vietnamese and score.share > 0.45


def test_nfd_vietnamese_scores_as_its_nfc_form(seed_text):
    import unicodedata

    assert vietnamese_score(unicodedata.normalize("NFD", seed_text)) == vietnamese_score(seed_text)


def test_english_about_vietnam_full_of_vietnamese_names_is_not_vietnamese():
    english = (
        "Prime Minister Nguyễn Xuân Phúc met President Võ Văn Thưởng in Hà Nội on Monday to discuss "
        "the economy and trade ties with the United States."
    )
    assert not vietnamese_score(english).is_vietnamese


def test_french_and_portuguese_accents_do_not_count_as_vietnamese():
    assert vietnamese_score("Le président a rencontré les ministres à l'Élysée où ils ont parlé.").share == 0
    assert vietnamese_score("O governo não aprovou a reforma da previdência ontem à noite.").share == 0


def test_a_text_without_words_is_not_vietnamese():
    score = vietnamese_score("123 456 — !!!")
    assert (score.words, score.is_vietnamese) == (0, False)
