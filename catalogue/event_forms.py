"""The form a member fills on the site to publish their association's event: its texts (in
the member's language, optionally the other two), sessions and a repeat rule, place or online
link, registration, themes, audience, accessibility and price. `catalogue.member_events`
sends it to the editors."""

import datetime
from zoneinfo import ZoneInfo

import recurrence

from django import forms
from django.conf import settings
from django.utils.html import escape, strip_tags
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from associations.models import NetworkPage
from core.forms import DescribedMixin
from core.regions import ONLINE, Municipality

from .member_events import MEMBER_TEXT_FIELDS
from .models import (
    Format,
    RegistrationMode,
    Session,
    Theme,
    TrainingNetwork,
    TrainingPage,
    TrainingTheme,
)

ZONE = ZoneInfo(settings.TIME_ZONE)
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
LANGUAGE_NAMES = {
    "fi": _("Finnish"),
    "sv": _("Swedish"),
    "en": _("English"),
}
# Sessions the new-event form offers at first; each post of the form offers two empty more.
NEW_SESSION_ROWS = 3
MORE_SESSION_ROWS = 2


class Repeat:
    NONE = ""
    WEEKLY = "weekly"
    BIWEEKLY = "biweekly"
    MONTHLY = "monthly"

    choices = [
        (NONE, _("Does not repeat: only the sessions above")),
        (WEEKLY, _("Every week")),
        (BIWEEKLY, _("Every second week")),
        (MONTHLY, _("Every month")),
    ]


def repeat_rule(kind, until):
    """The django-recurrence rule the admin's widget would store for `kind` until `until`
    (a date, included)."""
    frequency, interval = {
        Repeat.WEEKLY: (recurrence.WEEKLY, 1),
        Repeat.BIWEEKLY: (recurrence.WEEKLY, 2),
        Repeat.MONTHLY: (recurrence.MONTHLY, 1),
    }[kind]
    rule = recurrence.Rule(
        frequency,
        interval=interval,
        until=datetime.datetime.combine(until, datetime.time()),
    )
    return recurrence.Recurrence(rrules=[rule])


def read_repeat(schedule):
    """(kind, until date) of a schedule this form can show, or (None, None)."""
    if not schedule or len(schedule.rrules) != 1 or schedule.rdates or schedule.exdates:
        return None, None
    rule = schedule.rrules[0]
    kinds = {
        (recurrence.WEEKLY, 1): Repeat.WEEKLY,
        (recurrence.WEEKLY, 2): Repeat.BIWEEKLY,
        (recurrence.MONTHLY, 1): Repeat.MONTHLY,
    }
    kind = kinds.get((rule.freq, rule.interval or 1))
    if kind is None or rule.until is None:
        return None, None
    until = rule.until
    if isinstance(until, datetime.datetime):
        # Stored in UTC: midnight of the last day in Helsinki is the evening before.
        until = until.astimezone(ZONE).date() if until.tzinfo else until.date()
    return kind, until


def body_text(page):
    """The description as plain paragraphs, for the member's form."""
    paragraphs = []
    for block in page.body or []:
        if block.block_type == "paragraph":
            paragraphs.append(strip_tags(str(block.value.source)).strip())
    return "\n\n".join(part for part in paragraphs if part)


def body_blocks(text):
    """Plain text with blank lines between paragraphs, as the body's paragraph blocks."""
    parts = [" ".join(part.split()) for part in text.replace("\r\n", "\n").split("\n\n")]
    return [("paragraph", f"<p>{escape(part)}</p>") for part in parts if part]


def theme_choices():
    """(slug, name) of the catalogue's themes, named in the active language."""
    active = get_language() or settings.LANGUAGE_CODE
    names = {}
    for slug, name, code in Theme.objects.filter(
        locale__language_code__in={active, settings.LANGUAGE_CODE}
    ).values_list("slug", "name", "locale__language_code"):
        if code == active or slug not in names:
            names[slug] = name
    order = Theme.objects.filter(locale=Locale.get_default()).values_list("slug", flat=True)
    return [(slug, names[slug]) for slug in order if slug in names]


