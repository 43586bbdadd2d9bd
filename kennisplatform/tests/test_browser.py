"""Browser and accessibility tests in a real headless Chromium.

- axe-core finds no WCAG 2.2 A/AA violations on any public page;
- a visitor can find, filter and open a case with the keyboard alone, and sees where focus is;
- the language switch in the footer works with the keyboard.

The live server runs in a thread and sees the test's data, so these tests use a transactional
database. `serialized_rollback` restores the seeded topics, domains and target groups for each test
and leaves them in place for any test that runs later.
"""

from collections.abc import Callable

import pytest
from axe_playwright_python.sync_playwright import Axe

from cases.models import Domain, EvidenceLevel, Outcome, TargetGroup
from cases.tests.factories import CaseFactory
from municipalities.tests.factories import MunicipalityFactory
from topics.tests.factories import TopicFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
MAX_TAB_PRESSES = 60
NARROW_VIEWPORT = {"width": 360, "height": 740}


@pytest.fixture
def content():
    """Successes and failures with municipalities, sharing topics and tags (so related cases)."""
    utrecht = MunicipalityFactory(name="Utrecht", slug="utrecht", cbs_code="GM0344")
    zwolle = MunicipalityFactory(name="Zwolle", slug="zwolle", cbs_code="GM0193")
    safety = TopicFactory(slug="veiligheid")  # seeded by a migration
    youth = TopicFactory(slug="jongeren")
    working_together = TopicFactory(slug="integraal-samenwerken")
    police = Domain.objects.get(slug="politie")
    residents = Domain.objects.get(slug="bewoners")
    young_people = TargetGroup.objects.get(slug="jongeren")

    success = CaseFactory(
        title="Buurtpreventie-app brengt bewoners en wijkagent samen",
        summary="Een appgroep per straat maakte overlast snel bespreekbaar.",
        outcome=Outcome.SUCCESS,
        municipality=utrecht,
        neighbourhoods="Kanaleneiland, Overvecht",
        period_start=2019,
        period_end=2022,
        evidence_level=EvidenceLevel.WELL_DESCRIBED,
        results="Minder meldingen van overlast.\n\nMeer contact tussen buren.",
        what_worked="Een vaste wijkagent die zelf in de groep zat.",
        lessons="Begin klein, met één straat.",
        courses_of_action="Spreek vooraf huisregels af.\nWijs een beheerder aan.",
        topics=[safety, working_together],
        domains=[police, residents],
        target_groups=[young_people],
        tags=["buurtpreventie", "samenwerking"],
    )
    CaseFactory(
        title="Straatcoaches in de avonduren",
        outcome=Outcome.SUCCESS,
        municipality=zwolle,
        topics=[safety, youth],
        tags=["samenwerking"],
    )
    failure = CaseFactory(
        title="Jongerenpunt sloot na één jaar",
        summary="Een ontmoetingsplek voor jongeren verdween toen de subsidie stopte.",
        outcome=Outcome.FAILURE,
        municipality=utrecht,
        what_went_wrong="De financiering liep maar één jaar.\n\nNiemand was eigenaar.",
        courses_of_action="Regel financiering voor minstens drie jaar.\nMaak één partij eigenaar.",
        topics=[youth, safety],
        domains=[residents],
        target_groups=[young_people],
        tags=["samenwerking", "financiering"],
    )
    CaseFactory(
        title="Wijkteam zonder mandaat",
        outcome=Outcome.FAILURE,
        municipality=zwolle,
        topics=[working_together],
        tags=["samenwerking"],
    )
    CaseFactory(
        title="Gemengde ervaring met cameratoezicht",
        outcome=Outcome.MIXED,
        municipality=zwolle,
        topics=[safety],
    )
    from dialogues.tests.factories import make_dialogue

    dialogue = make_dialogue(counts_are_illustrative=True)
    from connectors.tests.factories import ConnectorFactory

    connector = ConnectorFactory(
        name="Sanne Verbinder",
        municipality=utrecht,
        topics=[youth, safety],
        cases=[failure],
        mandate="Mag budget uit het wijkfonds toekennen.",
        bio="Werkt al tien jaar met jongeren op straat.",
        is_example=True,
    )
    return {
        "success": success,
        "failure": failure,
        "topic": safety,
        "municipality": utrecht,
        "dialogue": dialogue,
        "connector": connector,
    }


