"""The subscribe journey: a visitor filters the catalogue, opens "Subscribe" by keyboard, finds
the webcal, Google and Outlook links for exactly that filter, copies the address with the
button, and the copied address serves that calendar."""

import re
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from playwright.sync_api import expect

from .helpers import tab_until

SUBSCRIBE = {"fi": "Tilaa", "sv": "Prenumerera"}


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_subscribe_to_a_filtered_catalogue_by_keyboard(page, context, lang):
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(f"/{lang}/koulutukset/?theme=digitaidot")

    summary = page.locator("details.subscribe summary").first
    expect(summary).to_have_text(re.compile(SUBSCRIBE[lang]))
    tab_until(page, "details.subscribe summary", max_tabs=200)
    page.keyboard.press("Enter")
    control = page.locator("details.subscribe").first
    expect(control).to_have_attribute("open", "")

    # The links subscribe to this filter, in this language.
    links = control.locator(".subscribe__options a")
    webcal = links.nth(0).get_attribute("href")
    assert webcal.startswith("webcal://")
    feed_path = urlsplit(webcal).path
    assert feed_path == f"/{lang}/calendar/trainings.ics"
    assert parse_qs(urlsplit(webcal).query) == {"theme": ["digitaidot"]}
    google = links.nth(1).get_attribute("href")
    assert google.startswith("https://calendar.google.com/calendar/r?cid=")
    assert unquote(google.split("cid=", 1)[1]) == webcal
    for outlook in (links.nth(2), links.nth(3)):
        href = outlook.get_attribute("href")
        assert re.match(r"https://outlook\.(live|office)\.com/calendar/0/addfromweb\?url=", href)
        assert unquote(parse_qs(urlsplit(href).query)["url"][0]).endswith(
            f"{feed_path}?theme=digitaidot"
        )

    # Tab to the copy button and press it: the address is on the clipboard, and the status
    # next to the button says so to screen reader users too.
    tab_until(page, ".subscribe [data-copy-target]")
    page.keyboard.press("Enter")
    button = control.locator("[data-copy-target]")
    status = page.locator("#" + button.get_attribute("aria-describedby"))
    expect(status).to_have_text(re.compile(r"\S"))
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == control.locator("input[readonly]").input_value()
    assert urlsplit(copied).path == feed_path

    # What a calendar program gets from the copied address: this filter's calendar.
    response = page.request.get(urlsplit(copied).path + "?" + urlsplit(copied).query)
    assert response.status == 200
    assert response.headers["content-type"] == "text/calendar; charset=utf-8"
    body = response.text()
    assert body.startswith("BEGIN:VCALENDAR\r\n")
    assert f"SUMMARY;LANGUAGE={lang}:" in body
    assert "BEGIN:VEVENT" in body
