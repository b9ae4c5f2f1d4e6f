"""The harness itself: the audit really runs axe-core and reports what it finds, and the focus
check tells a visible indicator from none. Guards against a suite that passes by checking
nothing."""

import pytest

from .helpers import audit, focus_indicator, format_violations

BROKEN_PAGE = """<!DOCTYPE html><html><head><title>Broken</title></head><body><main>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
<p style="color:#aaa;background:#fff">Low contrast text</p>
<button style="outline:none"></button>
</main></body></html>"""


def test_audit_reports_known_violations(page):
    page.set_content(BROKEN_PAGE)
    violations = audit(page)
    rules = {violation["id"] for violation in violations}
    assert {"image-alt", "color-contrast", "button-name", "html-has-lang"} <= rules
    report = format_violations(violations, "test page")
    assert "image-alt" in report and "img" in report


@pytest.mark.parametrize(
    ("style", "visible"),
    [
        ("", True),
        ("a:focus, a:focus-visible { outline: none; box-shadow: none; }", False),
    ],
)
def test_focus_indicator_tells_visible_from_none(browser, live_server_url, style, visible):
    # The injected style is inline, which the site's CSP rightly blocks: bypass it for this check.
    context = browser.new_context(base_url=live_server_url, bypass_csp=True)
    try:
        page = context.new_page()
        page.goto("/fi/")
        if style:
            page.add_style_tag(content=style)
        page.keyboard.press("Tab")
        page.keyboard.press("Tab")
        assert focus_indicator(page).is_visible is visible
    finally:
        context.close()


def test_mailbox_reads_messages_and_links_written_by_the_file_backend(tmp_path):
    from django.core.mail import EmailMultiAlternatives
    from django.core.mail.backends.filebased import EmailBackend

    from .helpers import Mailbox

    (tmp_path / "old.log").write_text("")
    mailbox = Mailbox(tmp_path)
    message = EmailMultiAlternatives(
        subject="Ilmoittautuminen vahvistettu",
        body="Peru ilmoittautuminen: http://127.0.0.1:8000/fi/peru/abc123/?a=1&b=2.\n",
        from_email="noreply@meidanhame.fi",
        to=["liisa@example.fi"],
    )
    message.attach_alternative(
        '<p><a href="http://127.0.0.1:8000/fi/peru/abc123/?a=1&amp;b=2">Peru</a></p>', "text/html"
    )
    EmailBackend(file_path=str(tmp_path)).send_messages([message])

    latest = mailbox.latest(to="liisa@example.fi")
    assert latest.subject == "Ilmoittautuminen vahvistettu"
    assert latest.links(contains="/peru/") == ["http://127.0.0.1:8000/fi/peru/abc123/?a=1&b=2"]
    assert mailbox.all(to="someone@else.fi") == []


def test_log_in_as_a_demo_user(page):
    from .helpers import log_in

    log_in(page, "editor")
    page.goto("/admin/")
    assert "/admin/login/" not in page.url
