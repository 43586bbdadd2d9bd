"""The search page at /zoeken/: Dutch word forms, highlighting, facets, visibility, help."""

import pytest
from django.contrib.contenttypes.models import ContentType

from cases.models import Outcome
from cases.tests.factories import CaseFactory
from discussions.models import Discussion
from meetings.models import Meeting
from topics.tests.factories import TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus(closed_space):
    youth = TopicFactory(name="Jongeren", slug="jongeren")
    safety = TopicFactory(name="Veiligheid", slug="veiligheid")
    return {
        "house": CaseFactory(
            title="Buurthuis open voor jongeren",
            summary="Een buurthuis met jongerenwerkers op woensdagavond.",
            outcome=Outcome.SUCCESS,
            topics=[youth],
        ),
        "agents": CaseFactory(
            title="Wijkagenten in de buurtkamer",
            summary="Spreekuur van de wijkagent in de buurtkamer.",
            outcome=Outcome.FAILURE,
            what_went_wrong="Te weinig bezoekers.",
            topics=[safety],
        ),
        "secret": CaseFactory(
            title="Geheim buurthuis project",
            summary="Alleen voor leden: een buurthuis dat misliep.",
            space=closed_space,
            topics=[youth],
        ),
        "draft": CaseFactory(
            title="Concept over buurthuizen",
            summary="Nog niet klaar.",
            live=False,
            first_published_at=None,
        ),
    }


def titles(response) -> list[str]:
    return [hit.case.title for hit in response.context["hits"]]


def test_plural_finds_singular_and_derivations(client, corpus):
    assert titles(client.get("/zoeken/?q=buurthuizen")) == ["Buurthuis open voor jongeren"]
    assert titles(client.get("/zoeken/?q=jongerenwerk")) == ["Buurthuis open voor jongeren"]
    assert titles(client.get("/zoeken/?q=wijkagent")) == ["Wijkagenten in de buurtkamer"]


def test_cases_with_every_word_rank_before_those_with_some(client, corpus):
    assert titles(client.get("/zoeken/?q=buurtkamer wijkagent")) == ["Wijkagenten in de buurtkamer"]
    # No case has both words: each case with one of them is found (a word nobody used does
    # not empty the page) ...
    assert set(titles(client.get("/zoeken/?q=buurtkamer jongeren"))) == {
        "Wijkagenten in de buurtkamer",
        "Buurthuis open voor jongeren",
    }
    # ... and one with both comes first.
    both = CaseFactory(title="Jongeren in de buurtkamer", summary="Een avond.")
    assert titles(client.get("/zoeken/?q=buurtkamer jongeren"))[0] == both.title


def test_question_words_and_filler_never_empty_a_result(client, corpus):
    assert titles(client.get("/zoeken/?q=waarom werkt het project in het buurthuis")) == [
        "Buurthuis open voor jongeren"
    ]


def test_title_matches_rank_first(client, corpus):
    CaseFactory(title="Sportveld", summary="Ook een buurthuis in de buurt.", context="x")
    assert titles(client.get("/zoeken/?q=buurthuis"))[0] == "Buurthuis open voor jongeren"


def test_snippet_marks_matches_and_escapes_text(client, corpus):
    CaseFactory(title="Scriptje", summary="<script>alert('buurthuis')</script> buurthuis & meer")
    html = client.get("/zoeken/?q=buurthuis").content.decode()
    assert "<mark>buurthuis</mark>" in html
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#x27;<mark>buurthuis</mark>&#x27;)&lt;/script&gt;" in html
    assert "&amp; meer" in html


def test_hidden_cases_influence_nothing(client, corpus):
    response = client.get("/zoeken/?q=buurthuis")
    html = response.content.decode()
    assert titles(response) == ["Buurthuis open voor jongeren"]
    assert "Geheim" not in html and "Concept over" not in html
    assert response.context["page"].paginator.count == 1
    facets = {facet.name: facet for facet in response.context["facets"]}
    assert {o.value: o.count for o in facets["thema"].options} == {"jongeren": 1}


def test_members_find_their_closed_space(client_for, member, corpus):
    response = client_for(member).get("/zoeken/?q=buurthuis")
    assert sorted(titles(response)) == ["Buurthuis open voor jongeren", "Geheim buurthuis project"]


def test_facets_combine_with_words(client, corpus):
    response = client.get("/zoeken/?q=buurtkamer&uitkomst=mislukt")
    assert titles(response) == ["Wijkagenten in de buurtkamer"]
    response = client.get("/zoeken/?q=buurtkamer&uitkomst=geslaagd")
    assert titles(response) == []
    facets = {facet.name: facet for facet in response.context["facets"]}
    # The outcome facet offers the alternative that does have results.
    assert {o.value: o.count for o in facets["uitkomst"].options} == {"mislukt": 1, "geslaagd": 0}


