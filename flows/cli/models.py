"""`tintuc models install|list|remove`: the vi→en translation package."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from flows.cli.common import _settings, console
from flows.settings import ARGOS_VI_EN_BYTES, Settings

app = typer.Typer()
models_app = typer.Typer(help="Install, list and remove the vi→en translation model.")
app.add_typer(models_app, name="models")


@models_app.command("install")
def models_install(
    file: Annotated[Path | None, typer.Option(help="A local .argosmodel file.")] = None,
) -> None:
    """Install the vi→en package: from --file, the Argos index, or the pinned 1.9 package."""
    from flows.steps.translate import models

    settings = _settings()
    try:
        path = file if file is not None else _download_package(settings)
        limits = models.PackageLimits(settings.max_package_bytes, settings.max_package_unpacked_bytes)
        installed = models.install_file(
            path, settings.argos_dir, settings.source_lang, settings.target_lang, limits
        )
    except models.PackageRefused as error:
        console.print(f"[red]refused:[/red] {error}")
        raise typer.Exit(1) from error
    except OSError as error:
        console.print(
            f"[red]could not get the package:[/red] {error}. Download it elsewhere "
            f"and install it with --file."
        )
        raise typer.Exit(1) from error
    console.print(f"installed {installed.name} in {installed.parent}")


def _download_package(settings: Settings) -> Path:
    """Return a downloaded, verified vi→en package: the index's, else the pinned one."""
    from flows.steps.translate import models

    target = settings.argos_dir / "cache" / "downloads" / "translate-vi_en.argosmodel"
    try:
        url = models.index_package_url(
            settings.package_index_url, settings.network_timeout_s, settings.source_lang, settings.target_lang
        )
    except (OSError, ValueError) as error:
        console.print(f"Argos package index unavailable ({error}); using the pinned package")
        url = None
    if url:
        console.print(f"downloading {url} (listed in the Argos index)")
        return models.download_verified(
            url, None, target, settings.network_timeout_s, settings.max_package_bytes
        )
    console.print(f"downloading {settings.package_url} ({ARGOS_VI_EN_BYTES:,} bytes, SHA-256 checked)")
    return models.download_verified(
        settings.package_url,
        settings.package_sha256,
        target,
        settings.network_timeout_s,
        settings.max_package_bytes,
    )


@models_app.command("list")
def models_list() -> None:
    """List installed translation packages."""
    from flows.steps.translate.argos import installed_packages, package_label

    settings = _settings()
    table = Table("package", "from", "to", "folder")
    for package in installed_packages(settings.argos_dir):
        table.add_row(package_label(package), package.from_code, package.to_code, str(package.package_path))
    console.print(table)


@models_app.command("remove")
def models_remove(name: Annotated[str, typer.Argument(help="Package folder name.")]) -> None:
    """Remove an installed translation package."""
    from flows.steps.translate.models import remove_package

    if not remove_package(_settings().argos_dir, name):
        console.print(f"no installed package named {name}; see `tintuc models list`")
        raise typer.Exit(1)
    console.print(f"removed {name}")
