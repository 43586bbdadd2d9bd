"""Sharing a practice case in a real browser: axe-core finds no WCAG 2.2 A/AA violations at 1280
and 360 px on the form (empty and with errors), the confirmation, the member's section on /mijn/
and the page to change a case the editors sent back; and the form works without JavaScript."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import WorkflowState

from cases.editorial import FINAL_EDITORS_GROUP
from cases.models import Case, Outcome
from cases.submissions import submit_case
from kennisplatform.tests.test_browser import (
    assert_no_axe_violations,
    assert_no_axe_violations_wide_and_narrow,
    sign_in,
)
from spaces.models import Space
from spaces.tests.factories import MembershipFactory, SpaceFactory, UserFactory
from topics.tests.factories import TopicFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def sharer(db):
    space = SpaceFactory(
        name="Intervisie mislukkingen", slug="intervisie", visibility=Space.Visibility.CLOSED
    )
    user = UserFactory(username="sanne", first_name="Sanne", last_name="Schrijfster")
    MembershipFactory(space=space, user=user)
    TopicFactory(name="Inbraakpreventie", slug="inbraakpreventie")
    return user


def test_share_form_empty_and_with_errors(page, live_server, sharer):
    sign_in(page, live_server, sharer)
    page.goto("/praktijkvoorbeelden/delen/")
    assert page.get_by_role("heading", name="Deel een praktijkvoorbeeld", exact=True).is_visible()
    assert_no_axe_violations_wide_and_narrow(page)

    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/praktijkvoorbeelden/delen/?uitkomst=mislukt")
    page.get_by_label("Titel").fill("Buurtpreventie-app die niemand gebruikte")
    page.get_by_label("Anoniem delen met de andere leden").check()
    page.get_by_role("button", name="Praktijkvoorbeeld versturen").click()
    summary = page.get_by_role("alert")
    summary.get_by_text("Uw praktijkvoorbeeld is nog niet verstuurd").wait_for()
    assert summary.get_by_role("link", name="Samenvatting: Schrijf een korte samenvatting.")
    assert summary.get_by_text("Anoniem delen kan alleen in een besloten ruimte").count() == 1
    assert_no_axe_violations(page)
    # The summary's links lead to the field.
    summary.get_by_role("link", name="Samenvatting: Schrijf een korte samenvatting.").click()
    assert page.evaluate("document.activeElement.id") == "id_summary"
    page.set_viewport_size({"width": 360, "height": 740})
    assert_no_axe_violations(page)
    assert not Case.objects.exists()


def test_sharing_without_javascript_and_the_confirmation(chromium, live_server, sharer):
    context = chromium.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    try:
        sign_in(page, live_server, sharer)
        page.goto("/praktijkvoorbeelden/delen/?uitkomst=mislukt")
        page.get_by_label("Titel").fill("Buurtpreventie-app die niemand gebruikte")
        page.get_by_label("Samenvatting").fill("Een app die bewoners niet gebruikten.")
        page.get_by_label("Wat ging er mis?").fill("We vroegen bewoners niets.")
        page.get_by_label("Inbraakpreventie").check()
        page.get_by_role("button", name="Praktijkvoorbeeld versturen").click()
        page.get_by_role("heading", name="Dank u, uw praktijkvoorbeeld is verstuurd").wait_for()
    finally:
        context.close()
    case = Case.objects.get()
    assert case.outcome == Outcome.FAILURE and not case.live


def test_confirmation_page(page, live_server, sharer):
    case = submit_case(
        user=sharer,
        data={
            "title": "Buurtbudget bij de luidste bewoners",
            "summary": "Het budget ging naar wie het hardst riep.",
            "outcome": Outcome.MIXED,
            "what_went_wrong": "Stille bewoners deden niet mee.",
            "credit_submitter": True,
        },
    )
    sign_in(page, live_server, sharer)
    page.goto(f"/praktijkvoorbeelden/delen/{case.pk}/verstuurd/")
    assert_no_axe_violations_wide_and_narrow(page)


def test_my_submissions_and_the_changes_page(page, live_server, sharer):
    final_editor = UserFactory(groups=[Group.objects.get(name=FINAL_EDITORS_GROUP)])
    case = submit_case(
        user=sharer,
        data={
            "title": "Buurtbudget bij de luidste bewoners",
            "summary": "Het budget ging naar wie het hardst riep.",
            "outcome": Outcome.MIXED,
            "what_went_wrong": "Stille bewoners deden niet mee.",
        },
    )
    submit_case(
        user=sharer,
        data={"title": "Spreekuur in de bibliotheek", "summary": "Kort.", "outcome": "geslaagd"},
    )
    WorkflowState.objects.get(object_id=str(case.pk)).current_task_state.reject(
        user=final_editor, comment="Noem ook wat de wijkagent ervan vond."
    )
    sign_in(page, live_server, sharer)
    page.goto("/mijn/")
    section = page.locator("section", has=page.get_by_role("heading", name="Mijn gedeelde"))
    assert section.get_by_text("Noem ook wat de wijkagent ervan vond.").is_visible()
    assert section.get_by_text("Wijzigingen gevraagd").is_visible()
    assert_no_axe_violations_wide_and_narrow(page)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"/praktijkvoorbeelden/delen/{case.pk}/")
    assert page.get_by_label("Wat ging er mis?").input_value() == "Stille bewoners deden niet mee."
    assert_no_axe_violations_wide_and_narrow(page)
