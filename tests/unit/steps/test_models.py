import hashlib
import json
import zipfile
from pathlib import Path

import pytest

from flows.steps.argos import find_package
from flows.steps.models import PackageRefused, check_package, download_verified, install_file


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
