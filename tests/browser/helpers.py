"""Helpers for browser journeys and accessibility audits, so that a feature adds its own in a
few lines. The fixtures in `conftest.py` give a test `page` (a fresh context on the live demo
server; `page.goto("/fi/...")` is relative to it) and `mailbox` (the emails the server sent).

    from tests.browser.helpers import assert_no_violations, tab_until, assert_focus_visible

    @pytest.mark.parametrize("lang", LANGUAGES)
    def test_catalogue_is_accessible(page, lang):
        assert_no_violations(page, f"/{lang}/koulutukset/")

    def test_register_by_keyboard(page, mailbox):
        page.goto("/fi/koulutukset/...")
        tab_until(page, "button[type=submit]")
        page.keyboard.press("Enter")
        link = mailbox.latest(to="a@example.fi").links(contains="/peru/")[0]
        page.goto(link)

- `audit(page)` runs axe-core (WCAG 2.1 A and AA rules) on the page as it is and returns the
  violations; `assert_no_violations(page, url)` opens `url` first (if given) and fails with a
  readable report: rule, impact, help URL and the selector of every offending element.
- `tab_until(page, selector)` presses Tab until the element matching `selector` has focus and
  checks on the way that every element reached shows a focus indicator.
- `focus_indicator(page)` describes how the focused element looks focused compared with
  unfocused; `assert_focus_visible(page)` fails when it looks the same.
- `screenshot(page, name)` saves full-page PNGs at 375 px and 1280 px under
  `test-artifacts/screenshots/` and fails if the page scrolls sideways at either width;
  `assert_reflows(page)` checks the same at 320 px.
- `tab_to(page, selector_or_locator)` does what `tab_until` does for a Playwright locator too,
  and across the parts of date and time inputs; `arrow_to(page, value)` chooses in the focused
  select or radio group with the arrow keys; `type_text(page, text)` types into the focused
  field in place of its content; `check_by_keyboard(page)` ticks the focused checkbox with
  Space; `press_and_wait(page)` presses Enter and waits for the page it opens.
- `log_in(page, "member")` logs the context in as a demo user (`admin`, `editor`, `member`).
- `mailbox.latest(to=...)` (fixture) waits for the newest email the server sent during this
  test; `.links(contains=...)` lists its links, `.subject`, `.text`, `.html` its content.

When a test fails, conftest saves `test-artifacts/failures/<test>.png` of its page.
"""

import email
import email.policy
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from axe_playwright_python.sync_playwright import Axe

REPO_DIR = Path(__file__).resolve().parents[2]
ARTIFACTS_DIR = REPO_DIR / "test-artifacts"
SCREENSHOTS_DIR = ARTIFACTS_DIR / "screenshots"

LANGUAGES = ("fi", "sv", "en")
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
VIEWPORT_WIDTHS = (375, 1280)

_axe = Axe()


# Accessibility audit -----------------------------------------------------------------------


def audit(page, context=None, tags=WCAG_TAGS):
    """Run axe-core on the page as it is now; return the list of violations (axe's dicts).

    `context` limits the audit to part of the page (a CSS selector, or axe's include/exclude
    object), e.g. after opening a dialog."""
    options = {"runOnly": {"type": "tag", "values": list(tags)}, "resultTypes": ["violations"]}
    return _axe.run(page, context=context, options=options).response["violations"]


def format_violations(violations, url=""):
    """A report a developer can act on: one block per rule, one line per offending element."""
    lines = [f"{len(violations)} accessibility violation(s) on {url}:"]
    for violation in violations:
        lines.append(
            f"\n- {violation['id']} ({violation['impact']}): {violation['help']}"
            f"\n  {violation['helpUrl']}"
        )
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            lines.append(f"    at {target}")
            lines.append(f"       {node['html'][:200]}")
            summary = node.get("failureSummary", "").replace("\n", "\n       ")
            if summary:
                lines.append(f"       {summary}")
    return "\n".join(lines)


def assert_no_violations(page, url=None, context=None, expect_status=None):
    """Open `url` (relative to the live server) if given, and fail on any WCAG 2.1 A/AA
    violation, printing every rule and element. Returns the response of the navigation."""
    response = None
    if url is not None:
        response = page.goto(url)
        if expect_status is not None:
            assert response.status == expect_status, f"{url} answered {response.status}"
    violations = audit(page, context=context)
    assert not violations, format_violations(violations, page.url)
    return response


