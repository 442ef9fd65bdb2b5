"""The reference template: the Word file whose styles and page the document takes.

The default is built here, in code, from python-docx's own blank document: an A4
page with 25 mm margins, British English (``en-GB``) as the language of the text and
of every style, the styles the writer uses (headings, lists, captions, the table of
contents' ``toc 1`` to ``toc 3``, ``Table Text`` for the cells of a table) and a
footer style. A partnership's own template is any Word file (one exported by this
plugin and restyled in Word is the easy way): its body is dropped, and its styles,
page size, margins, theme, numbering and header are kept. A style the writer needs
that the template lacks is copied from the default, so any Word file will do.
"""

from __future__ import annotations

import copy
import io
import os
import zipfile
from typing import TYPE_CHECKING

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

if TYPE_CHECKING:
    from docx.document import Document as WordDocument
    from docx.oxml.xmlchemy import BaseOxmlElement

__all__ = [
    "LANGUAGE",
    "STYLES",
    "TemplateError",
    "check_template",
    "default_template",
    "open_template",
]

LANGUAGE = "en-GB"
"""The language of the document's text: British English, whatever the template."""

STYLES = (
    "Normal",
    "Title",
    "Subtitle",
    *(f"Heading {level}" for level in range(1, 10)),
    "TOC Heading",
    "toc 1",
    "toc 2",
    "toc 3",
    "List",
    "List 2",
    "List 3",
    "List Bullet",
    "List Bullet 2",
    "List Bullet 3",
    "Caption",
    "Table Grid",
    "Table Text",
    "Intense Quote",
    "Footer",
)
"""The styles the writer uses, by the name python-docx knows them by."""

_MARGIN = Mm(25)


class TemplateError(ValueError):
    """A template that is not a Word file that can be read."""


def _language(word: WordDocument) -> None:
    """British English for the document: the defaults, every style that names a
    language, the theme's fonts and the file's properties."""
    styles = word.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    run_defaults = defaults.find(qn("w:rPrDefault"))
    if run_defaults is None:
        run_defaults = OxmlElement("w:rPrDefault")
        defaults.insert(0, run_defaults)
    properties = run_defaults.find(qn("w:rPr"))
    if properties is None:
        properties = OxmlElement("w:rPr")
        run_defaults.append(properties)
    if properties.find(qn("w:lang")) is None:
        _append_in_order(properties, OxmlElement("w:lang"), _RUN_AFTER_LANG)
    for lang in styles.iter(qn("w:lang")):
        lang.set(qn("w:val"), LANGUAGE)
        if lang.get(qn("w:eastAsia")) in (None, "en-US"):
            lang.set(qn("w:eastAsia"), LANGUAGE)
    settings = word.settings.element
    theme = settings.find(qn("w:themeFontLang"))
    if theme is None:
        theme = OxmlElement("w:themeFontLang")
        _append_in_order(settings, theme, _SETTINGS_AFTER_THEME_FONT_LANG)
    theme.set(qn("w:val"), LANGUAGE)
    word.core_properties.language = LANGUAGE


_RUN_AFTER_LANG = ("w:eastAsianLayout", "w:specVanish", "w:oMath")
"""The children of ``w:rPr`` that come after ``w:lang`` in the schema's order."""

_SETTINGS_AFTER_UPDATE_FIELDS = (
    "w:hdrShapeDefaults",
    "w:footnotePr",
    "w:endnotePr",
    "w:compat",
    "w:docVars",
    "w:rsids",
    "m:mathPr",
    "w:attachedSchema",
    "w:themeFontLang",
    "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures",
    "w:forceUpgrade",
    "w:captions",
    "w:readModeInkLockDown",
    "w:smartTagType",
    "sl:schemaLibrary",
    "w:shapeDefaults",
    "w:doNotEmbedSmartTags",
    "w:decimalSymbol",
    "w:listSeparator",
)
"""The children of ``w:settings`` that come after ``w:updateFields``, in order."""

_SETTINGS_AFTER_THEME_FONT_LANG = _SETTINGS_AFTER_UPDATE_FIELDS[9:]


