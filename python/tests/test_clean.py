"""scrape_clean.clean and clean_many against the CLI, errors, threads, str vs bytes."""

from __future__ import annotations

import datetime as dt
import json

import pytest

import scrape_clean
from conftest import SEED, cases, cli_json, now_of

CASES = cases()


def test_the_fixtures_are_found():
    assert len(CASES) >= 30


def test_seed_headline_end_to_end():
    article = scrape_clean.clean(SEED.read_bytes())
    assert article["headline"]
    assert article["headline"] == cli_json(SEED)["headline"]


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.parent.name)
def test_same_json_as_the_cli(path):
    now = now_of(path)
    assert scrape_clean.clean(path.read_bytes(), now=now) == cli_json(path, now)


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.parent.name)
def test_str_and_its_bytes_give_the_same_article(path):
    page = path.read_bytes()
    try:
        text = page.decode("utf-8")
    except UnicodeDecodeError:
        pytest.skip("not UTF-8: no str holds the same bytes")
    now = now_of(path)
    assert scrape_clean.clean(text, now=now) == scrape_clean.clean(page, now=now)


def test_the_dict_is_the_libraries_json_keys_in_order():
    article = scrape_clean.clean(SEED.read_bytes())
    expected = json.loads((SEED.parent / "expected.json").read_text())
    assert list(article) == list(expected)


def test_now_as_datetime_date_and_string_agree():
    path = next(p for p in CASES if now_of(p))
    page = path.read_bytes()
    text = now_of(path)
    as_datetime = scrape_clean.clean(page, now=dt.datetime.fromisoformat(text))
    assert as_datetime == scrape_clean.clean(page, now=text)
    day = dt.date.fromisoformat(text[:10])
    assert scrape_clean.clean(page, now=day) == scrape_clean.clean(page, now=text[:10])


@pytest.mark.parametrize(
    "page, error",
    [
        (b"", scrape_clean.EmptyInput),
        ("", scrape_clean.EmptyInput),
        (b" \n\t\r\n ", scrape_clean.EmptyInput),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, scrape_clean.BinaryInput),
        (b"\x00\x01\x02\x03" * 100, scrape_clean.BinaryInput),
        (b"<html><head><script>var a = 1;</script></head><body></body></html>", scrape_clean.NoText),
    ],
    ids=["empty", "empty-str", "whitespace", "png", "nul-bytes", "no-text"],
)
def test_library_errors_are_exceptions(page, error):
    with pytest.raises(error) as raised:
        scrape_clean.clean(page)
    assert isinstance(raised.value, scrape_clean.Error)
    assert str(raised.value)


def test_too_large_says_the_limit():
    with pytest.raises(scrape_clean.TooLarge) as raised:
        scrape_clean.clean(SEED.read_bytes(), max_bytes=100)
    assert raised.value.limit == 100
    assert "100 bytes" in str(raised.value)
    assert scrape_clean.clean(SEED.read_bytes(), max_bytes=SEED.stat().st_size)["headline"]


def test_errors_are_one_family():
    for error in (scrape_clean.EmptyInput, scrape_clean.BinaryInput, scrape_clean.TooLarge, scrape_clean.NoText):
        assert issubclass(error, scrape_clean.Error)
        assert error.__module__ == "scrape_clean"
    assert issubclass(scrape_clean.Error, Exception)


@pytest.mark.parametrize(
    "kwargs, error",
    [
        ({"format": "pdf"}, ValueError),
        ({"now": "yesterday"}, ValueError),
        ({"now": dt.datetime(2023, 1, 1, tzinfo=dt.timezone.utc)}, ValueError),
        ({"now": 1700000000}, TypeError),
        ({"max_bytes": -1}, OverflowError),
    ],
)
def test_bad_arguments(kwargs, error):
    with pytest.raises(error):
        scrape_clean.clean(SEED.read_bytes(), **kwargs)


def test_a_page_of_the_wrong_type():
    with pytest.raises(TypeError, match="bytes or str"):
        scrape_clean.clean(12)
    with pytest.raises(TypeError):
        list(scrape_clean.clean_many([b"x", 12]))


def test_format_is_obeyed():
    html = b"<html><head><title>T</title></head><body><h1>A headline here</h1><p>Text.</p></body></html>"
    assert scrape_clean.clean(html, format="html") == scrape_clean.clean(html)
    assert scrape_clean.clean(html, format="text") != scrape_clean.clean(html, format="html")


def pages_with_failures():
    pages = [p.read_bytes() for p in CASES] * 3
    pages[5] = b""
    pages[40] = b"\x00" * 64
    return pages


def test_threads_give_the_same_output_as_one_thread():
    pages = pages_with_failures()
    one = list(scrape_clean.clean_many(pages, threads=1, errors="return"))
    assert len(one) == len(pages)
    for threads in (2, 3, 8, 64):
        assert list(scrape_clean.clean_many(pages, threads=threads, errors="return")) == one
    assert list(scrape_clean.clean_many(pages, errors="return")) == one


def test_clean_many_is_clean_in_input_order():
    pages = pages_with_failures()
    got = list(scrape_clean.clean_many(iter(pages), threads=4, errors="return"))
    for page, item in zip(pages, got):
        try:
            assert item == scrape_clean.clean(page)
        except scrape_clean.Error as error:
            assert item == {"error": str(error), "kind": type(error).__name__}
    assert got[5] == {"error": "empty input", "kind": "EmptyInput"}
    assert got[40]["kind"] == "BinaryInput"


def test_clean_many_raises_in_order():
    pages = pages_with_failures()
    seen = []
    with pytest.raises(scrape_clean.EmptyInput):
        for article in scrape_clean.clean_many(pages, threads=2):
            seen.append(article)
    assert len(seen) == 5


def test_clean_many_reads_lazily_and_takes_options():
    path = next(p for p in CASES if now_of(p))
    now = now_of(path)

    def pages():
        for _ in range(3):
            yield path.read_bytes()

    got = list(scrape_clean.clean_many(pages(), threads=2, now=now))
    assert got == [cli_json(path, now)] * 3
    assert list(scrape_clean.clean_many([])) == []


def test_clean_many_checks_its_arguments():
    with pytest.raises(ValueError):
        scrape_clean.clean_many([b"x"], errors="ignore")
    with pytest.raises(ValueError):
        scrape_clean.clean_many([b"x"], threads=0)