# Keyboard ----------------------------------------------------------------------------------

_FOCUS_STYLE_JS = """
() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const read = () => {
    const s = getComputedStyle(el);
    return {
      outlineStyle: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth) || 0,
      outlineColor: s.outlineColor, boxShadow: s.boxShadow,
      backgroundColor: s.backgroundColor, borderColor: s.borderColor,
      textDecoration: s.textDecorationLine,
    };
  };
  const focused = read();
  // Read the same element unfocused; focusing it again keeps :focus-visible, because the
  // last interaction was the keyboard.
  el.blur();
  const unfocused = read();
  el.focus();
  const rect = el.getBoundingClientRect();
  return {
    focused, unfocused,
    element: el.outerHTML.slice(0, 160),
    visible: rect.width > 0 && rect.height > 0,
  };
}
"""


@dataclass
class FocusIndicator:
    """How the focused element looks focused compared with unfocused."""

    element: str
    focused: dict
    unfocused: dict
    visible_box: bool
    changes: list = field(default_factory=list)

    @property
    def is_visible(self):
        """True when the element is on screen and gains an outline or a box-shadow when
        focused (the site's `:focus-visible` rule draws both)."""
        outline = self.focused["outlineStyle"] != "none" and self.focused["outlineWidth"] >= 2
        shadow = self.focused["boxShadow"] not in ("", "none")
        return self.visible_box and bool(self.changes) and (outline or shadow)


def focus_indicator(page):
    """Describe the focus indicator of the element that has focus now (None if none does)."""
    data = page.evaluate(_FOCUS_STYLE_JS)
    if data is None:
        return None
    changes = [
        name
        for name in ("outlineStyle", "outlineWidth", "outlineColor", "boxShadow")
        if data["focused"][name] != data["unfocused"][name]
    ]
    return FocusIndicator(
        element=data["element"],
        focused=data["focused"],
        unfocused=data["unfocused"],
        visible_box=data["visible"],
        changes=changes,
    )


def assert_focus_visible(page):
    """Fail unless the element that has focus shows a visible focus indicator."""
    indicator = focus_indicator(page)
    assert indicator is not None, "Nothing has focus"
    assert indicator.is_visible, (
        f"No visible focus indicator on {indicator.element}\n"
        f"focused: {indicator.focused}\nunfocused: {indicator.unfocused}"
    )
    return indicator


def focused_matches(page, selector):
    """True when the element that has focus matches the CSS selector."""
    return page.evaluate(
        "(sel) => !!document.activeElement && document.activeElement.matches(sel)", selector
    )


def tab_until(page, selector, max_tabs=80, check_focus=True, key="Tab"):
    """Press Tab (or `key`, e.g. "Shift+Tab") until the element matching `selector` has focus;
    return the list of elements reached on the way (outerHTML snippets). With `check_focus`,
    every element reached must show a visible focus indicator."""
    reached = []
    for _ in range(max_tabs):
        page.keyboard.press(key)
        if check_focus:
            reached.append(assert_focus_visible(page).element)
        else:
            reached.append(page.evaluate("() => document.activeElement.outerHTML.slice(0, 160)"))
        if focused_matches(page, selector):
            return reached
    raise AssertionError(
        f"{selector!r} never got focus in {max_tabs} presses of {key}; reached:\n"
        + "\n".join(reached)
    )


# Logging in --------------------------------------------------------------------------------

# The demo users that `seed_demo` creates (the same as `make run` prints).
DEMO_PASSWORDS = {
    "admin": "hame-admin-2026",
    "editor": "hame-editor-2026",
    "member": "hame-member-2026",
}


def log_in(page, username, password=None):
    """Log the page's browser context in as a demo user through Wagtail's login form; the
    session then holds for the whole site (member pages too) until the test ends."""
    page.goto("/admin/login/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(password or DEMO_PASSWORDS[username])
    page.locator("input[name=password]").press("Enter")
    page.wait_for_url(lambda url: "/admin/login/" not in url)


# Screenshots and reflow ------------------------------------------------------------------------


def sideways_overflow(page):
    """How many pixels the page scrolls sideways (0 when everything fits the viewport)."""
    return page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )


