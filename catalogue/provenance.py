"""Where a training comes from, told by the apps that bring trainings in (`sources`): the
catalogue sits below them and may not import them, so they register here.

- `register_admin_note(fn)`: `fn(page)` returns a list of HTML-safe fragments for the top of
  the training's edit screen (where it comes from, the fields a local edit keeps);
  `ProvenancePanel` shows them and nothing at all when no app has a note.
- `register_public_note(fn)`: `fn(page)` returns (name, url) pairs for the public page's
  "Source:" line, in any language version; it runs on every view of a training page, so it
  must cost one query at most. Listings never ask.
"""

from wagtail.admin.panels import Panel

_admin_notes = []
_public_notes = []


def register_admin_note(fn):
    _admin_notes.append(fn)
    return fn


def register_public_note(fn):
    _public_notes.append(fn)
    return fn


def admin_notes(page):
    """The fragments every registered app has for `page` (none for a page not yet saved)."""
    if page is None or page.pk is None:
        return []
    return [fragment for fn in _admin_notes for fragment in fn(page)]


def public_notes(page):
    """(name, url) pairs naming where `page` comes from; empty for a training of our own."""
    return [pair for fn in _public_notes for pair in fn(page)]


class ProvenancePanel(Panel):
    """The first panel of a training's edit screen: the notes of `admin_notes`."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "catalogue/admin/provenance_panel.html"

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.notes = admin_notes(self.instance)

        def is_shown(self):
            return bool(self.notes) and super().is_shown()

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["notes"] = self.notes
            return context
