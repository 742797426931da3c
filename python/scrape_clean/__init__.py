"""Clean scraped web pages into article dicts, with the scrape-clean Rust library.

Give :func:`clean` a page, a plain-text dump of a whole page or its raw
HTML, as ``bytes`` or ``str``; it returns the article as a dict with the
same keys and values as the ``scrape-clean`` command's JSON (headline,
authors, published, body, sidebar, ...). :func:`clean_many` cleans many
pages on several threads, in input order; :func:`stream` reads a file
of crawled records (JSON Lines or WARC) and cleans each. Nothing is reimplemented here:
every page goes through the Rust library, with the GIL released.

    import scrape_clean
    page = open("fixtures/seed-kyiv-independent/input.txt", "rb").read()
    print(scrape_clean.clean(page)["headline"])
"""

from __future__ import annotations

import datetime as _dt
import json as _json
import os as _os
from itertools import islice as _islice
from typing import IO, Any, Dict, Iterable, Iterator, Optional, Union

from . import _scrape_clean
from ._scrape_clean import BinaryInput, EmptyInput, Error, NoText, TooLarge

__all__ = [
    "DEFAULT_MAX_BYTES",
    "BinaryInput",
    "EmptyInput",
    "Error",
    "NoText",
    "TooLarge",
    "clean",
    "clean_many",
    "stream",
]

#: The size limit when ``max_bytes`` is not given: 64 MiB, as the CLI's.
DEFAULT_MAX_BYTES: int = _scrape_clean.DEFAULT_MAX_BYTES

Page = Union[bytes, str]
Now = Union[str, _dt.datetime, _dt.date, None]

# Pages handed to Rust per call of clean_many, per thread: large enough
# that starting the threads is noise, small enough that memory stays flat
# and the first results come early.
_PAGES_PER_THREAD = 16
# Records read per thread before a window is cleaned, as the CLI's stream.
_RECORDS_PER_THREAD = 64


def _now_text(now: Now) -> Optional[str]:
    if now is None or isinstance(now, str):
        return now
    if isinstance(now, _dt.datetime):
        if now.utcoffset() is not None:
            raise ValueError("now must be a naive datetime (local time on the page), not an aware one")
        return now.isoformat()
    if isinstance(now, _dt.date):
        return now.isoformat()
    raise TypeError(f"now must be str, datetime or date, not {type(now).__name__}")


def clean(
    page: Page,
    *,
    format: str = "auto",
    now: Now = None,
    max_bytes: Optional[int] = None,
) -> Dict[str, Any]:
    """Clean one page into an article dict, the CLI's JSON as a dict.

    ``page`` is ``bytes`` (any encoding; the charset is detected as the CLI
    does) or ``str`` (cleaned as its UTF-8 bytes). ``format`` is
    ``"auto"`` (sniff the content), ``"text"`` or ``"html"``. ``now`` is
    the reference time for relative dates ("2 hours ago"): a naive
    ``datetime``, a ``date`` (its midnight) or a string such as
    ``"2022-10-03T18:00"``, as the CLI's ``--now``. ``max_bytes`` refuses
    larger pages (default :data:`DEFAULT_MAX_BYTES`).

    Raises :class:`EmptyInput`, :class:`BinaryInput`, :class:`TooLarge`
    or :class:`NoText` (all subclasses of :class:`Error`) when the page
    cannot be cleaned, ``ValueError`` for a bad ``format`` or ``now``, and
    ``TypeError`` when ``page`` is neither bytes nor str.
    """
    json = _scrape_clean.clean_json(page, format, _now_text(now), max_bytes)
    return _json.loads(json)


def _error_item(error: Error) -> Dict[str, Any]:
    return {"error": str(error), "kind": type(error).__name__}


