"""URLs as the fetcher compares them, and the command line's mix of paths and URLs.

A URL is fetched once, compared in canonical form: scheme and host in small letters, the default
port dropped, an empty path as "/", no fragment, no `utm_*` tracking parameters (what outlets add
to the links they share), the other query parameters kept in their order.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

SCHEMES = ("http", "https")
_DEFAULT_PORTS = {"http": 80, "https": 443}


def looks_like_url(argument: str) -> bool:
    """Tell whether a command-line argument is a URL (it has a scheme and `://`) rather than a path."""
    scheme, sep, _ = argument.partition("://")
    return bool(sep) and scheme.isalpha() and len(scheme) > 1  # "C://" would be a drive, not a URL


def canonical_url(url: str) -> str:
    """Return url in canonical form (see the module's docstring); raise ValueError if it is no URL."""
    parts = urlsplit(url.strip())
    if not parts.scheme or not parts.hostname:
        raise ValueError(f"{url!r} is not a URL with a scheme and a host")
    scheme, host = parts.scheme.lower(), parts.hostname.lower()
    if ":" in host:
        host = f"[{host}]"  # an IPv6 address
    port = parts.port
    netloc = host if port is None or port == _DEFAULT_PORTS.get(scheme) else f"{host}:{port}"
    if parts.username:
        netloc = f"{parts.username}{':' + parts.password if parts.password else ''}@{netloc}"
    query = [(key, value) for key, value in parse_qsl(parts.query, keep_blank_values=True)]
    query = [(key, value) for key, value in query if not key.lower().startswith("utm_")]
    return urlunsplit((scheme, netloc, parts.path or "/", urlencode(query), ""))


def split_targets(arguments: list[str]) -> tuple[list[Path], list[str]]:
    """Split command-line arguments into paths and URLs, in the order given."""
    paths = [Path(argument) for argument in arguments if not looks_like_url(argument)]
    urls = [argument for argument in arguments if looks_like_url(argument)]
    return paths, urls


def read_url_file(path: Path) -> list[str]:
    """Return the URLs of a file, one a line; blank lines and `#` comments are skipped."""
    urls = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip() if line.lstrip().startswith("#") else line.strip()
        if line:
            urls.append(line.split()[0])
    return urls
