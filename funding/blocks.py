"""The funding guide's blocks: chapters (listed in the table of contents), checklists, a
glossary and downloadable templates."""

from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from core.blocks import RICH_TEXT_FEATURES, BodyBlock


def chapter_anchor(title):
    """The fragment of a chapter, from its title (the table of contents links to it)."""
    return "luku-" + (slugify(title) or "x")


class ChapterBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Chapter title"), max_length=200)
    body = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "doc-full"
        label = _("Chapter")
        template = "funding/blocks/chapter.html"


class ChecklistBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    items = blocks.ListBlock(blocks.CharBlock(label=_("Item"), max_length=300), label=_("Items"))

    class Meta:
        icon = "list-ul"
        label = _("Checklist")
        template = "funding/blocks/checklist.html"


class GlossaryTermBlock(blocks.StructBlock):
    term = blocks.CharBlock(label=_("Term"), max_length=120)
    definition = blocks.TextBlock(label=_("Definition"), max_length=800)


class GlossaryBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    terms = blocks.ListBlock(GlossaryTermBlock(), label=_("Terms"))

    class Meta:
        icon = "help"
        label = _("Glossary")
        template = "funding/blocks/glossary.html"


class DownloadBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    description = blocks.CharBlock(label=_("Description"), max_length=300, required=False)


class DownloadsBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    documents = blocks.ListBlock(DownloadBlock(), label=_("Documents"))

    class Meta:
        icon = "download"
        label = _("Downloadable templates")
        template = "funding/blocks/downloads.html"


class GuideBlock(BodyBlock):
    """The content blocks of every page plus the guide's own."""

    chapter = ChapterBlock()
    checklist = ChecklistBlock()
    glossary = GlossaryBlock()
    downloads = DownloadsBlock()
