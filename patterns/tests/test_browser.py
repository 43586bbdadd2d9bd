"""Browser and accessibility tests for the failure patterns: axe-core at two widths on the list,
a pattern's page, a case page naming its patterns, and the share form with its suggestions."""

import pytest

from cases.models import Outcome
from cases.tests.factories import CaseFactory
from dialogues.tests.factories import make_dialogue
from discussions.tests.factories import DiscussionFactory
from kennisplatform.tests.test_browser import assert_no_axe_violations_wide_and_narrow, sign_in
from patterns.tests.factories import CasePatternFactory, FailurePatternFactory
from spaces.models import Space
from spaces.tests.factories import SpaceFactory, UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def world():
    pattern = FailurePatternFactory(
        name="Projectgeld stopt voordat het werk geworteld is",
        slug="projectgeld-stopt-te-vroeg",
        summary="Het geld stopt voordat er een vaste plek of partner voor het werk is.",
        description="Een project draait drie jaar.\n\nDaarna betaalt niemand.",
        signs="Geen plan voor na het project\nHet geld moet elk jaar opnieuw worden aangevraagd",
        courses_of_action="Spreek bij de start af wie daarna betaalt\nBegin met een vaste partner",
    )
    FailurePatternFactory(name="Steeds andere gezichten", slug="steeds-andere-gezichten")
    failure = CaseFactory(title="Buurthuis dicht na einde projectgeld", outcome=Outcome.FAILURE)
    success = CaseFactory(title="Buurtkamer met vaste partner", outcome=Outcome.SUCCESS)
    CasePatternFactory(case=failure, pattern=pattern)
    CasePatternFactory(case=success, pattern=pattern, avoided=True)
    pattern.statements.set(make_dialogue(title="Dialoog 2020").statements.all()[:2])
    network = SpaceFactory(name="Netwerk", slug="netwerk", visibility=Space.Visibility.PUBLIC)
    pattern.discussions.set([DiscussionFactory(space=network, title="Wie betaalt na het project?")])
    return {"pattern": pattern, "failure": failure, "success": success}


def test_the_pattern_list(page, live_server, world):
    page.goto("/faalpatronen/")
    link = page.get_by_role("link", name=world["pattern"].name)
    assert link.is_visible()
    assert (
        page.get_by_role("navigation", name="Hoofdmenu")
        .get_by_role("link", name="Faalpatronen")
        .get_attribute("aria-current")
        == "page"
    )
    assert_no_axe_violations_wide_and_narrow(page)


def test_a_pattern_page(page, live_server, world):
    page.goto(world["pattern"].get_absolute_url())
    assert page.get_by_role("heading", name="Wat u kunt doen").is_visible()
    assert page.get_by_role("link", name=world["failure"].title).is_visible()
    assert page.get_by_role("link", name=world["success"].title).is_visible()
    assert page.get_by_role("link", name="Wie betaalt na het project?").is_visible()
    assert_no_axe_violations_wide_and_narrow(page)


def test_a_case_page_names_its_pattern(page, live_server, world):
    page.goto(world["failure"].get_absolute_url())
    page.get_by_role("link", name=world["pattern"].name).click()
    page.wait_for_url(f"**{world['pattern'].get_absolute_url()}")
    page.goto(world["success"].get_absolute_url())
    assert page.get_by_text("Vermeden", exact=True).is_visible()
    assert_no_axe_violations_wide_and_narrow(page)


def test_the_share_form_with_pattern_suggestions(page, live_server, world):
    sign_in(page, live_server, UserFactory(username="deler"))
    page.goto("/praktijkvoorbeelden/delen/?uitkomst=mislukt")
    group = page.get_by_role("group", name="Herkent u een faalpatroon?")
    group.get_by_role("checkbox", name="Projectgeld stopt voordat het werk geworteld is").check()
    assert_no_axe_violations_wide_and_narrow(page)
