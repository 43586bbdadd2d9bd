"""Vooruit falen in a browser: axe-core at two widths on the form, its errors, the results and a
kept checklist; ticking and keeping by keyboard and mouse; and the checklist on paper."""

from __future__ import annotations

import pytest

from cases.tests.factories import CaseFactory
from forward import services
from forward.models import SavedChecklist
from kennisplatform.tests.test_browser import (
    NARROW_VIEWPORT,
    assert_no_axe_violations,
    assert_no_axe_violations_wide_and_narrow,
    sign_in,
)
from patterns.forward import plan_failure_patterns
from patterns.tests.factories import CasePatternFactory, FailurePatternFactory
from spaces.tests.factories import UserFactory
from topics.tests.factories import TopicFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PLAN = "We willen een buurtmoestuin beginnen met bewoners en de woningcorporatie."


@pytest.fixture
def world():
    TopicFactory(name="Groen in de wijk", slug="groen")
    trekkers = FailurePatternFactory(
        name="Trekkers haken af",
        slug="trekkers-haken-af",
        summary="Het hangt aan een paar mensen.",
        courses_of_action="Zoek meteen een tweede trekker\nVier kleine successen",
    )
    geld = FailurePatternFactory(
        name="Geld op, tuin dicht",
        slug="geld-op",
        courses_of_action="Maak een plan voor na de subsidie",
    )
    for name in ("Noord", "Zuid", "Oost", "West"):
        case = CaseFactory(
            title=f"Buurtmoestuin {name}",
            slug=f"buurtmoestuin-{name.lower()}",
            summary="Een buurtmoestuin met bewoners en de woningcorporatie.",
            outcome="mislukt",
        )
        CasePatternFactory(case=case, pattern=trekkers, avoided=name == "West")
        if name == "Oost":
            CasePatternFactory(case=case, pattern=geld)
    return {"user": UserFactory(username="planner")}


def submit_plan(page, description: str = PLAN) -> None:
    page.goto("/vooruit-falen/")
    page.get_by_label("Wat gaat u doen?").fill(description)
    page.get_by_label("Thema").select_option(label="Groen in de wijk")
    page.get_by_role("button", name="Toon wat vaak misgaat").click()
    page.wait_for_load_state()


def test_the_form(page, live_server, world):
    page.goto("/vooruit-falen/")
    assert page.get_by_role("heading", name="Vooruit falen").is_visible()
    assert_no_axe_violations_wide_and_narrow(page)


def test_the_form_with_errors(page, live_server, world):
    page.goto("/vooruit-falen/")
    page.get_by_role("button", name="Toon wat vaak misgaat").click()
    assert page.get_by_text("Beschrijf in een paar zinnen wat u gaat doen.").first.is_visible()
    assert_no_axe_violations_wide_and_narrow(page)


@pytest.mark.parametrize("signed_in", [False, True])
def test_the_results_at_two_widths(page, live_server, world, signed_in):
    if signed_in:
        sign_in(page, live_server, world["user"])
    submit_plan(page)
    assert page.get_by_role("heading", name="Trekkers haken af").is_visible()
    assert page.get_by_text("In 3 van de 4 vergelijkbare praktijkvoorbeelden").is_visible()
    assert page.get_by_role("button", name="Afdrukken").is_visible()  # script shows it
    assert page.url.endswith("/vooruit-falen/")  # nothing typed in the address
    assert_no_axe_violations(page)
    # A POST answer is not reloaded: the narrow check submits the plan again.
    page.set_viewport_size(NARROW_VIEWPORT)
    submit_plan(page)
    assert_no_axe_violations(page)


def test_ticking_and_keeping_a_checklist(page, live_server, world):
    sign_in(page, live_server, world["user"])
    submit_plan(page)
    page.get_by_label("Vier kleine successen").check()  # a checkbox, no script needed
    page.get_by_role("button", name="Bewaar op Mijn kennisplatform").click()
    page.wait_for_url("**/vooruit-falen/bewaard/*/")
    assert page.get_by_text("Uw checklist is bewaard op Mijn kennisplatform.").is_visible()
    assert page.get_by_label("Vier kleine successen").is_checked()
    assert not page.get_by_label("Zoek meteen een tweede trekker").is_checked()
    checklist = SavedChecklist.objects.get()
    assert checklist.owner == world["user"]
    assert_no_axe_violations_wide_and_narrow(page)
    page.goto("/mijn/")
    assert page.get_by_role("link", name=checklist.title).is_visible()


def display(page, selector: str) -> str:
    return page.eval_on_selector(selector, "element => getComputedStyle(element).display")


def test_the_checklist_prints_cleanly(page, live_server, world):
    sign_in(page, live_server, world["user"])
    submit_plan(page)
    page.emulate_media(media="print")
    assert display(page, ".forward-checklist") != "none"
    assert page.locator(".forward-checklist").is_visible()
    assert page.get_by_text("Zoek meteen een tweede trekker").is_visible()
    assert page.get_by_role("link", name="Buurtmoestuin Noord").first.is_visible()
    for hidden in (
        ".site-header",
        ".site-footer",
        ".forward-form",
        ".forward-cases",
        ".forward-print",
        ".forward-save .account-form__actions",
    ):
        assert display(page, hidden) == "none", hidden
    for inside_hidden in (".site-nav", ".site-search", "#aanpassen"):
        assert not page.locator(inside_hidden).first.is_visible(), inside_hidden
    # On paper a case's link is printed as its full address.
    after = page.eval_on_selector(
        ".forward-pattern__cases a", "a => getComputedStyle(a, '::after').content"
    )
    assert f"{live_server.url}/praktijkvoorbeelden/buurtmoestuin-" in after
    pdf = page.pdf()
    assert pdf.startswith(b"%PDF") and len(pdf) > 1000
    page.emulate_media(media="screen")
    assert display(page, ".forward-form") != "none"


def test_a_kept_checklist_prints_cleanly_too(page, live_server, world):
    plan = plan_failure_patterns(description=PLAN, user=world["user"])
    checklist = services.checklist_save(user=world["user"], plan=plan, description=PLAN)
    sign_in(page, live_server, world["user"])
    page.goto(checklist.get_absolute_url())
    page.emulate_media(media="print")
    assert page.locator(".forward-checklist").is_visible()
    for hidden in (".site-header", ".site-footer", ".forward-print"):
        assert display(page, hidden) == "none", hidden
    assert not page.get_by_role("button", name="Verwijder deze checklist").is_visible()
    assert not page.get_by_role("button", name="Bewaar de vinkjes").is_visible()
