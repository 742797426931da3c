import datetime
import os
from typing import IO, Any, Dict, Iterable, Iterator, Literal, Optional, Union

Page = Union[bytes, str]
Now = Union[str, datetime.datetime, datetime.date, None]
Format = Literal["auto", "text", "html"]

DEFAULT_MAX_BYTES: int

class Error(Exception):
    """A page that could not be cleaned."""

class EmptyInput(Error):
    """The page has no bytes, or only whitespace."""

class BinaryInput(Error):
    """The page is not text in any encoding (an image, an archive, an executable)."""

class TooLarge(Error):
    """The page is larger than ``max_bytes``."""

    limit: int

class NoText(Error):
    """The page holds no text once markup is removed."""

def clean(
    page: Page,
    *,
    format: Format = "auto",
    now: Now = None,
    max_bytes: Optional[int] = None,
) -> Dict[str, Any]: ...
def clean_many(
    pages: Iterable[Page],
    *,
    threads: Optional[int] = None,
    errors: Literal["raise", "return"] = "raise",
    format: Format = "auto",
    now: Now = None,
    max_bytes: Optional[int] = None,
) -> Iterator[Dict[str, Any]]: ...
def stream(
    file: Union[IO[bytes], str, os.PathLike[str]],
    *,
    threads: Optional[int] = None,
    now: Now = None,
    max_bytes: Optional[int] = None,
) -> Iterator[Dict[str, Any]]: ...
