"""The HTML page in a real browser: headless Chromium (Debian's package, driven through
its chromedriver by Selenium) opens the arrangements document and the yearly report
skeleton at the width of A4 portrait (794 px, at 96 px an inch) and of a laptop screen
(1280 px), and finds no console error or warning, every heading of the document tree
shown, every chart drawn, with a size, inside the window, and nothing wider than the
window: not the page, not a table, not a heading. A full-page screenshot of each page
at each width is kept, in the folder ``SAFEGUARDING_MODEL_ARTEFACTS`` names (else in
pytest's temporary folder). Every check is also run on a page made to fail it, so that
a check that could never fail would be seen.

The tests skip when Chromium, chromedriver or Selenium is missing, and fail instead
when ``SAFEGUARDING_MODEL_REQUIRE_BROWSER=1`` (as in CI's second run).
"""

from __future__ import annotations

import base64
import difflib
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from consumers import BLOCK_STARTS, need_browser, need_dot, read_png, with_texts

from safeguarding_model.cli import main
from safeguarding_model.documents import Document, Figure, build
from safeguarding_model.exporters.builtin.html import to_html
from safeguarding_model.exporters.escape import one_line
from safeguarding_model.model import Dataset
from strategies import NASTY

if TYPE_CHECKING:
    from selenium.webdriver.chrome.webdriver import WebDriver

WIDTHS = (794, 1280)
"""A4 portrait at 96 px an inch, and a laptop screen."""

HEIGHT = 1123
"""A4's height at 96 px an inch: the window's, before a screenshot takes the whole page."""

DOCUMENTS = {
    "arrangements": (),
    "yearly-report": ("--previous", "isle-of-wight-2019"),
}
"""The documents exported, each with what the command line is given beside it."""

LAYOUT = """
const root = document.documentElement;
const width = root.clientWidth;
const problems = [];
const reported = [];
const name = (el) => {
  const text = (el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 60);
  const tag = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '');
  return text ? `${tag} "${text}"` : tag;
};
if (root.scrollWidth > width) {
  problems.push(`the page is ${root.scrollWidth} px wide in a window ${width} px wide`);
}
// the parts of a drawing are left out: the drawing's own box is checked
const elements = [...document.body.querySelectorAll('*')].filter(
  (el) => !el.parentElement.closest('svg'));
const boxes = new Map(elements.map((el) => [el, el.getBoundingClientRect()]));
const shown = elements.filter((el) => boxes.get(el).width > 0 || boxes.get(el).height > 0);
for (const el of shown) {  // first what crosses the window's edges, the outermost of each
  const box = boxes.get(el);
  if ((box.left < -0.5 || box.right > width + 0.5) && !reported.some((r) => r.contains(el))) {
    problems.push(`${name(el)} spans ${Math.round(box.left)} to ${Math.round(box.right)} px `
      + `of a window ${width} px wide`);
    reported.push(el);
  }
}
for (const el of shown) {  // then what is wider than its own box, where nothing above says why
  if (reported.some((r) => r.contains(el) || el.contains(r))) continue;
  if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1) {
    problems.push(`${name(el)} holds ${el.scrollWidth} px of content in ${el.clientWidth} px`);
    reported.push(el);
  }
}
return problems;
"""
"""Whatever is wider than the window, then whatever is wider than its own box (a table
in a box that scrolls, text running out of a cell): one line for the outermost element
of each."""

HEADINGS = (
    "//*[self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or self::h6][not(ancestor::nav)]"
)
"""The page's headings, but the table of contents'."""

CHARTS = "figure svg:not(svg svg)"


@pytest.fixture(scope="module")
def browser() -> Iterator[WebDriver]:
    """Headless Chromium at one device pixel a CSS pixel, logging its console."""
    chromium, chromedriver = need_browser()
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = chromium
    for argument in ("--headless=new", "--disable-gpu", "--force-device-scale-factor=1"):
        options.add_argument(argument)
    if hasattr(os, "geteuid") and os.geteuid() == 0:  # Chromium's sandbox refuses root
        options.add_argument("--no-sandbox")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    session = webdriver.Chrome(service=Service(chromedriver), options=options)
    try:
        yield session
    finally:
        session.quit()


@pytest.fixture(scope="module")
def artefacts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the screenshots are kept: ``SAFEGUARDING_MODEL_ARTEFACTS``, else a
    temporary folder of pytest's."""
    named = os.environ.get("SAFEGUARDING_MODEL_ARTEFACTS")
    folder = Path(named) if named else tmp_path_factory.mktemp("artefacts")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def page(
    tmp_path_factory: pytest.TempPathFactory, iow: Dataset, iow2019: Dataset
) -> Callable[[str], tuple[Path, Document]]:
    """A document of the Isle of Wight 2024 exported by ``safeguarding-model export
    --to html``, with the document tree it was rendered from."""
    folder = tmp_path_factory.mktemp("pages")
    made: dict[str, tuple[Path, Document]] = {}

    def make(name: str) -> tuple[Path, Document]:
        if name not in made:
            path = folder / f"{name}.html"
            argv = ["export", "isle-of-wight-2024", "--to", "html", "--document", name]
            assert main([*argv, *DOCUMENTS[name], "-o", str(path)]) == 0
            previous = iow2019 if DOCUMENTS[name] else None
            made[name] = path, build(name, iow, previous=previous)
        return made[name]

    return make


