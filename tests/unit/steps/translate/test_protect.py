from flows.steps.text.glossary import load_glossary
from flows.steps.translate.ctranslate import Decoded, SourcePiece
from flows.steps.translate.protect import Protector, place_spans, restyle_names

PROTECTOR = Protector(load_glossary(), {"Đinh Tiến Dũng": "Dinh Tien Dung"})


def detokenize(pieces) -> str:
    return "".join(pieces).replace("▁", " ").strip()


def test_the_longest_protected_term_wins_and_names_are_found():
    spans = PROTECTOR.spans("Ông Đinh Tiến Dũng, Bí thư Thành ủy Hà Nội, bị cảnh cáo.")
    assert [(s.vietnamese, s.english[0], s.kind) for s in spans] == [
        ("Đinh Tiến Dũng", "Dinh Tien Dung", "name"),
        ("Bí thư Thành ủy", "Secretary of the City Party Committee", "term"),
        ("cảnh cáo", "warning", "checked"),  # a common word: checked, never rewritten
    ]


def test_a_term_is_not_found_inside_another_word():
    assert PROTECTOR.spans("Công ty UBNDX họp.") == []


def test_the_english_counts_as_right_whatever_its_case_diacritics_or_accepted_variant():
    [secretary] = PROTECTOR.spans("Bí thư Thành ủy phát biểu.")
    assert PROTECTOR.present("The secretary of the Hanoi Party Committee spoke.", secretary)
    [name] = PROTECTOR.spans("Ông Đinh Tiến Dũng phát biểu.")
    assert PROTECTOR.present("Mr. ĐINH TIẾN DŨNG spoke.", name)
    assert not PROTECTOR.present("Mr. Dinh spoke.", name)


def test_a_name_the_model_kept_with_diacritics_is_rewritten_in_the_set_style():
    spans = PROTECTOR.spans("Ông Đinh Tiến Dũng phát biểu.")
    assert restyle_names("Mr. Đinh Tiến Dũng spoke.", spans) == "Mr. Dinh Tien Dung spoke."


def decoded(source_words: list[str], pieces: list[str], aligned: list[int]) -> Decoded:
    """A model output whose piece j attends to source piece aligned[j]."""
    source, position = [], 0
    for word in source_words:
        source.append(SourcePiece(word, position, position + len(word)))
        position += len(word)
    attention = tuple(
        tuple(1.0 if i == target else 0.0 for i in range(len(source_words))) for target in aligned
    )
    return Decoded(tuple(source), tuple(pieces), True, attention)


def test_a_mangled_span_is_replaced_where_the_attention_puts_it():
    text = "Ông Đinh Tiến Dũng phát biểu."
    words = ["Ông ", "Đinh Tiến Dũng ", "phát biểu", "."]
    output = decoded(words, ["▁Mr.", "▁Dinky", "▁Tin", "▁spoke", "."], [0, 1, 1, 2, 3])
    spans = PROTECTOR.spans(text)
    assert place_spans(output, spans, detokenize) == "Mr. Dinh Tien Dung spoke."


def test_a_dropped_span_is_inserted_after_what_comes_before_it():
    text = "Ông Đinh Tiến Dũng phát biểu."
    words = ["Ông ", "Đinh Tiến Dũng ", "phát biểu", "."]
    output = decoded(words, ["▁Mr.", "▁spoke", "."], [0, 2, 3])
    assert place_spans(output, PROTECTOR.spans(text), detokenize) == "Mr. Dinh Tien Dung spoke."


def test_one_stray_aligned_piece_does_not_take_the_sentence_with_it():
    text = "Ông Đinh Tiến Dũng nói kinh tế tăng."
    words = ["Ông ", "Đinh Tiến Dũng ", "nói kinh tế tăng", "."]
    pieces = ["▁Mr.", "▁Din", "ky", "▁said", "▁the", "▁economy", "▁grew", "▁Dun", "."]
    output = decoded(words, pieces, [0, 1, 2, 2, 2, 2, 2, 1, 3])
    assert place_spans(output, PROTECTOR.spans(text), detokenize) == (
        "Mr. Dinh Tien Dung said the economy grew Dun."
    )


def test_spans_are_found_among_thousands_of_known_names():
    names = {f"Nguyễn Văn {n}": f"Nguyen Van {n}" for n in range(5000)}
    names["Nguyễn Văn Bình"] = "Nguyen Van Binh"
    protector = Protector(load_glossary(), names)
    spans = protector.spans("Ông Nguyễn Văn Bình và ông Nguyễn Văn 4999 gặp Bộ Chính trị.")
    assert [(s.vietnamese, s.english[0]) for s in spans] == [
        ("Nguyễn Văn Bình", "Nguyen Van Binh"),
        ("Nguyễn Văn 4999", "Nguyen Van 4999"),
        ("Bộ Chính trị", "Politburo"),
    ]