# --- axe -------------------------------------------------------------------------------------


def describe_violations(violations: list[dict]) -> str:
    """One block per violated rule: what it is, how bad, and where to look first."""
    lines = [f"{len(violations)} axe violation(s):"]
    for violation in violations:
        nodes = violation["nodes"]
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']} "
            f"[{len(nodes)} element(s)] {violation['helpUrl']}"
        )
        for node in nodes[:3]:
            target = " ".join(str(part) for part in node["target"])
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    at {target}: {summary}")
        if len(nodes) > 3:
            lines.append(f"    ... and {len(nodes) - 3} more")
    return "\n".join(lines)


def axe_violations(page) -> list[dict]:
    results = Axe().run(
        page,
        options={
            "runOnly": {"type": "tag", "values": WCAG_TAGS},
            "resultTypes": ["violations"],
        },
    )
    return results.response["violations"]


def assert_no_axe_violations(page) -> None:
    violations = axe_violations(page)
    size = page.viewport_size or {}
    where = f"{page.url} at {size.get('width')}x{size.get('height')} px"
    if violations:
        pytest.fail(f"{where}\n{describe_violations(violations)}")


def assert_no_axe_violations_wide_and_narrow(page) -> None:
    """Check the page as loaded, then again on a phone-sized screen (reflow, target size)."""
    assert_no_axe_violations(page)
    page.set_viewport_size(NARROW_VIEWPORT)
    page.reload()
    assert_no_axe_violations(page)


PAGES: dict[str, Callable[[dict], str]] = {
    "home": lambda c: "/",
    "case-list": lambda c: "/praktijkvoorbeelden/",
    "case-list-filtered": lambda c: (
        f"/praktijkvoorbeelden/?uitkomst=mislukt&thema={c['topic'].slug}&gemeente=utrecht"
    ),
    "case-list-no-results": lambda c: "/praktijkvoorbeelden/?q=xyzxyz",
    "case-success": lambda c: c["success"].get_absolute_url(),
    "case-failure": lambda c: c["failure"].get_absolute_url(),
    "topic-list": lambda c: "/themas/",
    "topic-detail": lambda c: c["topic"].get_absolute_url(),
    "municipality-list": lambda c: "/gemeenten/",
    "municipality-detail": lambda c: c["municipality"].get_absolute_url(),
    "not-found": lambda c: "/bestaat-niet/",
    "search-results": lambda c: "/zoeken/?q=overlast",
    "search-filtered": lambda c: "/zoeken/?q=jongeren&uitkomst=mislukt",
    "search-no-results": lambda c: "/zoeken/?q=xyzxyz",
    "search-corrected": lambda c: "/zoeken/?q=wijkagnt",
    "search-statements": lambda c: "/zoeken/?q=financiering",
    "search-connectors": lambda c: "/zoeken/?q=sanne",
    "connector-list": lambda c: "/wijkschakelaars/?gemeente=utrecht",
    "connector-profile": lambda c: c["connector"].get_absolute_url(),
    "connector-contact": lambda c: f"{c['connector'].get_absolute_url()}contact/",
    "connector-sent": lambda c: f"{c['connector'].get_absolute_url()}contact/verzonden/",
    "dialogue-list": lambda c: "/dialogen/",
    "dialogue-report": lambda c: c["dialogue"].get_absolute_url(),
    "dialogue-statements": lambda c: f"{c['dialogue'].get_absolute_url()}stellingen/?niveau=top",
    "dialogue-statements-none": lambda c: (
        f"{c['dialogue'].get_absolute_url()}stellingen/?tekst=xyzxyz"
    ),
}


