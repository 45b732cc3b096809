"""The model's own position limits are read from its files and no decode asks for more."""

import json
import shutil
from pathlib import Path

import pytest

from flows.steps.translate.argos import find_package, package_label
from flows.steps.translate.ctranslate import DecodingOptions, PackageTranslator
from flows.steps.translate.model_limits import ModelLimits, read_model_limits
from flows.steps.translate.models import install_file
from tests.support.argos_fixture import DECODER_POSITIONS, NEVER_ENDING_256_SHAPE, build_fixture_package


@pytest.fixture(scope="module")
def never_ending_package(tmp_path_factory, seed_text):
    return build_fixture_package(
        tmp_path_factory.mktemp("argos256") / "never-ending.argosmodel",
        seed_text,
        shape=NEVER_ENDING_256_SHAPE,
    )


def installed(package_file, folder) -> PackageTranslator:
    install_file(package_file, folder)
    package = find_package(folder, "vi", "en")
    return PackageTranslator(package, package_label(package), DecodingOptions(intra_threads=1))


def model_dir(package_file, folder) -> Path:
    install_file(package_file, folder)
    return Path(find_package(folder, "vi", "en").package_path) / "model"


def test_learned_position_tables_are_read_from_model_bin(never_ending_package, tmp_path):
    translator = installed(never_ending_package, tmp_path / "argos")
    assert translator.limits == ModelLimits(encoder_positions=256, decoder_positions=256)


def test_a_sinusoidal_encoder_has_no_table_and_the_decoder_keeps_its_own(fixture_package, tmp_path):
    translator = installed(fixture_package, tmp_path / "argos")
    assert translator.limits == ModelLimits(encoder_positions=None, decoder_positions=DECODER_POSITIONS)


def test_caps_stay_inside_a_256_position_table(never_ending_package, tmp_path):
    translator = installed(never_ending_package, tmp_path / "argos")
    assert translator.max_source_pieces == 255  # an English as long, with its end token, still fits
    assert translator.decoding_cap(300) == 256
    assert translator.decoding_cap(60) == 212  # the 3×+32 ratio cap, below the table
    assert translator.decoding_cap(10) == 62


def test_without_tables_the_absolute_caps_hold(fixture_package, tmp_path):
    translator = installed(fixture_package, tmp_path / "argos")
    assert translator.decoding_cap(1000) == 512
    assert translator.max_source_pieces == 511


def test_tokens_the_model_adds_to_every_source_count_against_its_table(never_ending_package, tmp_path):
    model = model_dir(never_ending_package, tmp_path / "argos")
    config = json.loads((model / "config.json").read_text())
    (model / "config.json").write_text(json.dumps({**config, "add_source_bos": True, "add_source_eos": True}))
    assert read_model_limits(model).source_extra_tokens == 2


def test_an_unreadable_model_file_gives_no_limits_instead_of_failing(never_ending_package, tmp_path):
    model = tmp_path / "copy"
    shutil.copytree(model_dir(never_ending_package, tmp_path / "argos"), model)
    (model / "model.bin").write_bytes((model / "model.bin").read_bytes()[:100])
    assert read_model_limits(model) == ModelLimits()
