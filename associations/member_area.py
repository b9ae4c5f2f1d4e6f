"""What other apps keep for an association in the member area (/tili/yhdistys/<id>/): an app
registers a section of the association's management page, and the URLs behind it, instead of
the member area importing every app.

    from associations import member_area

    member_area.add_urls("catalogue.member_urls")  # a URLconf module of that app

    @member_area.section
    def registrations(association, request):
        return render_to_string("catalogue/_manage_registrations.html", {...}, request)

A section returns its HTML, or None when the user has nothing to see there. The URLconf
modules are included in the `associations` namespace, so their names and addresses stay
those of the member area.
"""

_sections = []
url_modules = []


def section(provider):
    if provider not in _sections:
        _sections.append(provider)
    return provider


def add_urls(module):
    if module not in url_modules:
        url_modules.append(module)


def sections_for(association, request):
    return [html for provider in _sections if (html := provider(association, request))]
