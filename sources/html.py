"""HTML from other sites, made safe to store in a rich-text field: only what the editors' own
toolbar can make survives, through Wagtail's whitelister for those features, so that an imported
description looks and edits like a hand-written one.
"""

import re
from html import unescape

from bs4 import BeautifulSoup

from django.utils.html import escape

from wagtail.admin.rich_text.converters.editor_html import DbWhitelister, EditorHTMLConverter

# The editors' features, less "document-link": a source cannot link to our documents.
FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link"]

# Elements whose content is not text a reader should see.
DROPPED_WITH_CONTENT = {
    "script",
    "style",
    "template",
    "noscript",
    "iframe",
    "object",
    "svg",
    "head",
    "title",
    "meta",
}

# Headings the editors do not have, as the nearest they do.
HEADING_AS = {"h1": "h3", "h2": "h3", "h5": "h4", "h6": "h4"}

BLOCKS = ["p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th"]

LINK_SCHEMES = ("http://", "https://", "mailto:")

SUMMARY_LIMIT = 500


class SourceWhitelister(DbWhitelister):
    """Wagtail's database whitelister, stricter about what a stranger's HTML may carry: script
    and style go with their text, other heading levels become the editors' h3 and h4, links
    keep only http(s) and mailto addresses, and a link cannot pose as one of our pages
    (`data-linktype`)."""

    def clean_tag_node(self, doc, tag):
        if tag.name in DROPPED_WITH_CONTENT:
            tag.decompose()
            return
        if tag.name in HEADING_AS:
            tag.name = HEADING_AS[tag.name]
        tag.attrs.pop("data-embedtype", None)
        if tag.name == "a":
            tag.attrs.pop("data-linktype", None)
            href = tag.get("href", "").strip()
            if not href.lower().startswith(LINK_SCHEMES):
                tag.attrs.pop("href", None)
            super().clean_tag_node(doc, tag)
            if not tag.get("href"):
                tag.unwrap()
            return
        super().clean_tag_node(doc, tag)


_whitelister = SourceWhitelister(EditorHTMLConverter(FEATURES).converter_rules)

_TAG = re.compile(r"<[a-zA-Z/!]")
_BLANK_LINES = re.compile(r"\n\s*\n")
_SPACE = re.compile(r"\s+")


def _paragraphs(text):
    """Plain text as paragraphs: a blank line separates them, a single newline breaks a line."""
    blocks = [block.strip() for block in _BLANK_LINES.split(text)]
    return "".join(
        "<p>{}</p>".format(escape(block).replace("\n", "<br/>")) for block in blocks if block
    )


def whitelist(html: str) -> str:
    """Only the editors' features of `html`, as Wagtail stores rich text."""
    return _whitelister.clean(html)


def clean(html: str) -> str:
    """HTML (or plain text) from a source as rich text of the editors' features."""
    if not html or not html.strip():
        return ""
    if not _TAG.search(html):
        html = _paragraphs(unescape(html))
    cleaned = _whitelister.clean(html).strip()
    # Paragraphs left empty by removed elements are noise in the editor.
    return re.sub(r"<p>(\s|<br/>)*</p>", "", cleaned).strip()


def plain_text(html: str) -> str:
    """The words of a piece of HTML, on one line."""
    if not html:
        return ""
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(DROPPED_WITH_CONTENT):
        tag.decompose()
    # Blocks and line breaks part words; inline elements ("<b>a</b>!") do not.
    for tag in soup.find_all(BLOCKS):
        tag.insert_before(" ")
        tag.insert_after(" ")
    return _SPACE.sub(" ", soup.get_text()).strip()


def plain_summary(html: str, limit: int = SUMMARY_LIMIT) -> str:
    """A summary of at most `limit` characters, cut at a word with an ellipsis when longer."""
    text = plain_text(html)
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,.;:–-") + "…"
