"""The dialogue pages: list, report and statements, each only for who may see the dialogue."""

import re

import pytest

from dialogues.importers import StatementData
from dialogues.models import Dialogue
from dialogues.tests.factories import make_dialogue

pytestmark = pytest.mark.django_db


@pytest.fixture
def dialogue():
    return make_dialogue()


def test_report_reads_like_the_report(client, dialogue):
    html = client.get(dialogue.get_absolute_url()).content.decode()
    assert "<h1>Dialoog over de wijk</h1>" in html
    # Clusters in rank order, with their best statement and its support.
    assert html.index("Vertrouwen") < html.index("Lange adem")
    assert "Bewoners weten wat er speelt." in html
    assert "Draagvlak: top, 96 % eens" in html
    # The polarising statement apart.
    apart = html[html.index("Hierover verschillen de meningen") :]
    assert "Noem ze geen kwetsbare wijken." in apart
    # The poll as a chart with a text alternative and as a table.
    assert 'role="img"' in html and "<desc" in html and "Goed: 12 (29 %); Matig: 30 (71 %)" in html
    assert '<th scope="row">Matig</th><td class="number">30</td>' in html
    # SVG numbers in the page's language would be "172,8": no bar at all.
    bars = re.findall(
        r'<rect x="0" y="(\d+)" width="([^"]+)" height="16" fill="#154273" class="chart__bar">',
        html,
    )
    assert [float(width) for _y, width in bars] == [pytest.approx(192.0), 480.0]
    # The overall figures.
    assert "<dd>155</dd>" in html and "<dd>2831</dd>" in html
    # "With much support" counts top and high only: 2 top, 2 high; not the 1 medium.
    assert "Stellingen met veel draagvlak (top of hoog)</dt><dd>4</dd>" in html


def test_illustrative_counts_are_said_on_the_page(client):
    dialogue = make_dialogue(counts_are_illustrative=True)
    assert "de aantallen stemmen per stelling zijn een illustratie" in (
        client.get(dialogue.get_absolute_url()).content.decode()
    )


def test_report_query_count_does_not_grow_with_statements(
    client, dialogue, django_assert_num_queries
):
    # dialogue, statements, clusters, polls + options, questions
    with django_assert_num_queries(6):
        response = client.get(dialogue.get_absolute_url())
    assert response.status_code == 200


def test_statement_filters_combine(client, dialogue):
    url = f"{dialogue.get_absolute_url()}stellingen/"

    def texts(query):
        page = client.get(url + query).context["page"]
        return [statement.text for statement in page]

    assert len(texts("")) == 6
    assert texts("?niveau=top") == [
        "Financiering is te versnipperd.",
        "Bewoners weten wat er speelt.",
    ]
    assert texts("?polariserend=true") == ["Noem ze geen kwetsbare wijken."]
    assert texts("?vraag=1&tekst=ruimte") == ["Geef initiatieven de ruimte."]
    cluster = dialogue.questions.get(number=1).clusters.get(name="Lange adem")
    assert texts(f"?cluster={cluster.pk}") == ["Beleid moet jaren meegaan."]
    assert texts("?niveau=hoog&niveau=midden&vraag=2") == ["Noem ze geen kwetsbare wijken."]
    assert texts("?niveau=laag&vraag=2") == []


def test_a_wrong_filter_is_said_plainly(client, dialogue):
    response = client.get(f"{dialogue.get_absolute_url()}stellingen/?vraag=twee")
    assert response.status_code == 200
    assert "Een filter klopt niet en is niet gebruikt" in response.content.decode()


@pytest.mark.parametrize("suffix", ["", "stellingen/"])
def test_a_closed_space_dialogue_is_hidden_from_outsiders(
    client, client_for, closed_space, member, suffix
):
    hidden = make_dialogue(space=closed_space, title="Besloten dialoog")
    url = hidden.get_absolute_url() + suffix
    assert client.get(url).status_code == 404
    assert "Besloten dialoog" not in client.get("/dialogen/").content.decode()
    assert client_for(member).get(url).status_code == 200
    assert "Besloten dialoog" in client.get("/dialogen/").content.decode()


def test_an_unpublished_dialogue_is_for_editors_only(client, client_for, editor, dialogue):
    Dialogue.objects.filter(pk=dialogue.pk).update(live=False)
    assert client.get(dialogue.get_absolute_url()).status_code == 404
    assert client_for(editor).get(dialogue.get_absolute_url()).status_code == 200


def test_a_polis_dialogue_without_questions_shows_its_best_statements(client):
    dialogue = make_dialogue(
        questions=[],
        clusters=[],
        polls=[],
        statements=[
            StatementData(
                None, "Meer jongeren in toezicht.", 20, 2, 1, groups=[(9, 1, 0), (8, 1, 0)]
            ),
            StatementData(None, "Minder controles.", 5, 5, 0),
        ],
    )
    html = client.get(dialogue.get_absolute_url()).content.decode()
    assert "Stellingen met het meeste draagvlak" in html
    assert "Meer jongeren in toezicht." in html
    # (9 + 1) / (10 + 2) * (8 + 1) / (9 + 2) = 0.68
    assert "consensus over de groepen heen 0,68" in html