def assert_reflows(page, width=320, height=640):
    """WCAG 1.4.10: at 320 CSS px (400 % zoom of a 1280 px screen) nothing needs sideways
    scrolling."""
    original = page.viewport_size
    page.set_viewport_size({"width": width, "height": height})
    try:
        overflow = sideways_overflow(page)
        assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px at {width}px"
    finally:
        if original:
            page.set_viewport_size(original)


def screenshot(page, name, widths=VIEWPORT_WIDTHS, height=900):
    """Save full-page screenshots of the current page at each width as
    `test-artifacts/screenshots/<name>-<width>.png`; return the paths. Also fail when the page
    scrolls sideways at that width (content wider than the viewport)."""
    SCREENSHOTS_DIR.mkdir(parents=True, exist_ok=True)
    original = page.viewport_size
    paths = []
    try:
        for width in widths:
            page.set_viewport_size({"width": width, "height": height})
            overflow = sideways_overflow(page)
            path = SCREENSHOTS_DIR / f"{name}-{width}.png"
            page.screenshot(path=str(path), full_page=True)
            paths.append(path)
            assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px at {width}px"
    finally:
        if original:
            page.set_viewport_size(original)
    return paths


# Email -------------------------------------------------------------------------------------

_LINK_RE = re.compile(r"https?://[^\s<>\"')\]]+")


@dataclass
class Email:
    """One message the server sent: headers, plain text body and HTML body (if any)."""

    subject: str
    to: list
    from_: str
    text: str
    html: str
    path: Path

    def links(self, contains=""):
        """Every http(s) link in the message (text and HTML), in order, without duplicates;
        only those containing `contains` if given."""
        found = []
        for link in _LINK_RE.findall(self.text + "\n" + self.html):
            link = link.rstrip(".,;").replace("&amp;", "&")
            if contains in link and link not in found:
                found.append(link)
        return found


def _parse_messages(path):
    # Django's file backend writes each message followed by a line of 79 dashes.
    raw = path.read_text(encoding="utf-8", errors="replace")
    for chunk in raw.split("\n" + "-" * 79 + "\n"):
        if not chunk.strip():
            continue
        message = email.message_from_string(chunk.lstrip("\n"), policy=email.policy.default)
        text = message.get_body(preferencelist=("plain",))
        html = message.get_body(preferencelist=("html",))
        yield Email(
            subject=str(message.get("Subject", "")),
            to=[addr.strip() for addr in str(message.get("To", "")).split(",") if addr.strip()],
            from_=str(message.get("From", "")),
            text=text.get_content() if text is not None else "",
            html=html.get_content() if html is not None else "",
            path=path,
        )


def read_emails(mail_dir):
    """Every email the server has written to `mail_dir`, oldest first."""
    files = sorted(Path(mail_dir).glob("*.log"), key=lambda p: (p.stat().st_mtime_ns, p.name))
    return [message for path in files for message in _parse_messages(path)]


class Mailbox:
    """The server's outgoing mail as a test sees it: only messages sent after the test began,
    so tests do not see each other's mail."""

    def __init__(self, mail_dir):
        self.mail_dir = Path(mail_dir)
        self._seen = {path.name for path in self.mail_dir.glob("*.log")}

    def all(self, to=None):
        """Messages sent since the test began, oldest first; only those to `to` if given."""
        messages = [m for m in read_emails(self.mail_dir) if m.path.name not in self._seen]
        if to is not None:
            messages = [m for m in messages if any(to in addr for addr in m.to)]
        return messages

    def latest(self, to=None, timeout=5.0):
        """The newest message (to `to`, if given), waiting up to `timeout` seconds for it."""
        deadline = time.monotonic() + timeout
        while True:
            messages = self.all(to=to)
            if messages:
                return messages[-1]
            if time.monotonic() > deadline:
                raise AssertionError(f"No email to {to or 'anyone'} within {timeout}s")
            time.sleep(0.1)


# Keyboard: whole journeys ------------------------------------------------------------------

_DATE_TIME_INPUTS = "input[type=date], input[type=time], input[type=datetime-local]"

