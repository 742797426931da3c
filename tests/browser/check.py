#!/usr/bin/env python3
"""The --explain=html page in a real browser.

    python3 tests/browser/check.py BINARY CHROMIUM

For the seed page and one HTML fixture: writes `BINARY --explain=html PAGE`
to target/explain-<name>.html, loads it in headless Chromium (--dump-dom,
the DOM after the browser parsed it), and checks that every line of
`BINARY --explain PAGE` (the table) is a block element in the rendered DOM
with the same index, label, reason and text, in the same order; that the
article column shows the headline and as many body paragraphs as the JSON
has; and that nothing in the page loads from elsewhere. Then takes a
screenshot (target/explain-<name>.png, 1400x2000) and checks that it is a
PNG of that size with the label colours in it.

Before that it checks itself: a copy of the seed's page with one block
removed must fail the block check, so this test can fail.

Prints "browser: N passed, M failed" and exits 1 when anything failed.
"""

import html.parser
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TARGET = os.path.join(ROOT, "target")
PAGES = [
    ("seed", os.path.join("fixtures", "seed-kyiv-independent", "input.txt")),
    ("html-no-metadata", os.path.join("fixtures", "html-no-metadata", "input.html")),
]
WINDOW = (1400, 2000)
# Label colours that must show in the seed's screenshot (the blocks' left
# borders; see SWATCHES in src/explain_html.rs).
SEED_COLOURS = {"headline": (0x15, 0x65, 0xC0), "body": (0x2E, 0x7D, 0x32), "furniture": (0x9E, 0x9E, 0x9E)}


class Dom(html.parser.HTMLParser):
    """The block elements (data-index) and the article column of a page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks = []  # dicts: index, label, reason, text
        self.stack = []  # (tag, field this element's text goes to)
        self.headline = None
        self.body_paragraphs = 0
        self.links = []  # src/href values of every tag
        self.scripts = 0
        self._in_article = False
        self._in_body = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in ("src", "href"):
            if name in attrs:
                self.links.append(attrs[name])
        if tag == "script":
            self.scripts += 1
        classes = (attrs.get("class") or "").split()
        field = self.stack[-1][1] if self.stack else None
        if "data-index" in attrs:
            self.blocks.append(
                {"index": attrs["data-index"], "label": attrs.get("data-label"), "reason": "", "text": "", "classes": classes}
            )
            field = "block"
        elif field == "block" and tag == "span" and "reason" in classes:
            field = "reason"
        elif field == "block" and tag == "p" and "text" in classes:
            field = "text"
        elif tag == "section" and "article" in classes:
            self._in_article = True
        elif self._in_article and tag == "p" and "headline" in classes:
            field = "headline"
            self.headline = ""
        elif self._in_article and tag == "div" and "body" in classes:
            self._in_body = True
        elif self._in_body and tag == "p":
            self.body_paragraphs += 1
        if tag not in ("br", "meta", "img", "input", "link", "hr"):
            self.stack.append((tag, field))

    def handle_endtag(self, tag):
        while self.stack:
            open_tag, _ = self.stack.pop()
            if open_tag == "div" and self._in_body:
                self._in_body = False
            if open_tag == "section":
                self._in_article = False
            if open_tag == tag:
                break

    def handle_data(self, data):
        field = self.stack[-1][1] if self.stack else None
        if field in ("reason", "text"):
            self.blocks[-1][field] += data
        elif field == "headline":
            self.headline += data


def sanitize(text):
    """The binary's report::sanitize: control characters spelled out."""
    out = []
    for c in text:
        if c == "\n":
            out.append("\\n")
        elif c == "\r":
            out.append("\\r")
        elif c == "\t":
            out.append("\\t")
        elif ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 or 0x202A <= ord(c) <= 0x202E or 0x2066 <= ord(c) <= 0x2069:
            out.append("\\u{%x}" % ord(c))
        else:
            out.append(c)
    return "".join(out)


def table_line(block):
    """The `--explain` table's line for a block found in the DOM."""
    text = block["text"]
    more = "…" if len(text) > 100 else ""
    return sanitize("%4s %-15s %-42s %s%s" % (block["index"], block["label"], block["reason"], text[:100], more))


def block_problems(table, dom):
    """What differs between the table's lines and the DOM's blocks."""
    problems = []
    lines = table.splitlines()
    if len(lines) != len(dom.blocks):
        problems.append("the table has %d blocks, the page %d" % (len(lines), len(dom.blocks)))
    by_index = {b["index"]: b for b in dom.blocks}
    for line in lines:
        index = line.split()[0]
        block = by_index.get(index)
        if block is None:
            problems.append("block %s is missing from the page: %s" % (index, line.strip()))
        elif table_line(block) != line:
            problems.append("block %s differs:\n  table: %s\n  page:  %s" % (index, line, table_line(block)))
        elif "label-" + block["label"] not in block["classes"]:
            problems.append("block %s has no label-%s class" % (index, block["label"]))
    order = [b["index"] for b in dom.blocks]
    if order != sorted(order, key=int):
        problems.append("blocks out of order: %s" % order)
    return problems


def run(args, **kw):
    return subprocess.run(args, check=True, capture_output=True, timeout=300, **kw)


