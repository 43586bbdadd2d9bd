"""Consent decides everything: no consent, consent, withdrawn, across every route and the API."""

import pytest

from cases.tests.factories import CaseFactory
from connectors.services import consent_give, consent_withdraw
from connectors.tests.factories import ConnectorFactory
from topics.tests.factories import TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    topic = TopicFactory(slug="jongeren")
    case = CaseFactory(title="Straatcoaches")
    return topic, case


def routes(connector, topic, case) -> dict[str, str]:
    return {
        "list": "/wijkschakelaars/",
        "profile": connector.get_absolute_url(),
        "contact": f"{connector.get_absolute_url()}contact/",
        "sent": f"{connector.get_absolute_url()}contact/verzonden/",
        "api-list": "/api/v1/wijkschakelaars",
        "api-detail": f"/api/v1/wijkschakelaars/{connector.slug}",
        "case": case.get_absolute_url(),
        "topic": topic.get_absolute_url(),
        "filtered": "/wijkschakelaars/?thema=jongeren&beschikbaar=true",
    }


def shown_on(client, connector, topic, case) -> dict[str, bool]:
    """Per route: does the person show (name present, or the page itself answers 200)?"""
    result = {}
    for name, url in routes(connector, topic, case).items():
        response = client.get(url)
        content = response.content.decode()
        assert connector.email not in content, f"e-mail address on {url}"
        if name in ("profile", "contact", "sent", "api-detail"):
            result[name] = response.status_code == 200
            assert response.status_code in (200, 404), url
        else:
            result[name] = connector.name in content
    return result


@pytest.mark.parametrize("user", [None, "editor", "member"])
@pytest.mark.parametrize("state", ["none", "given", "withdrawn"])
def test_consent_matrix(client_for, world, editor, member, state, user):
    topic, case = world
    connector = ConnectorFactory(
        name="Sanne Verbinder", topics=[topic], cases=[case], consent=False
    )
    if state in ("given", "withdrawn"):
        consent_give(connector=connector, given_by="Sanne", purpose="profiel", how="e-mail")
    if state == "withdrawn":
        consent_withdraw(connector=connector)
    client = client_for({"editor": editor, "member": member}.get(user))
    shown = shown_on(client, connector, topic, case)
    # Public only with consent; for editors too (they manage profiles in the back office).
    assert set(shown.values()) == {state == "given"}, shown


def test_withdrawing_hides_at_once_everywhere(client, world):
    topic, case = world
    connector = ConnectorFactory(name="Sanne Verbinder", topics=[topic], cases=[case])
    assert all(shown_on(client, connector, topic, case).values())
    consent_withdraw(connector=connector)
    assert not any(shown_on(client, connector, topic, case).values())
