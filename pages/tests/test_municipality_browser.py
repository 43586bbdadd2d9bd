"""The municipality page in a real browser: axe-core finds no WCAG 2.2 A/AA violations at 1280
and 360 px with every part shown (outcome choice, cases from the province, wijkschakelaars), and
the outcome choice works by keyboard."""

import pytest

from cases.models import Outcome
from cases.tests.factories import CaseFactory
from connectors.tests.factories import ConnectorFactory
from kennisplatform.tests.test_browser import assert_no_axe_violations_wide_and_narrow
from municipalities.models import Municipality
from topics.tests.factories import TopicFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_municipality_page(page, live_server):
    zwolle = Municipality.objects.get(cbs_code="GM0193")
    deventer = Municipality.objects.get(cbs_code="GM0150")
    topic = TopicFactory(name="Buurtpreventie", slug="buurtpreventie")
    CaseFactory(municipality=zwolle, title="Buurtkamer in Holtenbroek", topics=[topic])
    CaseFactory(
        municipality=zwolle,
        title="Buurtapp die niemand las",
        outcome=Outcome.FAILURE,
        what_went_wrong="Te veel berichten.",
    )
    CaseFactory(municipality=deventer, title="Wijkteam op de markt")
    ConnectorFactory(name="Sam Schakel", municipality=zwolle, topics=[topic])

    page.goto("/gemeenten/zwolle/")
    assert page.get_by_role("heading", name="Uit andere gemeenten in Overijssel").is_visible()
    assert page.get_by_role("heading", name="Wijkschakelaars in Zwolle").is_visible()
    assert_no_axe_violations_wide_and_narrow(page)

    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/gemeenten/zwolle/")
    page.get_by_role("link", name="Mislukt (1)").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/gemeenten/zwolle/?uitkomst=mislukt")
    assert page.get_by_role("link", name="Buurtapp die niemand las").is_visible()
    assert page.get_by_role("link", name="Buurtkamer in Holtenbroek").count() == 0
    assert_no_axe_violations_wide_and_narrow(page)