@pytest.mark.parametrize("name", PAGES)
def test_page_has_no_wcag_violations(page, content, name):
    response = page.goto(PAGES[name](content))
    expected_status = 404 if name == "not-found" else 200
    assert response.status == expected_status, f"{page.url} answered {response.status}"
    if name == "case-failure":
        # The failure's page shows the related cases, so axe checks that part too.
        assert page.locator(".related__list li").count() >= 2
    if name == "case-list-no-results":
        assert page.get_by_text("Geen praktijkvoorbeelden gevonden").is_visible()
    if name in ("search-results", "search-filtered"):
        # Results with highlighted words and facets, so axe checks those too.
        assert page.locator(".snippet mark").count() >= 1
        assert page.locator("fieldset.facet").count() >= 2
    if name == "search-no-results":
        assert page.get_by_text("Niets gevonden.").is_visible()
    if name == "search-corrected":  # the results of the correction, a link to the words typed
        assert page.get_by_text("Resultaten voor").is_visible()
    if name == "search-connectors":
        assert page.get_by_role("link", name="Sanne Verbinder").is_visible()
    if name == "search-statements":
        assert page.get_by_text("Uit dialogen").is_visible()
    if name == "dialogue-report":
        # Clusters, a poll chart with its table and the polarising statements, for axe.
        # The poll, and a figure per question (in a closed <details>).
        assert page.locator("svg.chart__svg").count() == 3
        # The poll's table (2 answers) and the figures' tables (3 statements per question).
        assert page.locator(".chart__table tbody tr").count() == 2 + 3 + 3
        assert page.get_by_role("heading", name="Hierover verschillen de meningen").is_visible()
    assert_no_axe_violations_wide_and_narrow(page)


def test_api_reference_has_no_wcag_violations(page):
    """The third-party Redoc page, through our override of drf-spectacular's template
    (templates/drf_spectacular/redoc.html): without it axe reports html-has-lang and
    target-size."""
    response = page.goto("/api/v1/docs")
    assert response.status == 200
    # Redoc renders in the browser from the OpenAPI document: wait until it has.
    page.get_by_role("heading", level=1, name="Kennisplatform Wijkaanpak API").wait_for()
    page.locator("text=Response samples").first.wait_for()
    page.wait_for_load_state("networkidle")
    assert_no_axe_violations(page)


# --- keyboard --------------------------------------------------------------------------------


def active_element(page) -> dict:
    """What has focus, described well enough to match on and to show in a failure message."""
    return page.evaluate(
        """() => {
            const el = document.activeElement || document.body;
            const style = getComputedStyle(el);
            const box = el.getBoundingClientRect();
            return {
                tag: el.tagName.toLowerCase(),
                id: el.id,
                type: el.getAttribute("type") || "",
                href: el.getAttribute("href") || "",
                text: (el.innerText || el.value || "").trim().slice(0, 80),
                checked: el.checked === true,
                outlineStyle: style.outlineStyle,
                outlineWidth: parseFloat(style.outlineWidth),
                boxShadow: style.boxShadow,
                inViewport: box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0
                    && box.left < window.innerWidth && box.top < window.innerHeight,
            };
        }"""
    )


def tab_until(page, matches: Callable[[dict], bool], what: str, backwards: bool = False) -> dict:
    """Press Tab (or Shift+Tab) until the focused element matches; fail after a bounded number."""
    key = "Shift+Tab" if backwards else "Tab"
    visited = []
    for _ in range(MAX_TAB_PRESSES):
        page.keyboard.press(key)
        focused = active_element(page)
        if matches(focused):
            return focused
        visited.append(
            f"{focused['tag']}#{focused.get('id', '')} {focused.get('text', '')!r}".strip()
        )
    raise AssertionError(
        f"{what} not reached with {MAX_TAB_PRESSES} x {key} on {page.url}; focus went to:\n"
        + "\n".join(visited)
    )


def assert_focus_visible(focused: dict) -> None:
    assert focused["inViewport"], f"focused element is off-screen: {focused}"
    assert focused["outlineStyle"] != "none" and focused["outlineWidth"] >= 2, (
        f"focused element has no visible outline: {focused}"
    )


