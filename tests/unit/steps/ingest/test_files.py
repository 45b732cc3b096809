import pytest

from flows.steps.ingest.files import FileTooLarge, SourceFile, UnreadableSource, parse_source, read_source


def test_a_file_over_the_limit_is_refused_saying_its_size_and_the_setting(tmp_path):
    path = tmp_path / "dump.txt"
    path.write_bytes(b"x" * 3 * 1024 * 1024)
    with pytest.raises(FileTooLarge, match=r"3\.0 MiB, over the 2\.0 MiB limit.*TINTUC_MAX_FILE_BYTES"):
        read_source(path, max_bytes=2 * 1024 * 1024)


def test_a_file_at_the_limit_is_read_whole(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 1000)
    assert read_source(path, max_bytes=1000).data == b"x" * 1000


def test_a_file_that_is_gone_when_read_says_it_disappeared(tmp_path):
    with pytest.raises(UnreadableSource, match="disappeared between listing and reading"):
        read_source(tmp_path / "gone.txt", max_bytes=1000)


def test_a_path_the_system_cannot_read_names_the_system_error(tmp_path):
    # A folder stands in for an unreadable file: root may read a chmod 000 file, never a folder.
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    with pytest.raises(UnreadableSource, match="cannot read the file: Is a directory") as error:
        read_source(folder, max_bytes=1000)
    assert error.value.check_name == "file_readable"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", r"the file is empty \(0 bytes\)"),
        (b" \n\t\r\n\xc2\xa0\n", "only white space"),
        (b"\xef\xbb\xbf\xe2\x80\x8b\n", "only white space"),  # a BOM and a zero-width space
        ("  \n".encode("utf-16"), "only white space"),
    ],
    ids=["empty", "whitespace", "invisible", "utf16-whitespace"],
)
def test_a_file_without_text_is_refused_saying_so(data, reason):
    with pytest.raises(UnreadableSource, match=reason):
        parse_source(SourceFile("x.txt", data))
