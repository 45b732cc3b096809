"""Load what a run needs before its first window asks for it: the translation model and the extractor's tools.

A run's first window used to pay for loading the model, and whichever window first met a place name
paid for importing underthesea's tagger (seconds on a busy machine), while the decoder waited. Here a
thread loads the model (flows/translation.py keeps it for the process) and extracts and validates one
small built-in article, which loads every lazy part of the extractor and of pandera's checks, while
the run imports Prefect and waits for its server. Nothing here may fail the run: a model that cannot
load fails the translate step later, with its own message.
"""

from __future__ import annotations

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
