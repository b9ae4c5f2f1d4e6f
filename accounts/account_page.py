"""What other apps show on a person's account page (/tili/): an app registers a section
instead of the account page importing every app.

    from accounts import account_page

    @account_page.section
    def memberships(request):
        return render_to_string("associations/_account.html", {...}, request)

A section returns its HTML, or None when the person has nothing to see there; sections appear
in the order the apps are loaded, between the person's name and their data.
"""

_sections = []


def section(provider):
    if provider not in _sections:
        _sections.append(provider)
    return provider


def sections_for(request):
    return [html for provider in _sections if (html := provider(request))]