def test_a_typo_is_corrected_in_the_results(client, corpus):
    response = client.get("/zoeken/?q=buurthuys")
    assert titles(response) == ["Buurthuis open voor jongeren"]
    assert response.context["search"].corrected_query == "buurthuis"
    html = response.content.decode()
    assert "Resultaten voor <strong>buurthuis</strong>." in html
    assert 'href="?q=buurthuys&amp;letterlijk=1"' in html
    # The words as typed, when asked for: nothing, and no correction.
    literal = client.get("/zoeken/?q=buurthuys&letterlijk=1")
    assert titles(literal) == []
    assert literal.context["search"].corrected_query is None


def test_a_typo_beside_a_good_word_is_corrected_too(client, corpus):
    response = client.get("/zoeken/?q=wijkagnet buurtkamer")
    assert response.context["search"].corrected_query == "wijkagenten buurtkamer"
    assert titles(response) == ["Wijkagenten in de buurtkamer"]


def test_no_suggestion_from_hidden_words(client, corpus):
    CaseFactory(title="Zwijgplicht", summary="x", live=False, first_published_at=None)
    response = client.get("/zoeken/?q=zwijgplict")
    assert response.context["suggestion"] is None
    assert response.context["search"].corrected_query is None


def test_compounds_find_their_parts_and_the_other_way_round(client, corpus):
    overlast = CaseFactory(title="Minder overlast van jongeren", summary="Op het plein.")
    compound = CaseFactory(title="Aanpak jongerenoverlast", summary="Bij het station.")
    assert set(titles(client.get("/zoeken/?q=jongerenoverlast"))) == {
        overlast.title,
        compound.title,
    }
    assert compound.title in titles(client.get("/zoeken/?q=overlast jongeren"))
    assert compound.title in titles(client.get("/zoeken/?q=hangjongeren"))


def test_an_outcome_or_municipality_in_the_words_favours_its_cases(client, corpus):
    from municipalities.tests.factories import MunicipalityFactory

    utrecht = MunicipalityFactory(name="Utrecht", slug="utrecht", cbs_code="GM0344")
    there = CaseFactory(
        title="Buurthuis in de stad", summary="Een buurthuis.", municipality=utrecht
    )
    response = client.get("/zoeken/?q=buurthuis utrecht")
    assert titles(response)[0] == there.title
    assert "Alleen gemeente Utrecht?" in response.content.decode()
    # "mislukt" is not required in the text: the failed case comes first.
    assert titles(client.get("/zoeken/?q=mislukte buurtkamer")) == ["Wijkagenten in de buurtkamer"]
    assert titles(client.get("/zoeken/?q=mislukt buurthuis"))[-1] != "Wijkagenten in de buurtkamer"


def test_the_heading_counts_every_kind_listed(client, corpus):
    TopicFactory(name="Buurthuiswerk", slug="buurthuiswerk", description="Werk in buurthuizen.")
    response = client.get("/zoeken/?q=buurthuis")
    # One case and one topic.
    assert response.context["result_count"] == 2
    assert "2 resultaten voor" in response.content.decode()


def test_more_matches_than_ranked_say_so(client, corpus, monkeypatch):
    from cases import search as case_search

    monkeypatch.setattr(case_search, "MAX_RANKED", 1)
    CaseFactory(title="Nog een buurthuis", summary="Een buurthuis.")
    response = client.get("/zoeken/?q=buurthuis")
    assert response.context["capped"]
    assert "Meer dan 1 resultaten" in response.content.decode()


def test_zero_results_says_what_to_do(client, corpus):
    html = client.get("/zoeken/?q=onvindbaarwoord").content.decode()
    assert "Niets gevonden." in html
    assert "Gebruik minder of andere woorden." in html
    assert 'href="/themas/"' in html


def test_empty_query_lists_everything_visible(client, corpus):
    response = client.get("/zoeken/")
    assert response.status_code == 200
    assert response.context["page"].paginator.count == 2


