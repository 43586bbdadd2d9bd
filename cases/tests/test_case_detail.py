"""The case page: sections, outcome at a glance, stable URL, Open Graph, related cases."""

import pytest
from django.test import RequestFactory

from cases.models import Case, CaseSlugRedirect, EvidenceLevel, Outcome
from cases.tests.factories import CaseFactory
from patterns.tests.factories import CasePatternFactory, FailurePatternFactory
from topics.tests.factories import TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def failure():
    return CaseFactory(
        title="Buurthuis dicht na projectgeld",
        outcome=Outcome.FAILURE,
        summary="Het buurthuis ging dicht toen het geld op was.",
        context="Er was geen ontmoetingsplek.",
        what_went_wrong="Er was geen plan voor na het project.",
        courses_of_action="Regel de financiering vooraf.\nBundel budgetten.",
        evidence_level=EvidenceLevel.WELL_FOUNDED,
        neighbourhoods="Noord, Zuid",
        period_start=2016,
        period_end=2019,
        is_example=True,
    )


def test_failure_puts_what_went_wrong_and_actions_first(client, failure):
    html = client.get(failure.get_absolute_url()).content.decode()
    assert html.index("Wat ging mis") < html.index("Aanleiding")
    assert "Er was geen plan voor na het project." in html
    assert "<li>Regel de financiering vooraf.</li>" in html
    assert "<li>Bundel budgetten.</li>" in html


def test_outcome_and_evidence_at_a_glance(client, failure):
    html = client.get(failure.get_absolute_url()).content.decode()
    assert 'class="outcome outcome--mislukt"' in html
    assert "Goed onderbouwd" in html
    assert "(niveau 3 van 6)" in html
    assert "2016–2019" in html
    assert "Noord, Zuid" in html
    assert "uitgewerkt voorbeeld" in html


def test_open_graph_tags(client, failure, settings):
    html = client.get(failure.get_absolute_url()).content.decode()
    url = f"{settings.SITE_URL}/praktijkvoorbeelden/{failure.slug}/"
    assert f'<meta property="og:url" content="{url}">' in html
    assert '<meta property="og:title" content="Buurthuis dicht na projectgeld">' in html
    assert 'property="og:description" content="Het buurthuis ging dicht' in html
    assert 'name="robots"' not in html