def _append_in_order(
    parent: BaseOxmlElement, child: BaseOxmlElement, after: tuple[str, ...]
) -> None:
    """Put ``child`` into ``parent`` before the first of the elements the schema
    orders after it (Word refuses a file whose elements are out of order)."""
    for tag in after:
        found = parent.find(qn(tag))
        if found is not None:
            found.addprevious(child)
            return
    parent.append(child)


def ask_to_update_fields(word: WordDocument) -> None:
    """Set ``w:updateFields``, so that Word offers to update the table of contents
    (and the page numbers) when the file is opened."""
    settings = word.settings.element
    update = settings.find(qn("w:updateFields"))
    if update is None:
        update = OxmlElement("w:updateFields")
        _append_in_order(settings, update, _SETTINGS_AFTER_UPDATE_FIELDS)
    update.set(qn("w:val"), "true")


def _paragraph_style(word: WordDocument, name: str, style_id: str) -> BaseOxmlElement:
    """A new paragraph style based on Normal, named as Word names its built-in ones."""
    element = OxmlElement("w:style")
    element.set(qn("w:type"), "paragraph")
    element.set(qn("w:styleId"), style_id)
    for tag, value in (("w:name", name), ("w:basedOn", "Normal"), ("w:next", "Normal")):
        child = OxmlElement(tag)
        child.set(qn("w:val"), value)
        element.append(child)
    element.append(OxmlElement("w:uiPriority"))
    element[-1].set(qn("w:val"), "39")
    element.append(OxmlElement("w:unhideWhenUsed"))
    element.append(OxmlElement("w:qFormat"))
    word.styles.element.append(element)
    return element


