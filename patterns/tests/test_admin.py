"""The back office for failure patterns: editors write them and attach them to cases; a
success may carry a pattern only as avoided; a pattern in use cannot be deleted."""

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from cases.models import Case, Outcome
from cases.tests.factories import CaseFactory
from patterns.models import CasePattern, FailurePattern
from patterns.tests.factories import CasePatternFactory, FailurePatternFactory
from topics.tests.factories import TopicFactory

pytestmark = pytest.mark.django_db

PATTERNS_URL = "/beheer/snippets/patterns/failurepattern/"
CASE_ADD_URL = "/beheer/snippets/cases/case/add/"


def pattern_form(**overrides):
    data = {
        "name": "Niemand aan tafel",
        "slug": "niemand-aan-tafel",
        "summary": "Een partij die ertoe doet, zit niet aan tafel.",
        "description": "Plannen worden gemaakt zonder bewoners.",
        "signs": "Alleen professionals in het overleg",
        "courses_of_action": "Nodig bewoners uit voor het eerste overleg",
        "sort_order": "100",
    }
    data.update(overrides)
    return data


def case_form(links, **overrides):
    data = {
        "title": "Wijkpact op papier",
        "slug": "",
        "summary": "Een pact dat niet landde.",
        "outcome": Outcome.FAILURE,
        "evidence_level": "praktijk",
        "what_went_wrong": "Er was geen gedeeld budget.",
        "topics": [TopicFactory(slug="samenwerking").pk],
        "tags": "",
        "sources": inline_formset([]),
        "attachments": inline_formset([]),
        "pattern_links": inline_formset(links),
    }
    for name in ("context", "approach", "results", "what_worked", "lessons"):
        data[name] = ""
    for name in ("courses_of_action", "neighbourhoods", "period_start", "period_end"):
        data[name] = ""
    data.update(overrides)
    return nested_form_data(data)


def test_an_editor_writes_a_pattern(client, editor):
    client.force_login(editor)
    response = client.post(f"{PATTERNS_URL}add/", pattern_form())
    assert response.status_code == 302, response.content.decode()[:3000]
    pattern = FailurePattern.objects.get()
    assert pattern.sign_list == ["Alleen professionals in het overleg"]
    listing = client.get(PATTERNS_URL).content.decode()
    assert "Faalpatronen" in listing and "Niemand aan tafel" in listing
    assert "Speelde in" in listing and "Voorkomen in" in listing
    # The menu item and the search.
    assert PATTERNS_URL in client.get("/beheer/").content.decode()
    found = client.get(PATTERNS_URL, {"q": "tafel"}).content.decode()
    assert "Niemand aan tafel" in found


def test_who_is_no_editor_cannot_write_patterns(client, outsider):
    client.force_login(outsider)
    response = client.post(f"{PATTERNS_URL}add/", pattern_form())
    assert response.status_code in (302, 403)
    assert not FailurePattern.objects.exists()
    assert client.get(PATTERNS_URL).status_code in (302, 403)


def test_an_editor_attaches_patterns_to_a_case(client, editor):
    played = FailurePatternFactory(name="Geen gedeeld budget")
    avoided = FailurePatternFactory(name="Steeds een ander aanspreekpunt")
    client.force_login(editor)
    links = [{"pattern": played.pk, "avoided": False}, {"pattern": avoided.pk, "avoided": True}]
    response = client.post(CASE_ADD_URL, case_form(links))
    assert response.status_code == 302, response.content.decode()[:3000]
    case = Case.objects.get()
    assert {(link.pattern.name, link.avoided) for link in case.pattern_links.all()} == {
        ("Geen gedeeld budget", False),
        ("Steeds een ander aanspreekpunt", True),
    }
    # The list counts it (drafts too: the back office counts what editors attached).
    assert ">1<" in client.get(PATTERNS_URL).content.decode().replace(" ", "").replace("\n", "")


def test_a_success_may_carry_a_pattern_only_as_avoided(client, editor):
    pattern = FailurePatternFactory(name="Geen gedeeld budget")
    client.force_login(editor)
    form = case_form([{"pattern": pattern.pk, "avoided": False}], outcome=Outcome.SUCCESS)
    response = client.post(CASE_ADD_URL, form)
    assert response.status_code == 200
    assert "Bij een geslaagd praktijkvoorbeeld speelde een faalpatroon niet" in (
        response.content.decode()
    )
    assert not Case.objects.exists()
    form = case_form([{"pattern": pattern.pk, "avoided": True}], outcome=Outcome.SUCCESS)
    assert client.post(CASE_ADD_URL, form).status_code == 302
    assert CasePattern.objects.get().avoided


def test_a_pattern_in_use_is_not_deleted(client, editor):
    pattern = FailurePatternFactory(name="Geen gedeeld budget")
    CasePatternFactory(pattern=pattern, case=CaseFactory(outcome=Outcome.FAILURE))
    client.force_login(editor)
    for method in ("get", "post"):
        response = getattr(client, method)(f"{PATTERNS_URL}delete/{pattern.pk}/", follow=True)
        assert response.status_code == 200
        html = response.content.decode()
        assert "hangt nog aan 1 praktijkvoorbeeld en kan daarom niet weg" in html
    # Several at once, from the list.
    unused = FailurePatternFactory(name="Ongebruikt")
    url = f"/beheer/bulk/patterns/failurepattern/delete/?id={pattern.pk}&id={unused.pk}"
    response = client.post(url, follow=True)
    assert "hangt nog aan 1 praktijkvoorbeeld" in response.content.decode()
    assert FailurePattern.objects.count() == 2


def test_a_pattern_no_case_uses_can_be_deleted(client, editor):
    pattern = FailurePatternFactory(name="Ongebruikt")
    client.force_login(editor)
    response = client.post(f"{PATTERNS_URL}delete/{pattern.pk}/")
    assert response.status_code == 302
    assert not FailurePattern.objects.exists()
