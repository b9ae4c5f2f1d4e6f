"""Uploads (issue 17, H1): an image a member sends is checked by Wagtail's own image field and
stored under a generated name ending in its detected format, so a GIF that is also a script or
a page can never be served as one; media files carry headers that keep them inert."""

import importlib
import io
import random
import re

import pytest
from PIL import Image as PILImage

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import clear_url_caches

from wagtail.images import get_image_model
from wagtail.models import Page

import meidanhame.urls
from associations.models import AssociationPage
from tests import test_associations_moderation as moderation
from tests.test_associations_moderation import association, fi_url, login, profile_data

pytestmark = pytest.mark.django_db

# The moderation tests' people: members of association a and of b, its admin, an editor.
a, b, people = moderation.a, moderation.b, moderation.people

SCRIPT = b"\n;alert(document.domain)//<script>alert(document.domain)</script>"


def image_bytes(format_name, size=(24, 24)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, "green").save(buffer, format_name)
    return buffer.getvalue()


def polyglot(name):
    """A valid GIF that also carries script: Pillow and Willow open it as a 24×24 image."""
    return SimpleUploadedFile(name, image_bytes("GIF") + SCRIPT, content_type="image/gif")


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def stored_files(media_root):
    return [path.name for path in media_root.rglob("*") if path.is_file()]


def apply_data():
    return profile_data(
        association("lopen-lahetysseura-ry"),
        title="Lopen Lukupiiri ry",
        summary="Luemme yhdessä.",
        registry_number="999.123",
        business_id="0737546-2",
        municipality="loppi",
        fields_of_activity=["other"],
        logo_alt="Logo",
    )


def send_logo(client, people, a, form, upload):
    """Post the logo through "list your association" or the profile edit, as a verified member."""
    if form == "apply":
        login(client, people["member_b"])
        return client.post(fi_url("apply"), {**apply_data(), "logo": upload})
    login(client, people["admin_a"])
    return client.post(fi_url("edit", a.pk), {**profile_data(a, logo_alt="Logo"), "logo": upload})


def submitted_logo(form, a):
    if form == "apply":
        page = AssociationPage.objects.get(title="Lopen Lukupiiri ry")
    else:
        page = Page.objects.get(pk=a.pk)
    return page.get_latest_revision().as_object().logo


@pytest.mark.parametrize("form", ["apply", "edit"])
@pytest.mark.parametrize("name", ["x.html", "x.js", "x.svg", "logo.gif.html"])
def test_script_named_gif_is_refused_and_nothing_is_stored(
    client, people, a, media_root, form, name
):
    count = get_image_model().objects.count()
    response = send_logo(client, people, a, form, polyglot(name))
    assert response.status_code == 200
    assert response.context["form"].errors["logo"] == [
        "Logon on oltava kuvatiedosto (PNG, JPEG, WebP tai GIF)."
    ]
    assert get_image_model().objects.count() == count
    assert stored_files(media_root) == []


@pytest.mark.parametrize("form", ["apply", "edit"])
def test_gif_with_script_inside_is_stored_as_a_gif_under_a_generated_name(
    client, people, a, media_root, form
):
    response = send_logo(client, people, a, form, polyglot("x.gif"))
    assert response.status_code == 302
    logo = submitted_logo(form, a)
    assert re.fullmatch(r"original_images/[0-9a-f]{32}\.gif", logo.file.name)
    assert all(name.endswith(".gif") for name in stored_files(media_root))


@pytest.mark.parametrize("form", ["apply", "edit"])
def test_image_whose_extension_lies_about_its_format_is_refused(client, people, a, form):
    upload = SimpleUploadedFile("logo.png", image_bytes("GIF"), content_type="image/png")
    response = send_logo(client, people, a, form, upload)
    assert response.status_code == 200
    assert "logo" in response.context["form"].errors


@pytest.mark.parametrize(
    ("name", "format_name", "extension"),
    [
        ("../../evil.png", "PNG", "png"),
        ("..\\..\\kuva.JPEG", "JPEG", "jpg"),
        ("a.webp", "WEBP", "webp"),
    ],
)
def test_good_image_gets_a_safe_generated_name(
    client, people, a, media_root, name, format_name, extension
):
    upload = SimpleUploadedFile(name, image_bytes(format_name), content_type="image/png")
    response = send_logo(client, people, a, "edit", upload)
    assert response.status_code == 302
    logo = submitted_logo("edit", a)
    assert re.fullmatch(rf"original_images/[0-9a-f]{{32}}\.{extension}", logo.file.name)
    assert logo.width == 24
    (stored,) = media_root.rglob(f"*.{extension}")
    assert stored.is_relative_to(media_root / "original_images")
    assert "evil" not in stored.name and "kuva" not in stored.name


def test_logo_texts_follow_the_visitor_language(client, people, a):
    login(client, people["admin_a"])
    big = io.BytesIO()
    noise = PILImage.frombytes("RGB", (1000, 1000), random.Random(17).randbytes(3_000_000))
    noise.save(big, "PNG")
    upload = SimpleUploadedFile("logo.png", big.getvalue(), content_type="image/png")
    assert upload.size > 2 * 1024 * 1024
    english = fi_url("edit", a.pk).replace("/fi/", "/en/", 1)
    response = client.post(english, {**profile_data(a, logo_alt="Logo"), "logo": upload})
    (error,) = response.context["form"].errors["logo"]
    assert error.startswith("This file is too big (2.")
    assert error.endswith("MB). Maximum filesize 2.0\xa0MB.")
    assert "PNG, JPEG, WebP or GIF, at most 2 MB." in client.get(english).content.decode()


# Media files as the development server serves them (production: nginx, README) ------------


@pytest.fixture
def development_server(settings, media_root):
    """The URLs as `make run` builds them: with DEBUG on, the app serves /media/ itself."""
    settings.DEBUG = True
    importlib.reload(meidanhame.urls)
    clear_url_caches()
    yield
    settings.DEBUG = False
    importlib.reload(meidanhame.urls)
    clear_url_caches()


def serve(client, media_root, name, content):
    (media_root / name).write_bytes(content)
    return client.get(f"/media/{name}")


@pytest.mark.parametrize("name", ["x.html", "x.js", "x.svg", "document.pdf"])
def test_media_that_is_not_an_image_is_downloaded_and_inert(
    client, development_server, media_root, name
):
    response = serve(client, media_root, name, b"<script>alert(document.domain)</script>")
    assert response["Content-Disposition"] == "attachment"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"


def test_media_image_is_shown_inline_but_inert(client, development_server, media_root):
    response = serve(client, media_root, "kuva.PNG", image_bytes("PNG"))
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].startswith("inline")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