def test_user_text_is_escaped(client):
    case = CaseFactory(title="<script>alert(1)</script>", summary='"><img src=x>')
    html = client.get(case.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert '"><img src=x>' not in html


def test_renamed_case_redirects_from_its_old_address(client, failure):
    old_url = failure.get_absolute_url()
    failure.slug = "buurthuis-gesloten"
    failure.save()
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == "/praktijkvoorbeelden/buurthuis-gesloten/"
    # Renaming back makes the first address live again without a redirect loop.
    failure.slug = failure.slug.replace("buurthuis-gesloten", "buurthuis-dicht-na-projectgeld")
    failure.save()
    assert client.get(old_url).status_code == 200
    assert client.get("/praktijkvoorbeelden/buurthuis-gesloten/").status_code == 301
    assert not CaseSlugRedirect.objects.filter(old_slug="buurthuis-dicht-na-projectgeld").exists()


def test_slug_comes_from_the_title_and_stays_unique():
    first = CaseFactory(title="Buurtkamer in de wijk")
    second = CaseFactory(title="Buurtkamer in de wijk")
    assert first.slug == "buurtkamer-in-de-wijk"
    assert second.slug == "buurtkamer-in-de-wijk-2"


def test_related_cases_share_topics_and_tags(client):
    safety = TopicFactory(slug="veiligheid")
    youth = TopicFactory(slug="jongeren")
    case = CaseFactory(topics=[safety, youth], tags=["straat"])
    both = CaseFactory(title="Beide thema's", topics=[safety, youth])
    tag_only = CaseFactory(title="Alleen trefwoord", tags=["straat"])
    CaseFactory(title="Niets gedeeld", topics=[TopicFactory(slug="anders")])
    response = client.get(case.get_absolute_url())
    assert [c.title for c in response.context["related_cases"]] == [both.title, tag_only.title]


def test_detail_query_count(client, django_assert_num_queries):
    topics = [TopicFactory(slug=f"t{i}") for i in range(3)]
    case = CaseFactory(topics=topics, tags=["a", "b"])
    for n in range(3):
        CasePatternFactory(case=case, pattern=FailurePatternFactory(), avoided=n == 2)
    for _ in range(6):
        CaseFactory(topics=topics[:1], tags=["a"])
    # case + 7 prefetches (topics, domains, target groups, tags, sources, attachments) + related
    # + the dialogue statements, the wijkschakelaars and the public discussions linked to it
    # + its failure patterns (however many).
    with django_assert_num_queries(12):
        response = client.get(case.get_absolute_url())
    assert len(response.context["related_cases"]) == 5


def test_the_live_version_is_shown_not_the_newer_draft(client, editor):
    case = CaseFactory(title="Gepubliceerde titel")
    case.save_revision().publish()
    case.title = "Titel van het concept"
    case.save_revision(user=editor)  # a draft: the row keeps the live version
    html = client.get(Case.objects.get(pk=case.pk).get_absolute_url()).content.decode()
    assert "Gepubliceerde titel" in html
    assert "Titel van het concept" not in html


def test_editor_sees_a_draft_with_a_warning(client_for, editor):
    draft = CaseFactory(live=False, first_published_at=None)
    html = client_for(editor).get(draft.get_absolute_url()).content.decode()
    assert "Concept: alleen redacteuren zien deze pagina." in html
    assert '<meta name="robots" content="noindex">' in html


def test_preview_uses_the_public_template(editor):
    case = CaseFactory.build(
        title="Nog niet opgeslagen", outcome=Outcome.MIXED, what_went_wrong="Het liep half mis."
    )
    request = RequestFactory().get("/")
    request.user = editor
    response = case.serve_preview(request, case.default_preview_mode)
    html = (
        response.rendered_content
        if hasattr(response, "rendered_content")
        else (response.content.decode())
    )
    assert "Voorbeeldweergave" in html
    assert "Nog niet opgeslagen" in html
    assert "Het liep half mis." in html


def test_failure_needs_what_went_wrong():
    from django.core.exceptions import ValidationError

    case = CaseFactory.build(outcome=Outcome.FAILURE, what_went_wrong=" ")
    with pytest.raises(ValidationError) as error:
        case.full_clean(exclude=["municipality", "slug"])
    assert "what_went_wrong" in error.value.message_dict


def test_similar_cases_also_weigh_target_groups(client):
    from cases.models import TargetGroup

    elderly = TargetGroup.objects.get(slug="ouderen")
    youth = TargetGroup.objects.get(slug="jongeren")
    topic = TopicFactory(slug="eenzaamheid")
    case = CaseFactory(topics=[topic], target_groups=[elderly])
    same_group = CaseFactory(title="Zelfde doelgroep", topics=[topic], target_groups=[elderly])
    other_group = CaseFactory(title="Andere doelgroep", topics=[topic], target_groups=[youth])
    only_group = CaseFactory(title="Alleen doelgroep", target_groups=[elderly])
    response = client.get(case.get_absolute_url())
    assert [c.title for c in response.context["related_cases"]] == [
        same_group.title,
        other_group.title,
        only_group.title,
    ]
    assert "Vergelijkbare praktijkvoorbeelden" in response.content.decode()


def test_dates_contact_print_and_share(client, settings):
    import datetime

    from django.utils import timezone

    from connectors.tests.factories import ConnectorFactory
    from municipalities.models import Municipality

    zwolle = Municipality.objects.get(cbs_code="GM0193")

    published = timezone.make_aware(datetime.datetime(2026, 3, 3, 12))
    case = CaseFactory(
        title="Wijkkamer",
        municipality=zwolle,
        first_published_at=published,
        last_published_at=published + datetime.timedelta(days=33),
    )
    connector = ConnectorFactory(name="Sam Schakel", cases=[case])
    html = client.get(case.get_absolute_url()).content.decode()
    assert '<time datetime="2026-03-03">3 maart 2026</time>' in html
    assert '<time datetime="2026-04-05">5 april 2026</time>' in html
    assert 'id="contact"' in html
    assert f'href="/wijkschakelaars/{connector.slug}/contact/"' in html
    assert 'href="/gemeenten/zwolle/"' in html
    url = f"{settings.SITE_URL}{case.get_absolute_url()}"
    assert "https://www.linkedin.com/sharing/share-offsite/?url=" in html
    assert "mailto:?subject=Wijkkamer" in html
    assert f'data-copy-link="{url}"' in html
    assert "Afdrukken" in html


def test_a_closed_space_case_offers_no_public_share_links(client_for, member, closed_space):
    case = CaseFactory(space=closed_space)
    html = client_for(member).get(case.get_absolute_url()).content.decode()
    assert "linkedin" not in html
    assert "mailto:" not in html