class SessionForm(forms.Form):
    """One session: its date and times (an empty row is left out)."""

    date = forms.DateField(
        label=_("Date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    start = forms.TimeField(
        label=_("Starts at"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    end = forms.TimeField(
        label=_("Ends at"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )

    def clean(self):
        data = super().clean()
        date, start, end = data.get("date"), data.get("start"), data.get("end")
        if self.errors or not (date or start or end):
            return data
        if not date:
            self.add_error("date", _("Give the date of the session."))
        if not start:
            self.add_error("start", _("Give the time the session starts."))
        if not end:
            self.add_error("end", _("Give the time the session ends."))
        if start and end and end <= start:
            self.add_error("end", _("A session cannot end before it starts."))
        return data

    @property
    def is_filled(self):
        return bool(self.is_valid() and self.cleaned_data.get("date"))

    def times(self):
        data = self.cleaned_data
        start = datetime.datetime.combine(data["date"], data["start"], tzinfo=ZONE)
        end = datetime.datetime.combine(data["date"], data["end"], tzinfo=ZONE)
        return start, end


class BaseSessionFormSet(forms.BaseFormSet):
    def clean(self):
        super().clean()
        if any(form.errors for form in self.forms):
            return
        if not any(form.is_filled for form in self.forms):
            raise forms.ValidationError(_("Give the date and times of at least one session."))

    def filled(self):
        return [form for form in self.forms if form.is_filled]


def session_formset(data=None, initial=None, is_new=True):
    rows = NEW_SESSION_ROWS if is_new and not initial else MORE_SESSION_ROWS
    FormSet = forms.formset_factory(
        SessionForm, formset=BaseSessionFormSet, extra=rows, max_num=60, validate_max=True
    )
    return FormSet(data, initial=initial, prefix="sessions")


class MemberEventForm(DescribedMixin, forms.ModelForm):
    """A member's event for their association (sent to the editors).

    `language` is the member's (the form page's) language: its title and description are
    required; the other two languages' are optional."""

    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Separate paragraphs with an empty line."),
    )
    themes = forms.MultipleChoiceField(
        label=_("Themes"),
        choices=theme_choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one theme.")},
    )
    join_link = forms.URLField(
        label=_("Link for joining online"), required=False, max_length=500, assume_scheme="https"
    )
    registration_url = forms.URLField(
        label=TrainingPage._meta.get_field("registration_url").verbose_name,
        required=False,
        max_length=500,
        assume_scheme="https",
    )
    repeat = forms.ChoiceField(
        label=_("Repeats"),
        choices=Repeat.choices,
        required=False,
        widget=forms.RadioSelect,
        help_text=_(
            "A repeating event takes its first date and times from the first session; give "
            "only one session then."
        ),
    )
    repeat_until = forms.DateField(
        label=_("Repeats until"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    class Meta:
        model = TrainingPage
        fields = (
            "title",
            "summary",
            "kind",
            "audience",
            "format",
            "venue",
            "street_address",
            "postal_code",
            "municipality",
            "join_link",
            "join_link_public",
            "registration_mode",
            "registration_url",
            "capacity",
            "step_free_access",
            "accessible_toilet",
            "induction_loop",
            "accessibility_info",
            "is_free",
            "price",
            "price_info",
            "open_to_others",
        )
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "format": forms.RadioSelect,
            "registration_mode": forms.RadioSelect,
            "accessibility_info": forms.Textarea(attrs={"rows": 3}),
        }

    # The groups of fields, each shown as a fieldset; the texts of the other languages follow.
    GROUPS = (
        (_("The event"), ("title", "summary", "description", "kind", "themes", "audience")),
        (_("Where"), ("format", "venue", "street_address", "postal_code", "municipality")),
        (_("Online"), ("join_link", "join_link_public")),
        (_("Repeating"), ("repeat", "repeat_until")),
        (_("Registration"), ("registration_mode", "registration_url", "capacity")),
        (
            _("Accessibility"),
            ("step_free_access", "accessible_toilet", "induction_loop", "accessibility_info"),
        ),
        (_("Price and participants"), ("is_free", "price", "price_info", "open_to_others")),
    )

    def __init__(self, *args, language, association=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.language = language if language in LANGUAGE_CODES else settings.LANGUAGE_CODE
        self.other_languages = [code for code in LANGUAGE_CODES if code != self.language]
        page = self.instance
        texts = page.member_texts or {}
        own = texts.get(self.language)
        if own and not self.is_bound:
            for name in MEMBER_TEXT_FIELDS:
                self.initial[name] = own.get(name, "")
        for code in self.other_languages:
            names = LANGUAGE_NAMES[code]
            self.fields[f"title_{code}"] = forms.CharField(
                label=_("Title in %(language)s") % {"language": names},
                max_length=255,
                required=False,
                initial=(texts.get(code) or {}).get("title", ""),
            )
            self.fields[f"summary_{code}"] = forms.CharField(
                label=_("Short description in %(language)s") % {"language": names},
                max_length=500,
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
                initial=(texts.get(code) or {}).get("summary", ""),
            )
        self.fields["title"].label = _("Title")
        self.fields["summary"].label = _("Short description")
        self.fields["summary"].help_text = _("One or two sentences, shown in the listings.")
        self.fields["municipality"] = forms.ChoiceField(
            label=_("Municipality"),
            choices=[("", "—"), *Municipality.choices],
            required=False,
            help_text=_("Where the event is held; leave empty for an online event."),
            initial=page.municipality if page.municipality != ONLINE else "",
        )
        self.fields["format"].choices = Format.choices
        self.fields["registration_mode"].choices = RegistrationMode.choices
        self.fields["audience"].required = False
        if page.pk:
            self.initial.setdefault("description", body_text(page))
            self.initial.setdefault(
                "themes", [link.theme.slug for link in page.theme_links.all() if link.theme_id]
            )
            kind, until = read_repeat(page.recurrence)
            if kind:
                self.initial.setdefault("repeat", kind)
                self.initial.setdefault("repeat_until", until)
        if "repeat" not in self.initial:
            self.initial["repeat"] = Repeat.NONE
        self.networks = member_networks(association)
        if self.networks:
            self.fields["networks"] = forms.MultipleChoiceField(
                label=_("A meeting of a network"),
                choices=[(str(pk), title) for pk, title in self.networks.items()],
                required=False,
                widget=forms.CheckboxSelectMultiple,
                help_text=_(
                    "Tick a network your association belongs to if this is its meeting or "
                    "event: it is shown on the network's page and in its calendar."
                ),
                initial=[
                    str(link.network_id)
                    for link in page.network_links.all()
                    if link.network_id in self.networks
                ]
                if page.pk
                else [],
            )

    @property
    def groups(self):
        groups = [(legend, [self[name] for name in names]) for legend, names in self.GROUPS]
        if "networks" in self.fields:
            groups[0][1].append(self["networks"])
        for code in self.other_languages:
            legend = _("In %(language)s (optional)") % {"language": LANGUAGE_NAMES[code]}
            groups.append((legend, [self[f"title_{code}"], self[f"summary_{code}"]]))
        return groups

    def clean(self):
        data = super().clean()
        fmt = data.get("format")
        if fmt == Format.ONLINE:
            data["municipality"] = ONLINE
        elif fmt and not data.get("municipality"):
            self.add_error("municipality", _("Choose the municipality the event is held in."))
        if fmt in (Format.ONLINE, Format.HYBRID) and not data.get("join_link"):
            self.add_error("join_link", _("Give the link for joining online."))
        mode = data.get("registration_mode")
        if mode != RegistrationMode.EXTERNAL:
            data["registration_url"] = ""
        if mode != RegistrationMode.BUILT_IN:
            data["capacity"] = None
        if data.get("is_free"):
            data["price"] = None
        elif data.get("price") is None and "price" not in self.errors:
            self.add_error("price", _("Give the price, or mark the event free of charge."))
        repeat = data.get("repeat") or Repeat.NONE
        until = data.get("repeat_until")
        if repeat and not until and "repeat_until" not in self.errors:
            self.add_error("repeat_until", _("Give the last date the event repeats on."))
        for code in self.other_languages:
            title, summary = data.get(f"title_{code}"), data.get(f"summary_{code}")
            if summary and not title:
                self.add_error(f"title_{code}", _("Give the title in this language too."))
            if title and not summary:
                self.add_error(f"summary_{code}", _("Give the short description too."))
        page = self.instance
        page.municipality = data.get("municipality") or page.municipality or ""
        if not page.pk or "description" in self.changed_data:
            # An editor's richer body (images, headings) stays unless the text is changed.
            page.body = body_blocks(data.get("description") or "")
        return data

    def member_texts(self):
        data = self.cleaned_data
        texts = {self.language: {"title": data["title"], "summary": data["summary"]}}
        for code in self.other_languages:
            if data.get(f"title_{code}"):
                texts[code] = {"title": data[f"title_{code}"], "summary": data[f"summary_{code}"]}
        return texts


def apply_schedule(page, form, sessions):
    """Give `page` the sessions, or the repeating schedule, of the valid forms, unless an
    existing page's schedule was left as it was. Sessions the page had keep their identity
    (and so their translations) in order."""
    data = form.cleaned_data
    filled = sessions.filled()
    unchanged = not sessions.has_changed() and not {"repeat", "repeat_until"} & set(
        form.changed_data
    )
    if page.pk and unchanged:
        # A schedule an editor made in the admin (whole days, moved dates, another rule)
        # stays as it is when the member leaves the times alone.
        return
    if data.get("repeat"):
        start, end = filled[0].times()
        page.recurrence = repeat_rule(data["repeat"], data["repeat_until"])
        page.series_start_date = start.date()
        page.series_start_time = start.time().replace(tzinfo=None)
        page.series_duration = end - start
        times = []
    else:
        page.recurrence = None
        page.series_start_date = page.series_start_time = page.series_duration = None
        times = [row.times() for row in filled]
    existing = list(page.sessions.all())
    kept = []
    for order, (start, end) in enumerate(times):
        session = existing[order] if order < len(existing) else Session()
        session.start, session.end, session.sort_order = start, end, order
        kept.append(session)
    page.sessions = kept


def check_schedule(form, sessions):
    """Errors between the two: a repeating event has exactly one session, ending before the
    repeat does. Returns whether both are valid."""
    valid = form.is_valid() & sessions.is_valid()
    if not valid:
        return False
    filled = sessions.filled()
    repeat, until = form.cleaned_data.get("repeat"), form.cleaned_data.get("repeat_until")
    if repeat:
        if len(filled) > 1:
            form.add_error(
                "repeat",
                _("A repeating event has one session, the first; leave the other rows empty."),
            )
            return False
        if until and until < filled[0].cleaned_data["date"]:
            form.add_error("repeat_until", _("The last date cannot be before the first session."))
            return False
    return True


def member_networks(association):
    """{pk: title in the active language} of the live networks `association` belongs to (their
    Finnish pages, which the trainings link to)."""
    if association is None:
        return {}
    default = Locale.get_default()
    networks = list(
        NetworkPage.objects.live()
        .filter(locale=default, member_links__association_id=association.source_page.pk)
        .distinct()
        .order_by("title")
    )
    titles = dict(
        NetworkPage.objects.live()
        .filter(
            translation_key__in=[n.translation_key for n in networks],
            locale__language_code=get_language(),
        )
        .values_list("translation_key", "title")
    )
    return {n.pk: titles.get(n.translation_key, n.title) for n in networks}


def apply_networks(page, form):
    """The networks ticked on the form, keeping any other network an editor linked."""
    if "networks" not in form.fields:
        return
    chosen = [int(pk) for pk in form.cleaned_data.get("networks") or []]
    kept = [
        link.network_id for link in page.network_links.all() if link.network_id not in form.networks
    ]
    page.network_links = [
        TrainingNetwork(network_id=pk, sort_order=order) for order, pk in enumerate(kept + chosen)
    ]


def apply_themes(page, slugs):
    themes = {t.slug: t for t in Theme.objects.filter(locale=Locale.get_default(), slug__in=slugs)}
    page.theme_links = [
        TrainingTheme(theme=themes[slug], sort_order=order)
        for order, slug in enumerate(slugs)
        if slug in themes
    ]


def initial_sessions(page):
    """The rows of the session form for an existing page (its first date for a series)."""
    if page.recurrence and page.series_start_date and page.series_start_time:
        start = datetime.datetime.combine(page.series_start_date, page.series_start_time)
        end = start + (page.series_duration or datetime.timedelta(hours=1))
        return [{"date": start.date(), "start": start.time(), "end": end.time()}]
    rows = []
    for session in page.sessions.all():
        start = session.start.astimezone(ZONE)
        end = session.end.astimezone(ZONE)
        rows.append({"date": start.date(), "start": start.time(), "end": end.time()})
    return rows
