"""The window's story hook: what its load step does with each article it loads (docs/stories.md).

One small function so that whatever runs a window (in process, or on a Dask worker) asks the
same question in one place: with TINTUC_STORIES on (the default), each article is linked to the
original it copies or placed in a story inside the transaction that loads it.
"""

from __future__ import annotations

from flows.settings import Settings
from warehouse.load import ArticleLoaded
from warehouse.stories import place_article


def story_hook(settings: Settings) -> ArticleLoaded | None:
    """Return what the load step calls for each loaded article, or None when stories are off."""
    return place_article if settings.stories else None
