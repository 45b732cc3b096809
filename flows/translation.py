"""What the flows translate with: the installed vi→en package, the glossary, the memory and failures.

Without an installed package there is no translator: the Vietnamese is loaded and the English
stays pending (never faked).
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from flows.settings import Settings
from flows.steps.text.glossary import load_glossary
from flows.steps.text.transliterate import without_diacritics
from flows.steps.translate.argos import find_package, package_label
from flows.steps.translate.ctranslate import DecodingOptions, PackageTranslator
from flows.steps.translate.in_flight import InFlight
from flows.steps.translate.protect import Protector
from flows.steps.translate.texts import GIVE_UP_AFTER, Toolkit
from warehouse.engine import Warehouse
from warehouse.failures import TranslationFailures
from warehouse.memory import TranslationMemory

logger = logging.getLogger(__name__)
NO_MODEL_HINT = (
    "No vi→en translation model installed: Vietnamese loaded, translations pending. "
    "Install one with `tintuc models install` (or `--file PACKAGE.argosmodel`), then run "
    "`tintuc translate`."
)


class DeviceUnavailable(RuntimeError):
    """The device TINTUC_DEVICE asks for is not on this machine."""


def load_translator(settings: Settings) -> PackageTranslator | None:
    """Return a translator for the installed vi→en package, or None when there is none."""
    package = find_package(settings.argos_dir, settings.source_lang, settings.target_lang)
    return None if package is None else translator_for(package, settings)


# The translator this process loaded last, by what decides it: the package's folder and mtime (a
# package installed again is loaded again) and the decoding options. One only: a process translates
# for one installed package at a time, and a model holds hundreds of megabytes.
_loaded: dict[tuple[str, int, str], PackageTranslator] = {}
_loaded_lock = threading.Lock()  # a worker with several threads loads a package once, not once each
_loads = 0


def loaded_translator(settings: Settings) -> PackageTranslator | None:
    """Return this process's translator for the installed package, loading it on first use only.

    Every window of every run in the process shares it: the in-process flow's and a Dask worker's.
    """
    global _loads
    with _loaded_lock:  # also around the lookup: Argos's package module is set up on first use
        package = find_package(settings.argos_dir, settings.source_lang, settings.target_lang)
        if package is None:
            return None
        path = Path(package.package_path)
        decoding = settings.model_dump_json(
            include={"beam_size", "batch_tokens", "inter_threads", "intra_threads", "device"}
        )
        key = (str(path), path.stat().st_mtime_ns, decoding)
        if key not in _loaded:
            translator = translator_for(package, settings)
            _loaded.clear()
            _loaded[key] = translator
            _loads += 1
            logger.info("process %d loaded translation package %s", os.getpid(), path)
        return _loaded[key]


def translator_loads() -> int:
    """Return how many times this process has loaded a translation package (tests and the bench ask)."""
    return _loads


def translator_for(package: Any, settings: Settings) -> PackageTranslator:
    """Return a translator for this installed Argos package, decoding as settings say."""
    check_device(settings.device)
    inter, intra = fitted_threads(settings.inter_threads, settings.intra_threads, os.cpu_count() or 1)
    options = DecodingOptions(
        beam_size=settings.beam_size,
        batch_tokens=settings.batch_tokens,
        inter_threads=inter,
        intra_threads=intra,
        device=settings.device,
    )
    return PackageTranslator(package, package_label(package), options)


def check_device(device: str) -> None:
    """Raise DeviceUnavailable if device is "cuda" and CTranslate2 sees no GPU."""
    import ctranslate2

    if device == "cuda" and ctranslate2.get_cuda_device_count() == 0:
        raise DeviceUnavailable(
            "TINTUC_DEVICE=cuda, but CTranslate2 finds no CUDA GPU on this machine; "
            "set TINTUC_DEVICE=cpu (the default) or auto (a GPU when there is one)"
        )


def fitted_threads(inter: int, intra: int, cores: int) -> tuple[int, int]:
    """Fill in unset (0) thread counts: workers of 2 threads each, cores // 2 of them.

    Measured with one batched translate_batch (Argos-shaped int8 model, beam 4) on 16 cores,
    sentences/s by workers × threads: 2×8 54, 4×4 86, 8×2 90, 16×1 86; on 2 cores 2×1 beat 1×2
    by about 7% (while one worker waits on Python the other computes), so 2 cores keep 2×1.
    Each worker holds its own copy of the model and its beams: peak RSS was 1.1, 2.0, 3.3 and
    5.6 GB for 2, 4, 8 and 16 workers, about 0.3 GB a worker for a 6-layer int8 Transformer
    base. Set either count (TINTUC_INTER_THREADS, TINTUC_INTRA_THREADS) to override it.
    """
    if inter <= 0:
        inter = cores if cores <= 2 else max(1, cores // (intra if intra > 0 else 2))
    intra = intra if intra > 0 else max(1, cores // inter)
    return inter, intra


def styled_names(names: Iterable[str], style: str) -> dict[str, str]:
    """Return each person's name as the English should write it ("ascii": "Dinh Tien Dung")."""
    return {name: without_diacritics(name) if style == "ascii" else name for name in names}


# Raise when the check-and-repair of protected spans changes, so remembered English made by the
# old code is not served again.
PROTECTION_VERSION = 2


def decoding_key(translator: PackageTranslator, settings: Settings) -> str:
    """Return what, besides the package and the sentence's own spans, decides its English."""
    return f"{translator.options.output_key};names={settings.name_style};protection={PROTECTION_VERSION}"


def load_toolkit(
    settings: Settings,
    engine: Warehouse,
    person_names: Iterable[str],
    run_id: str | None = None,
    retry_failed: bool = False,
) -> Toolkit | None:
    """Return the run's translator, protector, memory and failure log, or None without a model.

    Failures are recorded against run_id; retry_failed tries again the texts given up on.
    """
    translator = load_translator(settings)
    if translator is None:
        return None
    return toolkit_for(translator, settings, person_names, engine, run_id, retry_failed)


def toolkit_for(
    translator: PackageTranslator,
    settings: Settings,
    person_names: Iterable[str],
    engine: Warehouse,
    run_id: str | None = None,
    retry_failed: bool = False,
    in_flight: InFlight | None = None,
) -> Toolkit:
    """Return the toolkit around a loaded translator, remembering in the warehouse behind engine.

    in_flight is shared by the windows of one run that translate side by side.
    """
    glossary = load_glossary(settings.glossary_path)
    protector = Protector(glossary, styled_names(person_names, settings.name_style))
    memory = TranslationMemory(engine, translator.model_name, decoding_key(translator, settings))
    failures = TranslationFailures(engine, translator.model_name, run_id, GIVE_UP_AFTER)
    return Toolkit(translator, protector, memory, failures, retry_failed, in_flight)