def test_search_page_query_count(client, corpus, django_assert_num_queries):
    for i in range(10):
        CaseFactory(title=f"Buurthuis {i}", topics=[TopicFactory(slug="jongeren")])
    # After a change: the search state, the facet index (cases, 5 link tables, 6
    # vocabularies), the thesaurus, the cases (their newest matches, ranked),
    # topics, dialogue statements, wijkschakelaars, discussions and meetings ranked in one
    # query, the page of cases with their topics. "buurthuis" is a compound and fewer than a
    # page have the word itself: cases and the other kinds are asked again for "buurt" and
    # "huis".
    # (Content types are read once per process; discussions may not have been asked yet.)
    ContentType.objects.get_for_model(Discussion)
    ContentType.objects.get_for_model(Meeting)
    with django_assert_num_queries(20):
        response = client.get("/zoeken/?q=buurthuis")
    assert response.context["page"].paginator.count == 11
    # The same words again: the state, then only the page (matches and facets are kept).
    with django_assert_num_queries(3):
        again = client.get("/zoeken/?q=buurthuis&uitkomst=geslaagd")
    assert again.context["page"].paginator.count == 11
    # Other words, a compound again (wijk + agent): matched and ranked as above, the facet
    # index and the thesaurus are kept.
    with django_assert_num_queries(7):
        client.get("/zoeken/?q=wijkagent")


def test_what_was_found_before_a_change_is_not_shown_after_it(client, corpus, member):
    """Results kept for anonymous visitors follow publication and never reach another user."""
    assert titles(client.get("/zoeken/?q=buurthuis")) == ["Buurthuis open voor jongeren"]
    new = CaseFactory(title="Tweede buurthuis", summary="Een buurthuis.")
    assert set(titles(client.get("/zoeken/?q=buurthuis"))) == {
        "Buurthuis open voor jongeren",
        "Tweede buurthuis",
    }
    new.unpublish()
    assert titles(client.get("/zoeken/?q=buurthuis")) == ["Buurthuis open voor jongeren"]
    client.force_login(member)
    assert "Geheim buurthuis project" in titles(client.get("/zoeken/?q=buurthuis"))
    client.logout()
    assert "Geheim buurthuis project" not in titles(client.get("/zoeken/?q=buurthuis"))


def test_search_box_on_every_page(client, corpus):
    for url in ("/", "/praktijkvoorbeelden/", "/themas/", corpus["house"].get_absolute_url()):
        assert 'action="/zoeken/"' in client.get(url).content.decode(), url


def test_topics_are_found_as_their_own_kind(client, corpus):
    TopicFactory(
        name="Vroege signalering", slug="vroege-signalering", description="Problemen vroeg zien."
    )
    response = client.get("/zoeken/?q=signaleren")
    assert [topic.name for topic in response.context["topics"]] == ["Vroege signalering"]
    facets = {facet.name: facet for facet in response.context["facets"]}
    assert {o.value: o.count for o in facets["soort"].options} == {"thema": 1}
    assert 'href="/themas/vroege-signalering/"' in response.content.decode()
    assert "Niets gevonden." not in response.content.decode()


def test_kind_filter_narrows_to_one_kind(client, corpus):
    TopicFactory(name="Buurthuizen", slug="buurthuizen")
    both = client.get("/zoeken/?q=buurthuis")
    assert both.context["topics"] and both.context["hits"]
    topics_only = client.get("/zoeken/?q=buurthuis&soort=thema")
    assert topics_only.context["topics"] and not topics_only.context["hits"]
    cases_only = client.get("/zoeken/?q=buurthuis&soort=praktijkvoorbeeld")
    assert not cases_only.context["topics"] and cases_only.context["hits"]


def test_filters_keep_the_words(client, corpus):
    html = client.get("/zoeken/?q=buurtkamer").content.decode()
    # The filter form carries the words along, so applying a filter keeps the search.
    assert '<input type="hidden" name="q" value="buurtkamer">' in html


def test_synonyms_editors_manage_apply_without_reindexing(client, corpus):
    from textsearch.models import SynonymGroup

    assert titles(client.get("/zoeken/?q=ontmoetingsplek")) == []
    group = SynonymGroup.objects.create(terms="ontmoetingsplek, buurtkamer")
    assert titles(client.get("/zoeken/?q=ontmoetingsplek")) == ["Wijkagenten in de buurtkamer"]
    group.terms = "ontmoetingsplek, trefpunt"
    group.save()  # renews the content state: the cached results are not shown again
    assert titles(client.get("/zoeken/?q=ontmoetingsplek")) == []


def test_the_api_gives_the_corrected_query(client, corpus):
    data = client.get("/api/v1/_zoek", {"q": "buurthuys"}).json()
    assert data["gecorrigeerdeZoekvraag"] == "buurthuis"
    assert [hit["titel"] for hit in data["resultaten"]] == ["Buurthuis open voor jongeren"]
    literal = client.get("/api/v1/_zoek", {"q": "buurthuys", "letterlijk": "true"}).json()
    assert literal["gecorrigeerdeZoekvraag"] is None and literal["resultaten"] == []