def test_keyboard_only_find_filter_and_open_a_case(page, content):
    failure = content["failure"]
    page.goto("/")

    # The skip link is the first Tab stop: hidden until it has focus, then visible.
    box = page.locator("a.skip-link").bounding_box()
    assert box["x"] + box["width"] <= 0, f"the skip link is on screen before it has focus: {box}"
    page.keyboard.press("Tab")
    focused = active_element(page)
    assert focused["tag"] == "a" and focused["href"] == "#inhoud", (
        f"first Tab stop is not the skip link: {focused}"
    )
    assert_focus_visible(focused)

    focused = tab_until(
        page,
        lambda el: el["tag"] == "a" and el["href"] == "/praktijkvoorbeelden/",
        "the 'Praktijkvoorbeelden' link in the main menu",
    )
    assert_focus_visible(focused)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/praktijkvoorbeelden/")

    # The skip link moves focus past the header into the main content.
    page.keyboard.press("Tab")
    assert active_element(page)["href"] == "#inhoud"
    page.keyboard.press("Enter")
    assert active_element(page)["id"] == "inhoud", "the skip link did not move focus to <main>"

    # Filter on outcome 'mislukt': Space ticks the box, Enter on the button submits the form.
    focused = tab_until(
        page, lambda el: el["id"] == "f-uitkomst-mislukt", "the 'Mislukt' filter checkbox"
    )
    assert_focus_visible(focused)
    assert not focused["checked"]
    page.keyboard.press("Space")
    assert active_element(page)["checked"], "Space did not tick the checkbox"
    focused = tab_until(
        page,
        lambda el: el["tag"] == "button" and el["text"] == "Toon resultaten",
        "the filter form's 'Toon resultaten' button",
    )
    assert_focus_visible(focused)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "uitkomst=mislukt" in page.url
    assert page.locator("#f-uitkomst-mislukt").is_checked()
    assert page.locator(".case-card").count() == 2  # only the two failures

    focused = tab_until(
        page,
        lambda el: el["tag"] == "a" and el["href"] == failure.get_absolute_url(),
        f"the link to {failure.title!r}",
    )
    assert_focus_visible(focused)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("h1").inner_text() == failure.title

    # Shift+Tab goes back through the page as well: from the main menu back to the skip link.
    page.keyboard.press("Tab")
    assert active_element(page)["href"] == "#inhoud"
    tab_until(page, lambda el: el["href"] == "/themas/", "the 'Thema's' menu link")
    focused = tab_until(
        page, lambda el: el["href"] == "#inhoud", "the skip link, backwards", backwards=True
    )
    assert_focus_visible(focused)


def test_language_switch_works_with_the_keyboard(page):
    page.goto("/themas/")
    assert page.locator("html").get_attribute("lang") == "nl"

    focused = tab_until(page, lambda el: el["id"] == "language-select", "the language select")
    assert_focus_visible(focused)
    # A closed <select> takes type-ahead: typing the option's first letter selects it.
    page.keyboard.type("E")
    assert page.locator("#language-select").input_value() == "en"
    focused = tab_until(
        page,
        lambda el: el["tag"] == "button" and el["text"] == "Kies taal",
        "the 'Kies taal' button",
    )
    assert_focus_visible(focused)
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert page.locator("html").get_attribute("lang") == "en"
    assert page.url.endswith("/themas/"), "the switch should return to the same page"


def test_search_box_suggests_as_you_type(page, content):
    page.goto("/")
    page.locator("#site-search-q").press_sequentially("Buurtprev", delay=30)
    options = page.locator("#site-search-suggestions option")
    options.first.wait_for(state="attached")
    # The word completed first, then titles.
    values = [option.get_attribute("value") for option in options.all()]
    assert values[0] == "buurtpreventie"
    assert content["success"].title in values
    # The form itself needs no script: Enter searches.
    page.keyboard.press("Enter")
    page.wait_for_url("**/zoeken/?q=Buurtprev*")


