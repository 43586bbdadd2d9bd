"""Merging tags in the back office: "buurthuizen" into "buurthuis", every case re-pointed."""

import logging

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from taggit.models import Tag

from cases.services import merge_tags
from cases.tests.factories import CaseFactory

pytestmark = pytest.mark.django_db

URL = "/beheer/trefwoorden/samenvoegen/"


@pytest.fixture
def tagged():
    return {
        "one": CaseFactory(title="Een", tags=["buurthuis"]),
        "two": CaseFactory(title="Twee", tags=["buurthuizen", "jongeren"]),
        "both": CaseFactory(title="Beide", tags=["buurthuis", "buurthuizen", "Buurt-huis"]),
    }


def tag(name: str) -> Tag:
    return Tag.objects.get(name=name)


def case_tags(case) -> set[str]:
    return set(case.tags.names())


def test_merging_repoints_every_case_once_and_removes_the_others(editor, tagged, caplog):
    caplog.set_level(logging.INFO, logger="cases.services")
    report = merge_tags(
        user=editor,
        tags=[tag("buurthuis"), tag("buurthuizen"), tag("Buurt-huis")],
        keep=tag("buurthuis"),
    )
    assert report.cases == 2
    assert case_tags(tagged["one"]) == {"buurthuis"}
    assert case_tags(tagged["two"]) == {"buurthuis", "jongeren"}
    assert case_tags(tagged["both"]) == {"buurthuis"}
    assert not Tag.objects.filter(name__in=["buurthuizen", "Buurt-huis"]).exists()
    assert "merged into 'buurthuis' by" in caplog.text


def test_the_tag_filter_finds_all_cases_after_a_merge(client, editor, tagged):
    merge_tags(user=editor, tags=[tag("buurthuis"), tag("buurthuizen")], keep=tag("buurthuis"))
    response = client.get("/praktijkvoorbeelden/?tag=buurthuis")
    assert {case.title for case in response.context["page"]} == {"Een", "Twee", "Beide"}
    # The merged tag is gone: refused like any unknown tag.
    response = client.get("/praktijkvoorbeelden/?tag=buurthuizen")
    assert response.context["filterset"].errors


@pytest.mark.parametrize("who", ["anonymous", "outsider", "member"])
def test_only_editors_merge(request, tagged, who):
    user = request.getfixturevalue(who)
    with pytest.raises(PermissionDenied):
        merge_tags(user=user, tags=[tag("buurthuis"), tag("buurthuizen")], keep=tag("buurthuis"))
    assert Tag.objects.filter(name="buurthuizen").exists()


def test_merging_a_tag_into_itself_is_refused(editor, tagged):
    with pytest.raises(ValidationError, match="ten minste één ander trefwoord"):
        merge_tags(user=editor, tags=[tag("buurthuis")], keep=tag("buurthuis"))


def test_the_back_office_page_merges_and_says_what_it_did(client, editor, tagged):
    client.force_login(editor)
    page = client.get(URL)
    assert page.status_code == 200
    assert "buurthuizen (2)" in page.content.decode()
    response = client.post(
        URL, {"tags": [tag("buurthuis").pk, tag("buurthuizen").pk], "keep": tag("buurthuis").pk}
    )
    assert response.status_code == 302
    landing = client.get(response["Location"]).content.decode()
    assert "‘buurthuizen’ samengevoegd met ‘buurthuis’" in landing
    assert case_tags(tagged["two"]) == {"buurthuis", "jongeren"}


def test_the_back_office_page_refuses_a_bad_choice_and_changes_nothing(client, editor, tagged):
    client.force_login(editor)
    response = client.post(URL, {"tags": [tag("buurthuizen").pk], "keep": tag("buurthuis").pk})
    assert response.status_code == 200
    assert "Het trefwoord dat blijft moet een van de gekozen zijn." in response.content.decode()
    response = client.post(URL, {"tags": [tag("buurthuis").pk], "keep": tag("buurthuis").pk})
    assert "Kies ten minste twee trefwoorden" in response.content.decode()
    assert Tag.objects.filter(name="buurthuizen").exists()


def test_visitors_cannot_reach_the_page(client, outsider):
    client.force_login(outsider)
    assert client.get(URL).status_code in (302, 403)
