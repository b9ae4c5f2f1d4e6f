"""The Content-Security-Policy breaks nothing: the main pages and the Wagtail admin raise no
CSP violation in a real browser (neither a `securitypolicyviolation` event nor a console
error), and their scripts run."""

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from .helpers import log_in

COLLECT_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline"} at ` +
    `${event.sourceFile}:${event.lineNumber} (${event.sample})`
  );
});
"""


@pytest.fixture
def watched(page):
    """The page, collecting CSP violations from events and from the console."""
    console = []
    page.add_init_script(COLLECT_VIOLATIONS)
    page.on(
        "console",
        lambda message: (
            console.append(message.text)
            if message.type == "error" and "Content Security Policy" in message.text
            else None
        ),
    )

    def violations():
        return page.evaluate("() => window.__cspViolations || []") + console

    page.csp_violations = violations
    return page


def main_pages(page, language="fi"):
    """Each section of the site from the sitemap, and the first page inside each section."""
    xml = page.request.get("/sitemap.xml").text()
    paths = [urlsplit(loc).path for loc in re.findall(r"<loc>([^<]+)</loc>", xml)]
    paths = [path for path in paths if path.startswith(f"/{language}/")]
    chosen = {}
    for path in paths:
        parts = path.strip("/").split("/")
        section = parts[1] if len(parts) > 1 else ""
        depth = "section" if len(parts) <= 2 else "child"
        chosen.setdefault((section, depth), path)
    return sorted(set(chosen.values())) + [
        f"/{language}/search/?q=yhdistys",
        f"/{language}/ei-ole/",
    ]


def test_main_pages_raise_no_csp_violation(watched):
    pages = main_pages(watched)
    assert len(pages) >= 8, pages
    for path in pages:
        response = watched.goto(path)
        assert response.status in (200, 404), (path, response.status)
        assert "'unsafe-inline'" not in response.headers["content-security-policy"]
        watched.wait_for_load_state("load")
        assert watched.csp_violations() == [], path


def test_swedish_home_and_month_view_raise_no_csp_violation(watched):
    for path in main_pages(watched, "sv")[:4]:
        watched.goto(path)
        watched.wait_for_load_state("load")
        assert watched.csp_violations() == [], path


def test_site_script_runs_under_the_policy(watched, context):
    """site.js, loaded from a file, still works: the subscribe control's copy button copies."""
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    for path in main_pages(watched):
        watched.goto(path)
        if watched.locator("[data-copy-target]").count():
            break
    else:
        pytest.fail("no page with a subscribe control")
    watched.locator("details summary", has_text=re.compile("Tilaa")).first.click()
    button = watched.locator("[data-copy-target]").first
    button.click()
    status = watched.locator("#" + button.get_attribute("aria-describedby"))
    expect(status).to_have_text(re.compile(r"\S"))
    assert watched.csp_violations() == []


def test_admin_still_works_under_its_own_policy(watched):
    log_in(watched, "admin")
    watched.goto("/admin/pages/")
    watched.wait_for_load_state("load")
    edit = watched.locator("a[href*='/edit/']").first
    edit.click()
    watched.wait_for_load_state("load")
    # Either editor (Wagtail's page form or wagtail-localize's translation editor) has buttons
    # that only its scripts draw or wire up.
    assert watched.locator("button").count() >= 1
    # The editor's scripts ran: the rich text and StreamField widgets are drawn by them.
    watched.wait_for_selector("[data-controller], .w-panel", timeout=10_000)
    assert watched.csp_violations() == []
