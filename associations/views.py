"""The directory's listing, its statistics (HTML and CSV) and the profile's context: what the
directory and profile pages hand their requests to (see `core.pages`). The queries they run
are the querysets'."""

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.utils.text import slugify
from django.utils.translation import gettext as _

from core.csv import SafeWriter
from core.languages import Language
from core.pages import render_subpage
from core.regions import Municipality, SubRegion

from . import offerings
from .filters import ALPHABET, ANY_THEME, parse_filters
from .jsonld import association_json_ld
from .models import (
    AssociationPage,
    CooperationTheme,
    FieldOfActivity,
    MembershipStatus,
    TargetGroup,
    WelfareArea,
)
from .permissions import can_edit, can_manage_members, role_in
from .statistics import association_statistics, compare_with_last_year, register_coverage


def taxonomy(locale_id):
    fields = list(FieldOfActivity.objects.filter(locale_id=locale_id))
    themes = list(CooperationTheme.objects.filter(locale_id=locale_id))
    return fields, themes


def localise_links(associations, fields, themes):
    """Give each association `field_names` and `theme_names` in the page's language, from the
    prefetched links and the taxonomy already loaded (no query per row)."""
    field_by_key = {f.translation_key: f for f in fields}
    theme_by_key = {t.translation_key: t for t in themes}
    for association in associations:
        association.fields_shown = [
            field_by_key.get(link.field.translation_key, link.field)
            for link in association.field_links.all()
        ]
        association.themes_shown = [
            theme_by_key.get(link.theme.translation_key, link.theme)
            for link in association.partner_theme_links.all()
        ]
    return associations


def directory_context(page, request):
    fields, themes = taxonomy(page.locale_id)
    filters = parse_filters(
        request.GET,
        field_slugs=[f.slug for f in fields],
        theme_slugs=[t.slug for t in themes],
    )
    listed = AssociationPage.objects.listed(page.locale_id).child_of(page)
    # The A–Z links show which initials the other filters leave, whatever the chosen letter.
    letters_present = _without_letter(filters, listed).initials()
    paginator = Paginator(filters.apply(listed).for_directory(), page.page_size)
    page_obj = paginator.get_page(request.GET.get("page"))
    localise_links(page_obj.object_list, fields, themes)
    return {
        "filters": filters,
        "page_obj": page_obj,
        "associations": page_obj.object_list,
        "result_count": paginator.count,
        "field_choices": [(f.slug, f.name) for f in fields],
        "theme_choices": [(ANY_THEME, _("Any theme")), *[(t.slug, t.name) for t in themes]],
        "municipality_choices": Municipality.choices,
        "region_choices": SubRegion.choices,
        "language_choices": Language.choices,
        "welfare_choices": WelfareArea.choices,
        "group_choices": TargetGroup.choices,
        "alphabet": [(letter, letter in letters_present) for letter in ALPHABET],
    }


def _without_letter(filters, listed):
    letter, filters.letter = filters.letter, ""
    try:
        return filters.apply(listed)
    finally:
        filters.letter = letter


def statistics_view(page, request):
    statistics = association_statistics(page.locale)
    context = {
        "statistics": statistics,
        "previous": compare_with_last_year(statistics),
        "coverage": register_coverage(statistics["total"]),
        "chart_height": 28,
    }
    return render_subpage(page, request, "associations/statistics_page.html", context)


def statistics_csv_view(page, request):
    statistics = association_statistics(page.locale)
    previous = compare_with_last_year(statistics)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = slugify(_("association statistics")) or "statistics"
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    response.write("\ufeff")  # Excel opens UTF-8 correctly only with a byte order mark.
    writer = SafeWriter(response)
    header = [_("Grouping"), _("Code"), _("Name"), _("Associations")]
    if previous is not None:
        header.append(_("Change since the end of %(year)s") % {"year": previous.year})
    writer.writerow(header)
    for grouping, key in (
        (_("Field of activity"), "by_field"),
        (_("Sub-region"), "by_sub_region"),
        (_("Municipality"), "by_municipality"),
    ):
        for bar in statistics[key]:
            change = [] if previous is None else [bar.change]
            writer.writerow([grouping, bar.key, bar.label, bar.count, *change])
    total_change = [] if previous is None else [statistics["total_change"]]
    writer.writerow([_("Total"), "", "", statistics["total"], *total_change])
    return response


def profile_context(page, request):
    fields, themes = taxonomy(page.locale_id)
    page = localise_links([page], fields, themes)[0]
    user = request.user
    role = role_in(user, page)
    pending = False
    if user.is_authenticated and role is None:
        pending = page.source_page.memberships.filter(
            user=user, status=MembershipStatus.REQUESTED
        ).exists()
    return {
        "json_ld": association_json_ld(page, request, fields=page.fields_shown),
        "offerings": offerings.offerings_for(page, request),
        "user_role": role,
        "join_requested": pending,
        "can_edit_profile": can_edit(user, page),
        "can_manage_members": can_manage_members(user, page),
    }
