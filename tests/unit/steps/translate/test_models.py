import hashlib
import json
import stat
import zipfile
from pathlib import Path

import pytest

from flows.settings import Settings
from flows.steps.translate.argos import find_package
from flows.steps.translate.models import (
    PackageLimits,
    PackageRefused,
    check_package,
    download_verified,
    install_file,
)


def write_zip(path: Path, entries: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return path


def metadata(from_code="vi", to_code="en") -> bytes:
    return json.dumps({"from_code": from_code, "to_code": to_code, "package_version": "1"}).encode()


COMPLETE = {"p/metadata.json": metadata(), "p/model/model.bin": b"x", "p/sentencepiece.model": b"x"}


def test_the_fixture_package_passes_the_checks_and_installs(fixture_package, tmp_path):
    installed = install_file(fixture_package, tmp_path / "argos")
    assert (installed / "model" / "model.bin").is_file()
    package = find_package(tmp_path / "argos", "vi", "en")
    assert package is not None and package.package_version == "0.1-fixture"


def test_a_file_that_is_not_a_zip_is_refused(tmp_path):
    path = tmp_path / "x.argosmodel"
    path.write_text("not a zip")
    with pytest.raises(PackageRefused, match="not a zip archive"):
        check_package(path)


def test_the_wrong_language_pair_is_refused(tmp_path):
    path = write_zip(tmp_path / "x.argosmodel", {**COMPLETE, "p/metadata.json": metadata("en", "vi")})
    with pytest.raises(PackageRefused, match="translates en → vi, tintuc needs vi → en"):
        check_package(path)


@pytest.mark.parametrize(
    ("missing", "message"),
    [
        ("p/metadata.json", "no p/metadata.json"),
        ("p/model/model.bin", "no CTranslate2 model"),
        ("p/sentencepiece.model", "no SentencePiece model"),
    ],
)
def test_a_package_missing_a_part_is_refused(tmp_path, missing, message):
    entries = {name: data for name, data in COMPLETE.items() if name != missing}
    with pytest.raises(PackageRefused, match=message):
        check_package(write_zip(tmp_path / "x.argosmodel", entries))


def test_entries_outside_the_packages_folder_are_refused_and_nothing_is_written(tmp_path):
    path = write_zip(tmp_path / "x.argosmodel", {**COMPLETE, "p/../../evil.txt": b"x"})
    with pytest.raises(PackageRefused, match="outside the packages folder"):
        install_file(path, tmp_path / "argos")
    assert not (tmp_path / "evil.txt").exists()
    assert not (tmp_path / "argos" / "packages" / "p").exists()


def test_a_download_whose_checksum_differs_is_refused_and_removed(fixture_package, tmp_path):
    target = tmp_path / "downloads" / "vi_en.argosmodel"
    with pytest.raises(PackageRefused, match="does not match the pinned"):
        download_verified(fixture_package.as_uri(), "0" * 64, target, timeout=5)
    assert not target.exists() and not list(target.parent.iterdir())


def test_a_download_whose_checksum_matches_is_kept(fixture_package, tmp_path):
    digest = hashlib.sha256(fixture_package.read_bytes()).hexdigest()
    target = download_verified(fixture_package.as_uri(), digest, tmp_path / "vi_en.argosmodel", timeout=5)
    assert target.read_bytes() == fixture_package.read_bytes()


def with_entry(package: Path, out: Path, entry: zipfile.ZipInfo | str, data: bytes = b"x") -> Path:
    """Copy a package and add one more entry to it."""
    with zipfile.ZipFile(package) as source, zipfile.ZipFile(out, "w") as archive:
        for info in source.infolist():
            archive.writestr(info, source.read(info))
        archive.writestr(entry, data)
    return out


@pytest.mark.parametrize(
    "name",
    ["/etc/cron.d/evil", "translate-vi_en-0_1-fixture/../../evil", "..\\evil", "C:/evil", "\\evil"],
    ids=["absolute", "dot-dot", "backslash-dot-dot", "drive-letter", "backslash-root"],
)
def test_a_real_package_with_an_entry_escaping_its_folder_is_refused_and_nothing_installed(
    fixture_package, tmp_path, name
):
    hostile = with_entry(fixture_package, tmp_path / "hostile.argosmodel", name)
    with pytest.raises(PackageRefused, match="would land outside the packages folder"):
        install_file(hostile, tmp_path / "argos")
    assert not (tmp_path / "argos" / "packages").exists() and not (tmp_path / "evil").exists()


def test_a_package_holding_a_symbolic_link_is_refused(fixture_package, tmp_path):
    link = zipfile.ZipInfo("translate-vi_en-0_1-fixture/model/shared.bin")
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    hostile = with_entry(fixture_package, tmp_path / "link.argosmodel", link, b"/etc/passwd")
    with pytest.raises(
        PackageRefused, match=r"'translate-vi_en-0_1-fixture/model/shared\.bin' is a symbolic link"
    ):
        check_package(hostile)


def test_a_package_file_over_the_size_limit_is_refused_before_it_is_opened(fixture_package):
    size = fixture_package.stat().st_size
    with pytest.raises(
        PackageRefused, match=r"over the 0\.1 MiB limit for a package file.*MAX_PACKAGE_BYTES"
    ):
        check_package(fixture_package, limits=PackageLimits(100_000, 1 << 30))
    assert check_package(fixture_package, limits=PackageLimits(size, 1 << 30)).folder


def test_a_zip_bomb_is_refused_by_its_unpacked_size(tmp_path):
    bomb = tmp_path / "bomb.argosmodel"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in COMPLETE.items():
            archive.writestr(name, data)
        archive.writestr("p/model/padding.bin", bytes(64 << 20))  # 64 MiB of zeros: ~64 KB packed
    assert bomb.stat().st_size < 1 << 20
    with pytest.raises(PackageRefused, match=r"unpacks to 64\.0 MiB, over the 16\.0 MiB limit"):
        check_package(bomb, limits=PackageLimits(1 << 30, 16 << 20))


def test_the_default_limits_are_the_settings_defaults():
    defaults = Settings()
    assert PackageLimits() == PackageLimits(defaults.max_package_bytes, defaults.max_package_unpacked_bytes)


@pytest.mark.parametrize(
    ("metadata_bytes", "message"),
    [(b"{not json", "metadata.json is not valid JSON"), (b"[1, 2]", "metadata.json is not an object")],
)
def test_unreadable_metadata_is_refused(tmp_path, metadata_bytes, message):
    entries = {**COMPLETE, "p/metadata.json": metadata_bytes}
    with pytest.raises(PackageRefused, match=message):
        check_package(write_zip(tmp_path / "x.argosmodel", entries))


def test_a_damaged_zip_is_refused_as_damaged(tmp_path):
    path = write_zip(tmp_path / "x.argosmodel", COMPLETE)
    data = path.read_bytes().replace(b'"from_code"', b'"from_kode"')  # the stored CRC no longer matches
    path.write_bytes(data)
    with pytest.raises(PackageRefused, match="damaged zip archive"):
        check_package(path)


def test_a_package_file_that_does_not_exist_is_refused_naming_it(tmp_path):
    with pytest.raises(PackageRefused, match=r"missing\.argosmodel: cannot read the package file"):
        check_package(tmp_path / "missing.argosmodel")


def test_a_download_over_the_size_limit_is_stopped_and_removed(fixture_package, tmp_path):
    target = tmp_path / "downloads" / "vi_en.argosmodel"
    with pytest.raises(PackageRefused, match=r"larger than the 0\.1 MiB limit"):
        download_verified(fixture_package.as_uri(), None, target, timeout=5, max_bytes=100_000)
    assert not list(target.parent.iterdir())