def chromium(browser, profile, *args):
    """Runs headless Chromium; its stderr (D-Bus chatter) is shown only on failure."""
    cmd = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
           "--user-data-dir=" + profile, *args]
    done = subprocess.run(cmd, capture_output=True, timeout=300)
    if done.returncode != 0:
        sys.stderr.write(done.stderr.decode("utf-8", "replace"))
        raise RuntimeError("chromium failed: %s" % " ".join(cmd))
    return done.stdout.decode("utf-8")


def load(browser, profile, path):
    dom = Dom()
    dom.feed(chromium(browser, profile, "--dump-dom", "file://" + os.path.abspath(path)))
    dom.close()
    return dom


def png_pixels(path, rows):
    """Width, height and the RGB tuples of the first `rows` rows of an
    8-bit RGB or RGBA PNG (filters undone; enough for colour checks)."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, width, height, colour_type = 8, b"", 0, 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour_type = struct.unpack(">IIBB", chunk[:10])
            if depth != 8 or colour_type not in (2, 6):
                raise ValueError("unexpected PNG format: depth %d, colour type %d" % (depth, colour_type))
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    bpp = 4 if colour_type == 6 else 3
    raw = zlib.decompress(idat)
    stride = width * bpp
    previous = bytearray(stride)
    pixels = set()
    for y in range(min(rows, height)):
        start = y * (stride + 1)
        filt, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        if filt == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 0xFF
        elif filt == 2:
            line = bytearray((a + b) & 0xFF for a, b in zip(line, previous))
        elif filt == 3:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + previous[i]) >> 1)) & 0xFF
        elif filt == 4:
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b = previous[i]
                c = previous[i - bpp] if i >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pred) & 0xFF
        pixels.update(zip(line[0::bpp], line[1::bpp], line[2::bpp]))
        previous = line
    return width, height, pixels


def main():
    binary, browser = os.path.abspath(sys.argv[1]), sys.argv[2]
    os.makedirs(TARGET, exist_ok=True)
    passed, failed = 0, 0

    def check(name, problems):
        nonlocal passed, failed
        if problems:
            failed += 1
            print("FAIL %s" % name)
            for p in problems:
                print("  " + p)
        else:
            passed += 1
            print("ok   %s" % name)

    profile = tempfile.mkdtemp(prefix="scrape-clean-chromium-")
    try:
        for name, page in PAGES:
            table = run([binary, "--explain", page], cwd=ROOT).stdout.decode("utf-8")
            article = json.loads(run([binary, page], cwd=ROOT).stdout)
            html_path = os.path.join(TARGET, "explain-%s.html" % name)
            with open(html_path, "wb") as f:
                f.write(run([binary, "--explain=html", page], cwd=ROOT).stdout)
            dom = load(browser, profile, html_path)

            check("%s: every block of the table, with its label, in the rendered page" % name,
                  block_problems(table, dom))
            problems = []
            if (dom.headline or None) != (article["headline"] or "(no headline)"):
                problems.append("headline %r, the JSON has %r" % (dom.headline, article["headline"]))
            if dom.body_paragraphs != max(1, len(article["body"])):
                problems.append("%d body paragraphs, the JSON has %d" % (dom.body_paragraphs, len(article["body"])))
            check("%s: the article beside the blocks" % name, problems)
            check("%s: no scripts, nothing loaded from elsewhere" % name,
                  (["%d script elements" % dom.scripts] if dom.scripts else [])
                  + ["loads %s" % link for link in dom.links])

            if name == "seed":
                # The checker itself: one block taken out must be caught.
                with open(html_path, encoding="utf-8") as f:
                    text = f.read()
                start = text.index('<li class="block ', text.index('data-index="5"') - 200)
                end = text.index("</li>", start) + len("</li>")
                broken_path = os.path.join(TARGET, "explain-seed-broken.html")
                with open(broken_path, "w", encoding="utf-8") as f:
                    f.write(text[:start] + text[end:])
                problems = block_problems(table, load(browser, profile, broken_path))
                os.remove(broken_path)
                check("the check fails on a page with block 5 removed",
                      [] if any("block 5 is missing" in p for p in problems) else ["not caught: %s" % problems])

            png = os.path.join(TARGET, "explain-%s.png" % name)
            if os.path.exists(png):
                os.remove(png)
            chromium(browser, profile, "--window-size=%d,%d" % WINDOW, "--screenshot=" + png,
                     "file://" + os.path.abspath(html_path))
            problems = []
            if not os.path.exists(png):
                problems.append("no screenshot written")
            else:
                size = os.path.getsize(png)
                width, height, pixels = png_pixels(png, 700)
                if (width, height) != WINDOW:
                    problems.append("screenshot is %dx%d" % (width, height))
                if size < 30_000:
                    problems.append("screenshot is only %d bytes" % size)
                if len(pixels) < 50:
                    problems.append("only %d colours in the top of the screenshot" % len(pixels))
                if name == "seed":
                    for label, colour in SEED_COLOURS.items():
                        if colour not in pixels:
                            problems.append("no %s colour %s in the top of the screenshot" % (label, colour))
            check("%s: screenshot %s" % (name, os.path.relpath(png, ROOT)), problems)
    finally:
        shutil.rmtree(profile, ignore_errors=True)

    print("browser: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
