"""The directory's listing, its statistics (HTML and CSV) and the profile's context: what the
directory and profile pages hand their requests to (see `core.pages`). The queries they run
are the querysets'."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse, HttpResponseRedirect
from django.utils.text import slugify
from django.utils.translation import gettext as _

from core.csv import SafeWriter
from core.jsonld import dumps
from core.languages import Language
from core.pages import render_subpage
from core.ratelimit import allow
from core.regions import Municipality, SubRegion

from . import network_meetings, offerings
from .filters import ALPHABET, ANY_THEME, parse_filters
from .forms import NetworkJoinForm
from .jsonld import association_json_ld, network_json_ld
from .models import (
    AssociationPage,
    CooperationTheme,
    FieldOfActivity,
    MembershipStatus,
    NetworkKind,
    NetworkPage,
    TargetGroup,
    WelfareArea,
)
from .networks import send_join_request
from .permissions import (
    associations_of,
    can_edit,
    can_edit_network,
    can_manage_members,
    join_candidates,
    role_in,
)
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
    networks = list(
        NetworkPage.objects.listed(page.locale_id).with_member(page).only("title", "url_path")
    )
    return {
        "json_ld": association_json_ld(page, request, fields=page.fields_shown, networks=networks),
        "networks": networks,
        "offerings": offerings.offerings_for(page, request),
        "user_role": role,
        "join_requested": pending,
        "can_edit_profile": can_edit(user, page),
        "can_manage_members": can_manage_members(user, page),
    }


# ---------------------------------------------------------------------------------------------
# Networks

# Join requests one user sends, per hour.
JOIN_REQUESTS_PER_HOUR = 5


def network_index_context(page, request):
    """The networks by kind, narrowed to one municipality with ?municipality=."""
    municipality = request.GET.get("municipality", "")
    problem = ""
    networks = NetworkPage.objects.listed(page.locale_id).child_of(page)
    if municipality in Municipality.values:
        networks = networks.working_in(municipality)
    elif municipality:
        problem = _("Unknown municipality “%(value)s” was ignored.") % {"value": municipality[:60]}
        municipality = ""
    networks = list(networks.prefetch_related("member_links"))
    groups = [
        (kind, label, [n for n in networks if n.kind == kind])
        for kind, label in NetworkKind.choices
    ]
    return {
        "network_groups": [group for group in groups if group[2]],
        "result_count": len(networks),
        "municipality": municipality,
        "municipality_choices": Municipality.choices,
        "filter_problem": problem,
    }


def localized_members(page):
    """The network's member associations in the page's language (live profiles only), in
    the order the editors gave, in two queries."""
    sources = [link.association for link in page.member_links.select_related("association")]
    localized = {
        association.translation_key: association
        for association in AssociationPage.objects.live()
        .public()
        .filter(
            locale_id=page.locale_id,
            translation_key__in=[source.translation_key for source in sources],
        )
        .only("title", "url_path", "translation_key", "municipality", "locale_id")
    }
    return [localized[s.translation_key] for s in sources if s.translation_key in localized]


def _localized_titles(associations, locale_id):
    """The user's (source) associations named in the page's language, for the form."""
    titles = dict(
        AssociationPage.objects.filter(
            locale_id=locale_id, translation_key__in=[a.translation_key for a in associations]
        ).values_list("translation_key", "title")
    )
    for association in associations:
        association.shown_title = titles.get(association.translation_key, association.title)
    return associations


def _join_state(page, request, form=None):
    """What the join section shows `request.user`: a form with their associations not yet in
    the network, the ones already in it, or why there is no form."""
    user = request.user
    if not user.is_authenticated:
        return {"join_state": "anonymous"}
    candidates = _localized_titles(list(join_candidates(user, page)), page.locale_id)
    if not candidates and form is None:
        already = associations_of(user).exists()
        return {"join_state": "already-member" if already else "no-association"}
    form = form or NetworkJoinForm(associations=candidates)
    return {"join_state": "form", "join_form": form.describe()}


def network_context(page, request, form=None):
    members = localized_members(page)
    return {
        "members": members,
        "partners": list(page.partners.all()),
        "meetings": network_meetings.meetings_for(page, request),
        "json_ld": dumps(network_json_ld(page, request, members=members)),
        "can_edit_network": can_edit_network(request.user, page),
        **_join_state(page, request, form),
    }


def network_join_view(page, request):
    """The join form's post: a request to the coordinator on behalf of one of the sender's
    associations (a thank-you and back to the page), the form again with what to correct
    (400), or 429 when one person sends too many."""
    if request.method != "POST":
        return HttpResponseRedirect(page.url)
    user = request.user
    if not user.is_authenticated:
        return redirect_to_login(page.url)
    if not associations_of(user).exists():
        raise PermissionDenied
    candidates = _localized_titles(list(join_candidates(user, page)), page.locale_id)
    form = NetworkJoinForm(request.POST, associations=candidates)
    if not allow(
        request, "network-join", limit=JOIN_REQUESTS_PER_HOUR, window=3600, extra=str(user.pk)
    ):
        form.is_valid()
        form.add_error(None, _("Too many requests in a short time. Please try again later."))
        return _join_again(page, request, form, status=429)
    if not form.is_valid():
        return _join_again(page, request, form, status=400)
    association = form.cleaned_data["association"]
    send_join_request(page, association, user, form.cleaned_data["message"])
    messages.success(
        request,
        _(
            "Thank you! The request of %(association)s was sent to the coordinator of "
            "%(network)s, who answers you by email."
        )
        % {"association": association.shown_title, "network": page.title},
    )
    return HttpResponseRedirect(page.url)


def _join_again(page, request, form, status):
    context = network_context(page, request, form)
    return render_subpage(page, request, "associations/network_page.html", context, status=status)
