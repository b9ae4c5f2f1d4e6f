"""StreamField blocks shared by the content pages."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Level 2")), ("h3", _("Level 3"))], default="h2", label=_("Level")
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "components/blocks/heading.html"


class AccessibleImageBlock(blocks.StructBlock):
    """An image whose alternative text the editor must write (it cannot be left empty)."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("Describe what the image shows for people who cannot see it."),
    )
    caption = blocks.CharBlock(
        label=pgettext_lazy("image", "Caption"), required=False, max_length=250
    )

    class Meta:
        icon = "image"
        label = _("Image")
        template = "components/blocks/image.html"


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False, max_length=400)
    button_label = blocks.CharBlock(label=_("Button text"), max_length=60)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("Or an address"), required=False)

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "page": blocks.BlockValidationError(_("Choose a page or give an address."))
                }
            )
        return value

    class Meta:
        icon = "pick"
        label = _("Call to action")
        template = "components/blocks/call_to_action.html"


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=250)
    answer = blocks.RichTextBlock(label=_("Answer"), features=RICH_TEXT_FEATURES)


class AccordionBlock(blocks.StructBlock):
    """Questions and answers that open one at a time (native <details>, works without JS)."""

    title = blocks.CharBlock(label=_("Title"), required=False, max_length=200)
    items = blocks.ListBlock(QuestionBlock(), label=_("Questions"))

    class Meta:
        icon = "list-ul"
        label = _("Accordion / FAQ")
        template = "components/blocks/accordion.html"


class TableBlock(blocks.StructBlock):
    """A simple data table with a header row.

    Built from list blocks rather than TypedTableBlock because wagtail-localize translates
    list and char blocks but skips TypedTableBlock cells.
    """

    caption = blocks.CharBlock(
        label=pgettext_lazy("table", "Caption"),
        max_length=250,
        help_text=_("Tells screen reader users what the table is about."),
    )
    header = blocks.ListBlock(blocks.CharBlock(label=_("Column heading")), label=_("Header row"))
    rows = blocks.ListBlock(
        blocks.ListBlock(blocks.CharBlock(label=_("Cell"), required=False), label=_("Row")),
        label=_("Rows"),
    )

    class Meta:
        icon = "table"
        label = _("Table")
        template = "components/blocks/table.html"


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Text"), features=RICH_TEXT_FEATURES, template="components/blocks/paragraph.html"
    )
    image = AccessibleImageBlock()
    call_to_action = CallToActionBlock()
    accordion = AccordionBlock()
    table = TableBlock()
