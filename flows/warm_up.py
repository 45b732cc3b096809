"""Load what a run needs before its first window asks for it: the translation model and the extractor's tools.

A run's first window used to pay for loading the model, and whichever window first met a place name
paid for importing underthesea's tagger (seconds on a busy machine), while the decoder waited. Here a
thread loads the model (flows/translation.py keeps it for the process) and extracts and validates one
small built-in article, which loads every lazy part of the extractor and of pandera's checks, while
the run imports Prefect and waits for its server. Nothing here may fail the run: a model that cannot
load fails the translate step later, with its own message.

`ready_before_the_flow` does, in the main thread once its imports are done, the flow's own first steps
that can wait for no server: on a new data folder the main thread is otherwise idle for a second or two
before the server answers.
"""

from __future__ import annotations

import contextlib
import logging
import threading

from flows.settings import Settings

logger = logging.getLogger(__name__)

# Short, and holding what wakes every lazy part of the extractor: a person with a role, an organisation,
# a date, a street, and two capitalised words after a locative word that no rule claims ("ở Phong
# Điền"), which is what loads underthesea's tagger.
WARM_UP_ARTICLE = """Lãnh đạo tỉnh Quảng Nam làm việc tại Đà Nẵng

Chiều 5/3, ông Nguyễn Văn An, Chủ tịch UBND tỉnh Quảng Nam, đã làm việc với Sở Y tế tại thành phố Đà Nẵng.
Đoàn công tác cũng đến thăm người dân ở xã Hòa Bắc, huyện Hòa Vang và khu phố trên đường Lê Duẩn.
Theo bà Trần Thị Hoa, Giám đốc Sở Y tế, các trạm y tế sẽ được nâng cấp trong năm nay.
Người dân ở Phong Điền cũng đã được hỗ trợ sau mùa mưa lũ.
"""


def start_warm_up(settings: Settings) -> threading.Thread:
    """Start loading the model and the extractor in a background thread; return the thread."""
    thread = threading.Thread(target=warm_up, args=(settings,), name="tintuc-warm-up", daemon=True)
    thread.start()
    return thread


def warm_up(settings: Settings) -> None:
    """Load the installed model (if any) and extract the built-in article once."""
    try:
        from flows.translation import loaded_translator

        loaded_translator(settings)
    except Exception:  # the translate step loads it again and reports the error then
        logger.debug("warming up the translation model failed", exc_info=True)
    try:
        from flows.steps.extract.article import extract_article
        from flows.steps.ingest.files import SourceFile, parse_source
        from flows.steps.ingest.formats import SourceDocument
        from flows.steps.records import ArticleRecords
        from flows.steps.validate import validate_records

        source = SourceFile("tintuc-warm-up.txt", WARM_UP_ARTICLE.encode())
        for document in parse_source(source):
            if isinstance(document, SourceDocument):
                records = extract_article(document, source.content_sha256, "warm-up")
                if isinstance(records, ArticleRecords):
                    validate_records([records])  # pandera builds its schemas, and imports what they need
    except Exception:  # the run's own extraction says what is wrong, file by file
        logger.debug("warming up the extractor failed", exc_info=True)


def ready_before_the_flow(settings: Settings) -> None:
    """Do what the flow would do first, while the Prefect server starts; the flow then finds it done.

    - The data folder's warehouse tables (`upgrade_to_head`, 0.4 s on a new folder, nothing on one at
      head): the flow's own call then finds them at head. Only the folder's own SQLite file: another
      warehouse's errors (a PostgreSQL that does not answer) are the flow's to report, in its run.
    - fastapi's encoder, which Prefect imports to record the flow run's parameters (0.2 s).

    Nothing here may fail the run: the flow does the same again and reports what is wrong.
    """
    if settings.default_sqlite_file is not None:
        try:
            from warehouse.engine import make_engine, upgrade_to_head

            engine = make_engine(settings.resolved_database_url)
            try:
                upgrade_to_head(engine)
            finally:
                engine.dispose()
        except Exception:  # a folder that cannot be written, say: the flow's own call says so
            logger.debug("making the warehouse before the flow failed", exc_info=True)
    with contextlib.suppress(ImportError):
        import fastapi.encoders  # noqa: F401  (Prefect's flow call imports it for the parameters)