def clean_many(
    pages: Iterable[Page],
    *,
    threads: Optional[int] = None,
    errors: str = "raise",
    format: str = "auto",
    now: Now = None,
    max_bytes: Optional[int] = None,
) -> Iterator[Dict[str, Any]]:
    """Clean many pages on ``threads`` threads; yield their articles in input order.

    ``pages`` may be any iterable (a list, a generator, a pandas column);
    it is read lazily, a chunk of pages at a time, and each chunk is
    cleaned by Rust threads with the GIL released. ``threads`` defaults to
    the number of CPUs. The output does not depend on ``threads``.

    ``errors="raise"`` (the default) raises the page's :class:`Error`
    when it comes up in order; ``errors="return"`` yields
    ``{"error": "empty input", "kind": "EmptyInput"}`` for it instead and
    goes on, so the output has one item per page. The other keyword
    arguments are :func:`clean`'s.
    """
    if errors not in ("raise", "return"):
        raise ValueError(f'errors must be "raise" or "return", not {errors!r}')
    if threads is None:
        threads = _os.cpu_count() or 1
    if not isinstance(threads, int) or threads < 1:
        raise ValueError(f"threads must be a positive int, not {threads!r}")
    now_text = _now_text(now)
    return _clean_many(iter(pages), threads, errors, format, now_text, max_bytes)


def _clean_many(
    pages: Iterator[Page],
    threads: int,
    errors: str,
    format: str,
    now: Optional[str],
    max_bytes: Optional[int],
) -> Iterator[Dict[str, Any]]:
    chunk_size = threads * _PAGES_PER_THREAD
    while True:
        chunk = list(_islice(pages, chunk_size))
        if not chunk:
            return
        for item in _scrape_clean.clean_many_json(chunk, threads, format, now, max_bytes):
            if isinstance(item, str):
                yield _json.loads(item)
            elif errors == "raise":
                raise item
            else:
                yield _error_item(item)


def stream(
    file: Union[IO[bytes], str, "_os.PathLike[str]"],
    *,
    threads: Optional[int] = None,
    now: Now = None,
    max_bytes: Optional[int] = None,
) -> Iterator[Dict[str, Any]]:
    """Read crawled records from ``file`` and yield each one cleaned, in input order.

    ``file`` is a binary file object (``open(path, "rb")``, ``io.BytesIO``,
    a socket's ``makefile("rb")``) or a path, holding JSON Lines (one
    ``{"id", "url", "html" | "text", "fetched_at"}`` object a line) or WARC
    1.0/1.1, plain or gzipped (whole, or per record as Common Crawl ships
    it); the kind is told from the first bytes. A path is opened here and
    closed when the iterator ends.

    Each item is the dict of the line ``scrape-clean stream`` prints for
    the record: ``id`` and ``url``, then the article's keys; or, for a
    record that could not be read or cleaned, ``id``, ``url`` and
    ``error`` (it keeps its place, nothing is raised). WARC requests,
    metadata, non-HTML and non-2xx responses are skipped, as in the CLI.

    The file is read with the GIL held; each window of records is cleaned
    on ``threads`` threads (default: the number of CPUs) with the GIL
    released. ``now`` is the reference time of records without a
    ``fetched_at``; ``max_bytes`` skips larger records with an error
    (default :data:`DEFAULT_MAX_BYTES`). Raises ``TypeError`` for a text
    file, and whatever the file's ``read()`` raises.
    """
    if threads is None:
        threads = _os.cpu_count() or 1
    if not isinstance(threads, int) or threads < 1:
        raise ValueError(f"threads must be a positive int, not {threads!r}")
    now_text = _now_text(now)
    if isinstance(file, (str, _os.PathLike)):
        return _stream_path(_os.fspath(file), threads, now_text, max_bytes)
    if not hasattr(file, "read"):
        raise TypeError(f"stream() needs a binary file object or a path, not {type(file).__name__}")
    return _stream(file, threads, now_text, max_bytes)


def _stream(file: Any, threads: int, now: Optional[str], max_bytes: Optional[int]) -> Iterator[Dict[str, Any]]:
    reader = _scrape_clean.Stream(file, threads, threads * _RECORDS_PER_THREAD, now, max_bytes)
    while True:
        lines = reader.next_lines()
        if not lines:
            return
        for line in lines:
            yield _json.loads(line)


def _stream_path(path: str, threads: int, now: Optional[str], max_bytes: Optional[int]) -> Iterator[Dict[str, Any]]:
    with open(path, "rb") as file:
        yield from _stream(file, threads, now, max_bytes)
