"""The cooperation pages in the site search: good practices by an inflected word, their
association's name and readiness; networks by their member associations and public partners;
profiles by what they offer others and whom they work for."""

import re

import pytest

from tests.test_search import count, titles

pytestmark = pytest.mark.django_db


def test_a_good_practice_is_found_by_an_inflected_word_in_fi_and_sv(client):
    assert "Yhdistysten kirjanpitorengas" in titles(client, "fi", "kirjanpitorenkaan")
    assert "Yhdistysten kirjanpitorengas" in titles(
        client, "fi", "kirjanpitorengas", type="practice"
    )
    assert "En bokföringsring för föreningar" in titles(client, "sv", "bokföringsringen")


def test_practices_are_a_kind_of_result_with_a_label(client):
    html = client.get("/fi/search/", {"q": "kirjanpitorengas"}).content.decode()
    assert re.search(r"Hyvä käytäntö|Good practice", html)
    assert count(client, "fi", "kirjanpitorengas", type="practice") >= 1


def test_a_network_is_found_by_its_partner_and_a_member_association(client):
    from associations.models import NetworkPage

    network = NetworkPage.objects.get(
        slug="hameenlinnan-seudun-jarjestoverkosto", locale__language_code="fi"
    )
    member = network.member_links.first().association
    assert network.title in titles(client, "fi", "Hämeenlinnan kaupunki", type="network")
    assert network.title in titles(client, "fi", member.title, type="network")
    assert count(client, "fi", "järjestöverkostot", type="network") >= 3


def test_a_profile_is_found_by_what_it_offers_and_its_target_group(client):
    # "Vertaistukiryhmän ohjaajakoulutusta …" is the offer of the social and health
    # associations; "Omaishoitajat" (family carers) is one of their target groups.
    found = titles(client, "fi", "vertaistukiryhmien ohjaajakoulutus", type="association")
    assert found
    assert "Hattulan Omaishoitajat ry" in titles(
        client, "fi", "omaishoitajille", type="association"
    )