def open_page(browser: WebDriver, path: Path, width: int) -> None:
    """``path`` in a window ``width`` pixels wide, the console emptied before."""
    browser.get_log("browser")  # what an earlier page logged is not this one's
    browser.set_window_size(width, HEIGHT)
    browser.get(path.as_uri())
    assert browser.execute_script("return window.innerWidth") == width


def console_problems(browser: WebDriver) -> list[str]:
    """The errors and warnings the page wrote to the console since it was opened."""
    return [
        f"{entry['level']}: {entry['message']}"
        for entry in browser.get_log("browser")
        if entry["level"] in ("SEVERE", "WARNING")
    ]


def layout_problems(browser: WebDriver) -> list[str]:
    problems = browser.execute_script(LAYOUT)
    assert isinstance(problems, list)
    return [str(problem) for problem in problems]


def expected_headings(document: Document) -> list[tuple[int, str]]:
    """The document's title and every section's, at the level the page gives them."""
    return [(1, one_line(document.title))] + [
        (min(level + 1, 6), one_line(section.title)) for level, section in document.walk()
    ]


def heading_problems(browser: WebDriver, expected: list[tuple[int, str]]) -> list[str]:
    """Headings missing, extra or out of order (as a diff), then those not shown."""
    from selenium.webdriver.common.by import By

    elements = browser.find_elements(By.XPATH, HEADINGS)
    read = "return arguments[0].map((h) => [Number(h.tagName[1]), h.textContent]);"
    found = [
        (level, " ".join(text.split())) for level, text in browser.execute_script(read, elements)
    ]
    problems = [
        line
        for line in difflib.ndiff([repr(h) for h in expected], [repr(h) for h in found])
        if line.startswith(("- ", "+ "))
    ]
    for element, (_, text) in zip(elements, found, strict=True):
        if not element.is_displayed():  # WebDriver's own test of what a reader sees
            problems.append(f"the heading {text!r} is not shown")
    return problems


