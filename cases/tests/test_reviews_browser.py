"""The case page with a recognised intervention and the editors' list "Te controleren" in a real
headless Chromium: axe-core finds no WCAG 2.2 A/AA violations at 1280 and 390 px, and the
button "Gecontroleerd" works by keyboard."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from cases.editorial import EDITORS_GROUP
from cases.models import Case, EvidenceLevel, InterventionRelation
from cases.tests.factories import CaseFactory, InterventionDatabankFactory
from kennisplatform.tests.test_browser import (
    assert_no_axe_violations_in,
    assert_no_axe_violations_wide_and_narrow,
    sign_in,
)
from spaces.tests.factories import UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 390, "height": 844}
WIDE = {"width": 1280, "height": 900}


def test_a_case_page_with_a_recognised_intervention(page, live_server):
    case = CaseFactory(
        title="Buurtbemiddeling in Noord",
        slug="buurtbemiddeling-in-noord",
        evidence_level=EvidenceLevel.GOOD_INDICATIONS,
        intervention_databank=InterventionDatabankFactory(),
        intervention_name="Buurtbemiddeling",
        intervention_url="https://www.movisie.nl/interventie/buurtbemiddeling",
        intervention_relation=InterventionRelation.APPLIES,
        intervention_level=EvidenceLevel.GOOD_INDICATIONS,
        intervention_recognised_on=datetime.date(2021, 3, 12),
        last_reviewed_at=timezone.now(),
    )
    page.goto(f"{live_server.url}{case.get_absolute_url()}")
    assert page.get_by_role("link", name="Buurtbemiddeling", exact=True).is_visible()
    assert page.get_by_text("Laatst gecontroleerd op").is_visible()
    assert_no_axe_violations_wide_and_narrow(page)


def test_the_list_to_check_and_its_button(page, live_server):
    old = timezone.now() - datetime.timedelta(days=400)
    case = CaseFactory(title="Al lang niet gecontroleerd", last_reviewed_at=old)
    CaseFactory(title="Nooit gecontroleerd", last_reviewed_at=None)
    sign_in(page, live_server, UserFactory(groups=[Group.objects.get(name=EDITORS_GROUP)]))
    for size in (WIDE, PHONE):
        page.set_viewport_size(size)
        page.goto(f"{live_server.url}/beheer/te-controleren/")
        # Our part of the back office; Wagtail's own menus around it are Wagtail's.
        assert_no_axe_violations_in(page, "main")
    button = page.get_by_role("button", name="Gecontroleerd: Al lang niet gecontroleerd")
    button.focus()
    page.keyboard.press("Enter")
    page.get_by_text("Op de pagina staat nu de datum van vandaag.").wait_for()
    assert Case.objects.get(pk=case.pk).last_reviewed_at > old
    assert page.get_by_role("button", name="Gecontroleerd: Nooit gecontroleerd").is_visible()
    # Our list only: Wagtail's own success message fades in with a colour animation that axe
    # can catch halfway (a contrast of 3.2 in the middle of it).
    assert_no_axe_violations_in(page, ".case-review-queue")