def sign_in(page, live_server, user) -> None:
    """Give the browser a session of `user` (as logging in would)."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": session.session_key,
                "url": live_server.url,
            }
        ]
    )


def test_dialogue_import_pages_have_no_wcag_violations(page, live_server, tmp_path, settings):
    """The import form, its errors and the preview: our part of the back office."""
    from django.contrib.auth.models import Group

    from cases.editorial import FINAL_EDITORS_GROUP
    from dialogues.tests.factories import WORKBOOK, write_xlsx
    from spaces.tests.factories import UserFactory

    settings.MEDIA_ROOT = tmp_path / "media"
    sign_in(page, live_server, UserFactory(groups=[Group.objects.get(name=FINAL_EDITORS_GROUP)]))
    main = "main"  # the page's own content, not Wagtail's menus around it
    page.goto("/beheer/dialogen/importeren/")
    assert_no_axe_violations_in(page, main)
    # A broken file: the errors.
    broken = tmp_path / "kapot.xlsx"
    broken.write_text("geen werkmap", encoding="utf-8")
    page.set_input_files("input[type=file]", str(broken))
    page.get_by_role("button", name="Inlezen en controleren").click()
    page.get_by_text("Het bestand is niet ingelezen").wait_for()
    assert_no_axe_violations_in(page, main)
    # A good file: the preview.
    page.set_input_files("input[type=file]", str(write_xlsx(tmp_path / "goed.xlsx", WORKBOOK)))
    page.get_by_role("button", name="Inlezen en controleren").click()
    page.get_by_text("Controleer wat er uit goed.xlsx wordt geïmporteerd").wait_for()
    assert_no_axe_violations_in(page, main)
    page.get_by_role("button", name="Importeren").click()
    # A draft: the editor lands on a page in the back office that says what happened.
    page.get_by_text("Concept aangemaakt").wait_for()
    assert_no_axe_violations_in(page, main)


def assert_no_axe_violations_in(page, selector: str) -> None:
    results = Axe().run(
        page,
        context={"include": [[selector]]},
        options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]},
    )
    violations = results.response["violations"]
    if violations:
        pytest.fail(f"{page.url} ({selector})\n{describe_violations(violations)}")


@pytest.fixture
def ratelimit_counters_cleared():
    """The rate limit's counters live in a table that a transactional test does not empty."""
    from django.core.cache import caches

    caches["ratelimit"].clear()
    yield
    caches["ratelimit"].clear()


def test_contact_form_errors_and_sending_by_keyboard(page, content, ratelimit_counters_cleared):
    """The form's errors are announced and fixable by keyboard; axe checks both states."""
    page.goto(f"{content['connector'].get_absolute_url()}contact/")
    page.get_by_label("Uw naam").fill("Jan")
    page.get_by_label("Uw e-mailadres").fill("geen-adres")
    page.get_by_label("Uw vraag of bericht").fill("kort")
    page.get_by_role("button", name="Verstuur").press("Enter")
    page.get_by_text("Het bericht is niet verstuurd").wait_for()
    assert_no_axe_violations_wide_and_narrow(page)
    page.get_by_label("Uw e-mailadres").fill("jan@example.org")
    page.get_by_label("Uw vraag of bericht").fill("Kunt u ons helpen met het plein?")
    page.get_by_role("button", name="Verstuur").press("Enter")
    page.get_by_role("heading", name="Uw bericht is verstuurd").wait_for()


# --- the back office under its Content-Security-Policy -------------------------------------


def watch_csp_violations(page) -> list[str]:
    """Every Content-Security-Policy violation the browser reports, in the page or in a frame."""
    violations: list[str] = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.add_init_script(
        """document.addEventListener("securitypolicyviolation", (event) => {
            const what = `${event.violatedDirective} ${event.blockedURI}`;
            console.error(`Content Security Policy: ${what}`);
        });"""
    )
    return violations


def test_the_back_office_works_under_its_content_security_policy(page):
    """Login, dashboard and the case editor with its preview panel: Wagtail's scripts run and
    the browser reports no violation of the policy (two-factor is off in tests, see conftest)."""
    from django.contrib.auth.models import Group

    from cases.editorial import EDITORS_GROUP
    from spaces.tests.factories import UserFactory

    UserFactory(
        username="redacteur",
        password="Geheim-wachtwoord-1",
        groups=[Group.objects.get(name=EDITORS_GROUP)],
    )
    violations = watch_csp_violations(page)

    # The back office's login address leads to the one login of the site.
    page.goto("/beheer/login/")
    page.locator("#id_login").fill("redacteur@example.org")
    page.locator("#id_password").fill("Geheim-wachtwoord-1")
    page.get_by_role("button", name="Inloggen").click()
    page.goto("/beheer/")
    # Wagtail's Stimulus application started: its script ran.
    page.wait_for_function("() => window.wagtail && window.wagtail.app")
    # The sidebar is drawn by Wagtail's React code.
    page.locator("#wagtail-sidebar:not(.sidebar-loading) nav").first.wait_for(state="attached")

    page.goto("/beheer/snippets/cases/case/add/")
    page.locator("#id_title").fill("Voorbeeld in het zijpaneel")
    # (The editor's inline panels start with inline scripts: blocked, they would be reported.)
    # The live preview shows the public page in its frame.
    page.locator("[data-side-panel-toggle=preview]").click()
    frame = page.frame_locator("#w-preview-iframe")
    frame.get_by_role("heading", name="Voorbeeld in het zijpaneel").wait_for()

    assert violations == []