_SEEN_JS = """
(selector) => {
  const el = document.activeElement;
  window.__focusChecked = window.__focusChecked || new WeakMap();
  const style = el ? getComputedStyle(el) : null;
  return {
    checked: el && el.matches(selector) ? window.__focusChecked.get(el) || null : null,
    style: style ? [style.outlineStyle, style.outlineWidth, style.boxShadow].join(" ") : null,
    element: el ? el.outerHTML.slice(0, 160) : "",
  };
}
"""

_MARK_CHECKED_JS = """
(style) => window.__focusChecked.set(document.activeElement, style)
"""


def _is_focused(page, target):
    if isinstance(target, str):
        return focused_matches(page, target)
    return target.evaluate_all("els => els.includes(document.activeElement)")


def tab_to(page, target, max_tabs=120, key="Tab"):
    """Like `tab_until`, with the focus check on every element reached, for a CSS selector or
    a Playwright locator (e.g. `page.get_by_role("link", name=...)`), and across date and time
    inputs too. Tab moves through the parts (day, month, year) of such an input; the focus check
    blurs and refocuses an element, which puts the focus back on its first part, so an input is
    checked fully when the focus arrives and, while it moves through the parts, only has to keep
    its focused look. Returns the elements reached (outerHTML snippets)."""
    reached = []
    for _ in range(max_tabs):
        page.keyboard.press(key)
        seen = page.evaluate(_SEEN_JS, _DATE_TIME_INPUTS)
        if seen["checked"]:
            assert seen["style"] == seen["checked"], (
                f"The focus indicator changed on {seen['element']}\n"
                f"first part: {seen['checked']}\nnow: {seen['style']}"
            )
            reached.append(seen["element"])
        else:
            reached.append(assert_focus_visible(page).element)
            page.evaluate(_MARK_CHECKED_JS, page.evaluate(_SEEN_JS, _DATE_TIME_INPUTS)["style"])
        if _is_focused(page, target):
            return reached
    raise AssertionError(
        f"{target!r} never got focus in {max_tabs} presses of {key}; reached:\n"
        + "\n".join(reached)
    )


_CHOICE_JS = """
() => {
  const el = document.activeElement;
  if (el.tagName === "SELECT") {
    return {kind: "select", values: [...el.options].map(o => o.value), current: el.value};
  }
  if (el.type === "radio") {
    const group = [...(el.form || document).querySelectorAll("input[type=radio]")]
      .filter(r => r.name === el.name);
    const checked = group.find(r => r.checked);
    return {
      kind: "radio", values: group.map(r => r.value), current: checked ? checked.value : null,
      focused: el.value,
    };
  }
  return {kind: el.tagName.toLowerCase() + ":" + el.type};
}
"""


def arrow_to(page, value):
    """Choose `value` in the focused select or radio group with the arrow keys (and Space for
    an unchecked radio button that already has focus), as a keyboard user does; the focus
    must stay visible."""
    for _ in range(100):
        state = page.evaluate(_CHOICE_JS)
        assert state["kind"] in ("select", "radio"), f"No select or radio has focus: {state}"
        assert value in state["values"], f"{value!r} is not among {state['values']}"
        if state["current"] == value:
            assert_focus_visible(page)
            return
        if state["kind"] == "radio" and state["focused"] == value:
            page.keyboard.press("Space")
            continue
        here = state["current"] if state["kind"] == "select" else state["focused"]
        forward = state["values"].index(value) > state["values"].index(here)
        page.keyboard.press("ArrowDown" if forward else "ArrowUp")
    raise AssertionError(f"The arrow keys never reached {value!r}")


def type_text(page, text):
    """Type `text` into the focused field in place of what it holds (selected by keyboard)."""
    if page.evaluate("() => document.activeElement.value"):
        page.keyboard.press("ControlOrMeta+A")
    page.keyboard.type(text)
    assert page.evaluate("() => document.activeElement.value") == text


def check_by_keyboard(page, checked=True):
    """Tick (or untick) the focused checkbox with Space, unless it already is as wanted."""
    if page.evaluate("() => document.activeElement.checked") != checked:
        page.keyboard.press("Space")
    assert page.evaluate("() => document.activeElement.checked") == checked
    assert_focus_visible(page)


def press_and_wait(page, key="Enter"):
    """Press `key` (Enter on a link or a submit button) and wait for the page it opens."""
    with page.expect_navigation():
        page.keyboard.press(key)