def blank(rows: bytes) -> bool:
    """Whether a picture (its rows, as :func:`read_png` gives them) is of one colour:
    filtered, its rows then hold a few byte values only (a sample is enough to tell)."""
    return len(set(rows[:: max(1, len(rows) // 500_000)])) <= 8


def chart_problems(browser: WebDriver, expected: int) -> list[str]:
    """Charts missing, not shown, without a size, outside the window or drawn blank."""
    from selenium.webdriver.common.by import By

    charts = browser.find_elements(By.CSS_SELECTOR, CHARTS)
    problems = [] if len(charts) == expected else [f"{len(charts)} charts, not {expected}"]
    width = browser.execute_script("return document.documentElement.clientWidth")
    for number, chart in enumerate(charts, start=1):
        box = chart.rect
        if not chart.is_displayed() or box["width"] < 1 or box["height"] < 1:
            problems.append(f"chart {number} is not shown ({box['width']} x {box['height']} px)")
        elif box["x"] < 0 or box["x"] + box["width"] > width + 0.5:
            problems.append(
                f"chart {number} spans {box['x']} to {box['x'] + box['width']} px "
                f"of a window {width} px wide"
            )
        elif blank(read_png(chart.screenshot_as_png)[2]):
            problems.append(f"chart {number} is drawn blank")
    return problems


def full_page_png(browser: WebDriver) -> tuple[bytes, dict[str, float]]:
    """A screenshot of the whole page, below the window too, and the page's size."""
    size = browser.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]
    clip = {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1}
    shot = browser.execute_cdp_cmd(
        "Page.captureScreenshot",
        {"format": "png", "captureBeyondViewport": True, "optimizeForSpeed": True, "clip": clip},
    )
    return base64.b64decode(shot["data"]), size


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", DOCUMENTS)
def test_the_page_has_no_console_error_fits_the_window_and_is_kept_as_a_screenshot(
    browser: WebDriver,
    page: Callable[[str], tuple[Path, Document]],
    artefacts: Path,
    name: str,
    width: int,
) -> None:
    path, _ = page(name)
    open_page(browser, path, width)
    assert console_problems(browser) == []
    assert layout_problems(browser) == []
    inside = browser.execute_script("return document.documentElement.clientWidth")
    png, size = full_page_png(browser)
    screenshot = artefacts / f"isle-of-wight-2024-{name}-{width}px.png"
    screenshot.write_bytes(png)
    shot_width, shot_height, rows = read_png(screenshot.read_bytes())
    assert (shot_width, shot_height) == (round(size["width"]), round(size["height"]))
    assert shot_width == inside  # the window's width but its scroll bar's, and no more
    assert shot_height > HEIGHT  # the whole document, not the window's first screen
    assert not blank(rows)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", DOCUMENTS)
def test_every_heading_of_the_document_tree_is_shown(
    browser: WebDriver, page: Callable[[str], tuple[Path, Document]], name: str, width: int
) -> None:
    path, document = page(name)
    open_page(browser, path, width)
    expected = expected_headings(document)
    assert len(expected) > 10
    assert heading_problems(browser, expected) == []


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", DOCUMENTS)
def test_every_chart_is_drawn_inside_the_window(
    browser: WebDriver, page: Callable[[str], tuple[Path, Document]], name: str, width: int
) -> None:
    need_dot()  # without Graphviz the page gives the charts in words only
    path, document = page(name)
    open_page(browser, path, width)
    figures = len(document.blocks_of(Figure))
    assert figures >= 1
    assert chart_problems(browser, figures) == []


def test_names_that_need_escaping_show_as_written(
    browser: WebDriver, iow: Dataset, tmp_path: Path
) -> None:
    """Every name and text of the dataset replaced by one that breaks naive markup: the
    browser shows the headings as written, and runs nothing (a script that ran would
    open an alert, which fails the next command)."""
    texts = [name for name in NASTY if name.strip()] + list(BLOCK_STARTS)
    document = build("arrangements", with_texts(iow, texts))
    path = tmp_path / "nasty.html"
    path.write_text(to_html(document), encoding="utf-8")
    open_page(browser, path, WIDTHS[0])
    assert console_problems(browser) == []
    assert heading_problems(browser, expected_headings(document)) == []
    assert layout_problems(browser) == []


def test_a_word_longer_than_the_window_never_widens_the_page(
    browser: WebDriver, iow: Dataset, tmp_path: Path
) -> None:
    """Every name and text one word of 300 letters, or a long web address: it wraps
    in the text and in headings, and a table too wide for the window scrolls in its
    own box; the tables are then the only things past the window's edge, and the page
    is no wider than the window."""
    texts = ["W" * 300, "https://example.org/" + "a" * 200]
    document = build("arrangements", with_texts(iow, texts))
    path = tmp_path / "long-words.html"
    path.write_text(to_html(document), encoding="utf-8")
    open_page(browser, path, WIDTHS[0])
    problems = layout_problems(browser)
    assert problems, "no table too wide for the window: the test shows nothing"
    assert all(p.startswith('table "') for p in problems), problems
    boxes = browser.execute_script(
        "return [...document.querySelectorAll('div.table')]"
        ".filter((box) => box.scrollWidth > box.clientWidth + 1).length"
    )
    assert boxes == len(problems)


BROKEN = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8" /><title>Broken</title></head>
<body>
<h1>Shown</h1>
<h2 style="visibility: hidden">Hidden</h2>
<h2>Not in the document</h2>
<script>console.error("a broken script");</script>
<img src="missing.png" alt="" />
<table><tr><td>{word}</td></tr></table>
<div style="overflow-x: auto; width: 100px"><p style="width: 500px">in a box that scrolls</p></div>
<figure><svg xmlns="http://www.w3.org/2000/svg" width="3000" height="20"><rect width="3000" height="20" /></svg></figure>
<figure><svg xmlns="http://www.w3.org/2000/svg" width="0" height="0"></svg></figure>
<figure><svg xmlns="http://www.w3.org/2000/svg" width="200" height="50"></svg></figure>
</body></html>
"""


def test_the_checks_find_what_is_wrong_with_a_broken_page(
    browser: WebDriver, tmp_path: Path
) -> None:
    path = tmp_path / "broken.html"
    path.write_text(BROKEN.format(word="W" * 400), encoding="utf-8")
    open_page(browser, path, WIDTHS[0])

    console = "\n".join(console_problems(browser))
    assert "a broken script" in console and "missing.png" in console

    layout = layout_problems(browser)
    assert layout[0].startswith("the page is ")
    assert any(line.startswith('table "WWW') for line in layout), layout
    assert any(line.startswith('div "in a box that scrolls" holds 500 px') for line in layout)
    assert any(line.startswith("svg spans") for line in layout), layout
    assert not any(line.startswith(('td "WWW', "figure")) for line in layout), layout

    headings = heading_problems(browser, [(1, "Shown"), (2, "Hidden"), (2, "Missing")])
    assert "- (2, 'Missing')" in headings
    assert "+ (2, 'Not in the document')" in headings
    assert "the heading 'Hidden' is not shown" in headings
    assert not any("'Shown'" in line for line in headings)

    charts = chart_problems(browser, 4)
    assert charts[0] == "3 charts, not 4"
    assert charts[1] == "chart 1 spans 48 to 3048 px of a window 794 px wide"
    assert charts[2].startswith("chart 2 is not shown")
    assert charts[3] == "chart 3 is drawn blank"
