"""The translator the flows use: the installed vi→en package, or none (translations pending)."""

from __future__ import annotations

from flows.settings import Settings
from flows.steps.argos import find_package, package_label
from flows.steps.translate import DecodingOptions, PackageTranslator

NO_MODEL_HINT = (
    "No vi→en translation model installed: Vietnamese loaded, translations pending. "
    "Install one with `tintuc models install` (or `--file PACKAGE.argosmodel`), then run "
    "`tintuc translate`."
)


def load_translator(settings: Settings) -> PackageTranslator | None:
    """Return a translator for the installed vi→en package, or None when there is none."""
    package = find_package(settings.argos_dir, settings.source_lang, settings.target_lang)
    if package is None:
        return None
    options = DecodingOptions(
        beam_size=settings.beam_size,
        batch_tokens=settings.batch_tokens,
        inter_threads=settings.inter_threads,
        intra_threads=settings.intra_threads,
    )
    return PackageTranslator(package, package_label(package), options)