def _build_default() -> WordDocument:
    word = docx.Document()
    section = word.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = _MARGIN
    section.top_margin = section.bottom_margin = _MARGIN
    section.header_distance = section.footer_distance = Mm(12.5)
    _language(word)
    styles = word.styles
    text = section.page_width - section.left_margin - section.right_margin
    for level in (1, 2, 3):
        _paragraph_style(word, f"toc {level}", f"TOC{level}")
        entry = styles[f"toc {level}"]
        entry.paragraph_format.left_indent = Mm(5 * (level - 1))
        entry.paragraph_format.space_after = Pt(4)
        entry.paragraph_format.tab_stops.add_tab_stop(text, WD_TAB_ALIGNMENT.RIGHT)
    _paragraph_style(word, "Table Text", "TableText")
    cells = styles["Table Text"]
    cells.font.size = Pt(10)
    cells.paragraph_format.space_after = Pt(0)
    cells.paragraph_format.line_spacing = 1.0
    footer = styles["Footer"]
    footer.font.size = Pt(9)
    footer.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    tabs = footer.element.find(qn("w:pPr")).find(qn("w:tabs"))
    if tabs is not None:  # python-docx's are placed for US Letter
        tabs.getparent().remove(tabs)
    footer.paragraph_format.tab_stops.add_tab_stop(text // 2, WD_TAB_ALIGNMENT.CENTER)
    footer.paragraph_format.tab_stops.add_tab_stop(text, WD_TAB_ALIGNMENT.RIGHT)
    styles["Caption"].paragraph_format.space_after = Pt(10)
    _outline_levels(word)
    return word


def default_template() -> bytes:
    """The default template as the bytes of a Word file: open it in Word, change its
    styles (Modify Style), its page and its header, and save it, to make your own."""
    from .word import _fixed_dates

    buffer = io.BytesIO()
    word = _build_default()
    word.core_properties.title = "safeguarding-model reference template"
    word.core_properties.author = "safeguarding-model"
    word.core_properties.last_modified_by = "safeguarding-model"
    word.core_properties.revision = 1
    word.save(buffer)
    return _fixed_dates(buffer.getvalue())


def check_template(path: str | os.PathLike[str]) -> str:
    """``path`` as text when it names a Word file that can be read; a
    :class:`TemplateError` that says which file and what to do otherwise."""
    shown = os.fspath(path)
    advice = (
        "give the path of a Word file (.docx) whose styles the document should take: "
        "export a document with --to docx, restyle it in Word and save it as .docx"
    )
    if not os.path.exists(shown):
        raise TemplateError(f"no file {shown!r}; {advice}")
    if os.path.isdir(shown):
        raise TemplateError(f"{shown!r} is a folder, not a Word file; {advice}")
    if not zipfile.is_zipfile(shown):
        raise TemplateError(f"{shown!r} is not a Word file (.docx); {advice}")
    try:
        docx.Document(shown)
    except Exception as error:  # python-docx raises several kinds for a bad package
        raise TemplateError(
            f"{shown!r} is not a Word document that can be read ({error}); {advice}"
        ) from None
    return shown


def open_template(path: str | os.PathLike[str] | None) -> WordDocument:
    """A blank document with the template's styles, page, numbering and header (the
    default template when ``path`` is ``None``), every style the writer uses present,
    and its language British English."""
    if path is None:
        return _build_default()
    word = docx.Document(check_template(path))
    body = word.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    _copy_missing_styles(word)
    _outline_levels(word)
    _language(word)
    return word


def _outline_levels(word: WordDocument) -> None:
    """Give each heading style its outline level, where it lacks one, so that the
    navigation pane and the table of contents find its headings in any reader."""
    for level in range(1, 10):
        style = word.styles[f"Heading {level}"].element
        properties = style.get_or_add_pPr()
        if properties.find(qn("w:outlineLvl")) is None:
            outline = OxmlElement("w:outlineLvl")
            outline.set(qn("w:val"), str(level - 1))
            properties.insert_element_before(
                outline, "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange"
            )


def _copy_missing_styles(word: WordDocument) -> None:
    """Copy from the default template each style the writer uses that ``word`` lacks,
    with the styles it is based on, linked to or followed by, and the numbering of a
    list style."""
    default = _build_default()
    source = {
        style.get(qn("w:styleId")): style for style in default.styles.element.iter(qn("w:style"))
    }
    have = {style.get(qn("w:styleId")) for style in word.styles.element.iter(qn("w:style"))}
    wanted = [default.styles[name].style_id for name in STYLES]
    numbers: dict[str, str] = {}
    while wanted:
        style_id = wanted.pop()
        if style_id in have or style_id not in source:
            continue
        have.add(style_id)
        element = copy.deepcopy(source[style_id])
        for tag in ("w:basedOn", "w:link", "w:next"):
            found = element.find(qn(tag))
            if found is not None:
                wanted.append(found.get(qn("w:val")))
        for number in element.iter(qn("w:numId")):
            value = number.get(qn("w:val"))
            if value not in numbers:
                numbers[value] = _copy_numbering(default, word, value)
            number.set(qn("w:val"), numbers[value])
        word.styles.element.append(element)


def _copy_numbering(source: WordDocument, target: WordDocument, number: str) -> str:
    """Copy the list definition ``number`` of ``source`` into ``target``, under new ids;
    its new number."""
    given = source.part.numbering_part.element
    into = target.part.numbering_part.element
    num = next(n for n in given.iter(qn("w:num")) if n.get(qn("w:numId")) == number)
    abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    abstract = next(
        a for a in given.iter(qn("w:abstractNum")) if a.get(qn("w:abstractNumId")) == abstract_id
    )
    used_abstract = [int(a.get(qn("w:abstractNumId"))) for a in into.iter(qn("w:abstractNum"))]
    used_numbers = [int(n.get(qn("w:numId"))) for n in into.iter(qn("w:num"))]
    new_abstract = str(max(used_abstract, default=-1) + 1)
    new_number = str(max(used_numbers, default=0) + 1)
    abstract = copy.deepcopy(abstract)
    abstract.set(qn("w:abstractNumId"), new_abstract)
    for tag in ("w:nsid", "w:tmpl"):  # the source's identity for this list, not the copy's
        found = abstract.find(qn(tag))
        if found is not None:
            abstract.remove(found)
    first_num = into.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        into.append(abstract)
    num = copy.deepcopy(num)
    num.set(qn("w:numId"), new_number)
    num.find(qn("w:abstractNumId")).set(qn("w:val"), new_abstract)
    cleanup = into.find(qn("w:numIdMacAtCleanup"))  # last in the schema's order
    if cleanup is not None:
        cleanup.addprevious(num)
    else:
        into.append(num)
    return new_number
