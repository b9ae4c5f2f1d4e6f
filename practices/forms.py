"""The forms of the library: a member's good practice, and a message to the association
behind one."""

import html
import re

from django import forms
from django.utils.html import escape, strip_tags
from django.utils.translation import gettext_lazy as _

from core.forms import DescribedMixin

from .models import GoodPracticePage

# An address or a phone number in a practice's text: people write through the form instead.
CONTACT_DETAIL = re.compile(
    r"[\w.+-]+@[\w-]+\.[\w.-]+|(?:\+358\s?|\b0)\d{1,2}[\s-]?\d{3}[\s-]?\d{3,4}\b"
)


def text_to_html(text):
    """Plain paragraphs (blank lines between them) as the rich text Wagtail stores."""
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text.strip())]
    return "".join(f"<p>{escape(p)}</p>" for p in paragraphs if p)


def html_to_text(value):
    """The stored rich text as plain paragraphs, for the member's form."""
    blocks = re.split(r"</(?:p|h\d|li|ul|ol)>", value or "")
    texts = [" ".join(html.unescape(strip_tags(b)).split()) for b in blocks]
    return "\n\n".join(t for t in texts if t)


class GoodPracticeForm(DescribedMixin, forms.ModelForm):
    """A member's good practice for their association (sent to the editors)."""

    how_text = forms.CharField(
        label=_("How"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("What you did, step by step. Leave a blank line between paragraphs."),
    )

    class Meta:
        model = GoodPracticePage
        fields = (
            "title",
            "summary",
            "for_whom",
            "how_text",
            "cost",
            "learned",
            "contact_name",
            "contact_role",
            "themes",
            "fields_of_activity",
            "municipality",
            "is_readiness",
        )
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "for_whom": forms.Textarea(attrs={"rows": 3}),
            "cost": forms.Textarea(attrs={"rows": 3}),
            "learned": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].label = _("Name of the practice")
        if self.instance and self.instance.how:
            self.initial.setdefault("how_text", html_to_text(self.instance.how))

    def clean(self):
        cleaned = super().clean()
        for name in ("summary", "for_whom", "how_text", "cost", "learned", "contact_name"):
            if CONTACT_DETAIL.search(cleaned.get(name) or ""):
                self.add_error(
                    name,
                    _(
                        "Leave out email addresses and phone numbers: people write to you "
                        "through the form on the practice's page."
                    ),
                )
        return cleaned

    def save(self, commit=True):
        self.instance.how = text_to_html(self.cleaned_data["how_text"])
        return super().save(commit=commit)
