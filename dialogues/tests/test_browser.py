"""The dialogue report and statements page in real Chromium: axe-core at 1280 and 390 px with
every figure and table opened, and the table of contents by keyboard."""

from pathlib import Path

import pytest
from django.core.management import call_command

from dialogues.importers import StatementData
from dialogues.models import Dialogue
from dialogues.tests.factories import make_dialogue
from kennisplatform.tests.test_browser import assert_no_axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
POLIS = Path(__file__).parent / "data" / "polis" / "london.youth.policing"
WIDTHS = (1280, 390)


@pytest.fixture
def dialogues():
    call_command("import_dialogue", str(POLIS), format="polis", publish=True, verbosity=0)
    workbook = make_dialogue(
        statements=[
            StatementData(1, "#Advies: ga de wijk in.", 30, 2, 1, "Vertrouwen"),
            StatementData(1, "#Barrière is de regelgeving.", 9, 7, 9, "Lange adem"),
            StatementData(2, "Financiering is te versnipperd.", 25, 1, 0),
        ]
    )
    return {"polis": Dialogue.objects.get(source="polis"), "workbook": workbook}


def open_everything(page) -> None:
    """Open every <details>, so axe checks the tables and figures inside too."""
    page.evaluate("() => document.querySelectorAll('details').forEach(d => d.open = true)")


@pytest.mark.parametrize(
    "name, path",
    [("polis", ""), ("workbook", ""), ("workbook", "stellingen/?sorteer=verdeeld&vraag=1")],
)
def test_report_and_statements_have_no_wcag_violations(page, dialogues, name, path):
    url = dialogues[name].get_absolute_url() + path
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        assert page.goto(url).status == 200
        open_everything(page)
        assert_no_axe_violations(page)


def test_the_table_of_contents_jumps_to_each_section_by_keyboard(page, dialogues):
    page.goto(dialogues["polis"].get_absolute_url())
    links = page.locator("nav.toc a")
    targets = [links.nth(n).get_attribute("href") for n in range(links.count())]
    assert targets[0] == "#groepen" and "#over-de-cijfers" in targets
    # Tab from the top of the page until the first link of the contents has focus.
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.closest('nav.toc') !== null"):
            break
    else:
        pytest.fail("The table of contents cannot be reached with Tab")
    for n, target in enumerate(targets):
        if n:
            page.keyboard.press("Tab")
        assert page.evaluate("() => document.activeElement.getAttribute('href')") == target
        page.keyboard.press("Enter")
        page.wait_for_function(f"() => location.hash === '{target}'")
        heading = page.locator(target)
        box = heading.bounding_box()
        assert box is not None and -2 <= box["y"] < 900, target  # subpixel scrolling
        # Back to the contents for the next link, as a keyboard user would.
        page.locator("nav.toc a").nth(n).focus()


def test_the_import_confirmation_page_has_no_wcag_violations(page, live_server):
    """After an import the editor lands on our page in the back office: axe on our part of it
    (not Wagtail's menus around it), wide and narrow, and the review step by keyboard."""
    from django.contrib.auth.models import Group

    from cases.editorial import FINAL_EDITORS_GROUP
    from dialogues.services import dialogue_import
    from dialogues.tests.factories import dialogue_data
    from kennisplatform.tests.test_browser import assert_no_axe_violations_in, sign_in
    from spaces.tests.factories import UserFactory

    draft = dialogue_import(data=dialogue_data(), live=False)
    sign_in(page, live_server, UserFactory(groups=[Group.objects.get(name=FINAL_EDITORS_GROUP)]))
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        assert page.goto(f"{live_server.url}/beheer/dialogen/importeren/{draft.pk}/").status == 200
        page.get_by_text("Concept aangemaakt").wait_for()
        assert_no_axe_violations_in(page, "main")
    page.get_by_role("button", name="Ter beoordeling aanbieden").focus()
    page.keyboard.press("Enter")
    page.get_by_text("is ter beoordeling aangeboden").first.wait_for()
    draft.refresh_from_db()
    assert draft.workflow_in_progress and not draft.live
