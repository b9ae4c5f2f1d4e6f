"""What the catalogue's training pages tell of an imported training (`catalogue.provenance`):
on the edit screen, where it comes from and the fields a local edit keeps, each with a button
to release it; on the public page, "Source:" and a link to the original, in every language
(the imports belong to the Finnish page; `sources_of` finds them by translation key)."""

from django.template.loader import render_to_string
from django.urls import reverse

from catalogue import provenance

from .sync import locked_fields, sources_of


@provenance.register_admin_note
def imported_from(page):
    imports = sources_of(page)
    if not imports:
        return []
    rows = []
    for event in imports:
        locks = [
            (key, label, reverse("sources_release_field", args=[event.pk, key]))
            for key, label in locked_fields(event)
        ]
        rows.append({"event": event, "locks": locks})
    return [render_to_string("sources/admin/provenance_note.html", {"rows": rows})]


@provenance.register_public_note
def source_line(page):
    """One query: the imports with their sources."""
    seen, pairs = set(), []
    for event in sources_of(page):
        if event.source_id in seen:
            continue
        seen.add(event.source_id)
        pairs.append((event.source.name, "" if event.gone_at else event.url))
    return pairs
