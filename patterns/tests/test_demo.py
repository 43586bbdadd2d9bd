"""The demo failure patterns that `manage.py load_demo` loads and attaches."""

import pytest
from django.core.management import call_command
from wagtail.models import Revision

from cases.models import Case, Outcome
from patterns.models import CasePattern, FailurePattern

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(tmp_path, settings, monkeypatch):
    from kennisplatform.management.commands import load_demo

    monkeypatch.setattr(load_demo, "DEMO_LOGIN_FILE", tmp_path / "demo-login.txt")
    settings.DEBUG = True
    call_command("load_demo")


def test_every_demo_failure_carries_a_pattern_and_each_pattern_page_lists_its_cases(demo, client):
    patterns = list(FailurePattern.objects.all())
    assert 6 <= len(patterns) <= 8
    for pattern in patterns:
        assert 3 <= len(pattern.sign_list) <= 5, pattern.name
        assert 3 <= len(pattern.action_list) <= 5, pattern.name
    failures = Case.objects.filter(is_example=True, outcome__in=[Outcome.FAILURE, Outcome.MIXED])
    assert failures.count() >= 8
    for case in failures:
        assert case.pattern_links.filter(avoided=False).exists(), case.title
        # In the published revision too, so an editor's next edit keeps them.
        assert case.live_revision.as_object().pattern_links.exists(), case.title
    avoided = CasePattern.objects.filter(avoided=True).select_related("case")
    assert avoided and all(link.case.outcome == Outcome.SUCCESS for link in avoided)
    public = Case.objects.filter(live=True, space__isnull=True)
    for pattern in patterns:
        response = client.get(pattern.get_absolute_url())
        assert response.status_code == 200
        shown = {c.title for c in response.context["page"]} | {
            c.title for c in response.context["avoided"]
        }
        expected = set(
            public.filter(pattern_links__pattern=pattern).values_list("title", flat=True)
        )
        assert expected and shown == expected, pattern.name
    # The dialogue's statements and a discussion are linked too; the closed one stays hidden.
    assert FailurePattern.objects.filter(statements__isnull=False).distinct().count() == 7
    page = client.get("/faalpatronen/een-partij-ontbreekt-aan-tafel/").content.decode()
    assert "Buurtbudget dat bij de luidste bewoners belandde" not in page
    assert "Bewonersavond die verkeerd viel" not in page


def test_loading_the_demo_again_changes_no_pattern(demo, capsys):
    before = (
        list(CasePattern.objects.values_list("case", "pattern", "avoided").order_by("pk")),
        Revision.objects.count(),
        list(FailurePattern.objects.values_list("updated_at", flat=True)),
    )
    call_command("load_demo")
    after = (
        list(CasePattern.objects.values_list("case", "pattern", "avoided").order_by("pk")),
        Revision.objects.count(),
        list(FailurePattern.objects.values_list("updated_at", flat=True)),
    )
    assert after == before
    assert "Faalpatronen: 0 nieuw; 0 praktijkvoorbeelden kregen faalpatronen" in (
        capsys.readouterr().out
    )
