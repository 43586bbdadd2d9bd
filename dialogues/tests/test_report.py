"""The report's findings (representative statements, consensus, uncertainty), its figures and
their downloads, hashtags as labels, and the statements page's sort orders and counts."""

import csv
import io
import math
from pathlib import Path

import pytest
from defusedxml import ElementTree
from django.core.management import call_command

from dialogues import analysis
from dialogues.hashtags import clean, restore
from dialogues.importers import StatementData
from dialogues.models import Dialogue, Statement
from dialogues.selectors import dialogue_report
from dialogues.tests.factories import make_dialogue

pytestmark = pytest.mark.django_db
POLIS = Path(__file__).parent / "data" / "polis" / "london.youth.policing"
SVG = "{http://www.w3.org/2000/svg}"


class Votes:
    def __init__(self, group_votes, group_consensus=None):
        self.group_votes = group_votes
        self.agree = sum(v[0] for v in group_votes)
        self.disagree = sum(v[1] for v in group_votes)
        self.passed = sum(v[2] for v in group_votes)
        self.group_consensus = group_consensus


# --- the statistics, on numbers worked out by hand -------------------------------------------


def test_repness_on_a_hand_computed_example():
    # Group A: 8 agree, 1 disagree, 1 pass; group B: 1 agree, 7 disagree, 2 pass.
    stats = analysis.group_stats([[8, 1, 1], [1, 7, 2]], 0)
    assert stats.pa == pytest.approx(9 / 12)  # (8 + 1) / (10 + 2)
    assert stats.ra == pytest.approx((9 / 12) / (2 / 12))  # = 4.5
    # prop test with one success and one trial added: 2 * sqrt(11) * (9/11 - 1/2)
    assert stats.pat == pytest.approx(2 * math.sqrt(11) * (9 / 11 - 0.5))  # 2.1106
    # two-proportion z: (9/11 - 2/11) / sqrt(1/2 * 1/2 * (1/11 + 1/11))
    assert stats.rat == pytest.approx((7 / 11) / math.sqrt(0.25 * 2 / 11))  # 2.9848
    assert stats.rat == pytest.approx(2.98481, abs=1e-5)
    assert stats.pat == pytest.approx(2.11058, abs=1e-5)
    # Group B stands out by disagreeing: rd = ((7+1)/12) / ((1+1)/12) = 4.
    b = analysis.group_stats([[8, 1, 1], [1, 7, 2]], 1)
    assert b.rd == pytest.approx(4.0)
    chosen = analysis.representative([Votes([[8, 1, 1], [1, 7, 2]])], 2)
    assert [(c.direction, c.significant) for c in chosen[0]] == [("eens", True)]
    assert [(c.direction, c.significant) for c in chosen[1]] == [("oneens", True)]
    assert (chosen[0][0].group_percent, chosen[0][0].rest_percent) == (80, 10)


def test_a_small_difference_is_not_significant_and_is_said_so():
    # 3 of 4 against 2 of 4: z = (4/5 - 3/5) / sqrt(0.7 * 0.3 * 2/5) = 0.69, not above 1.2816.
    assert analysis.two_prop_test(3, 2, 4, 4) == pytest.approx(0.2 / math.sqrt(0.7 * 0.3 * 0.4))
    chosen = analysis.representative([Votes([[3, 1, 0], [2, 2, 0]])], 2)
    assert len(chosen[0]) == 1 and not chosen[0][0].significant
    # Everyone agreed everywhere: no difference to test, z is 0 (as in Pol.is).
    assert analysis.two_prop_test(4, 4, 4, 4) == pytest.approx(0.0)


def test_consensus_and_uncertainty():
    everyone = Votes([[9, 0, 1], [8, 1, 1]], group_consensus=(10 / 12) * (9 / 12))
    split = Votes([[9, 0, 1], [0, 9, 1]], group_consensus=(10 / 12) * (1 / 12))
    unsure = Votes([[2, 1, 5], [1, 1, 4]], group_consensus=(3 / 10) * (2 / 8))
    assert analysis.consensus([split, unsure, everyone]) == [everyone, unsure, split][:3]
    # 9 of 14 passed (64 %) is uncertain; 2 of 20 (10 %) is not.
    assert analysis.uncertain([everyone, split, unsure]) == [unsure]
    # Without groups, the majority test: pa > 1/2 and significant.
    few = Votes([[3, 1, 0]])  # pat = 2 * sqrt(5) * (4/5 - 1/2) = 1.34 > 1.2816
    none = Votes([[2, 2, 0]])
    few.group_consensus = none.group_consensus = None
    assert analysis.consensus([none, few]) == [few]


# --- the real Pol.is export ------------------------------------------------------------------


@pytest.fixture
def polis():
    call_command("import_dialogue", str(POLIS), format="polis", publish=True, verbosity=0)
    return Dialogue.objects.get()


def test_every_opinion_group_gets_statements_it_agrees_with_more_than_the_rest(polis):
    assert [g["id"] for g in polis.opinion_groups] == ["0", "1", "2"]
    assert sum(g["deelnemers"] for g in polis.opinion_groups) <= polis.participants
    report = dialogue_report(polis)
    assert [g.label for g in report.groups] == ["A", "B", "C"]
    for n, group in enumerate(report.groups):
        assert group.representatives, group.label
        for item in group.representatives:
            agree, disagree, passed = item.statement.group_votes[n]
            rest = [v for m, v in enumerate(item.statement.group_votes) if m != n]
            in_rate = (agree if item.direction == "eens" else disagree) / (
                agree + disagree + passed
            )
            index = 0 if item.direction == "eens" else 1
            out_rate = sum(v[index] for v in rest) / sum(sum(v) for v in rest)
            assert in_rate > out_rate, (group.label, item.statement.text)
            if item.significant:
                assert item.repness_test > analysis.Z_90
    # The per-group votes add up to the votes of participants in a group.
    for statement in Statement.objects.filter(dialogue=polis):
        assert sum(sum(v) for v in statement.group_votes) <= (
            statement.agree + statement.disagree + statement.passed
        )


def test_the_polis_report_shows_groups_consensus_and_caveat(client, polis):
    html = client.get(polis.get_absolute_url()).content.decode()
    assert 'id="groepen"' in html and "Groep A (" in html
    assert 'href="#groepen"' in html and 'href="#over-de-cijfers"' in html
    assert "geen steekproef" in html
    report = dialogue_report(polis)
    best = report.consensus[0]
    assert best.group_consensus == max(
        s.group_consensus for s in Statement.objects.filter(dialogue=polis)
    )
    assert "Eens per groep:" in html


# --- hashtags --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw, text, label",
    [
        ("#Barrière is dat het traag gaat.", "Barrière is dat het traag gaat.", "Barrière"),
        ("#Advies: zorg voor geld.", "Zorg voor geld.", "Advies"),
        ("Meer #groen in de #wijk", "Meer groen in de wijk", ""),
        ("Punt #1 blijft staan", "Punt #1 blijft staan", ""),
    ],
)
def test_hashtags_become_labels(raw, text, label):
    assert clean(raw) == (text, label)


@pytest.mark.parametrize(
    "raw", ["#Barrière is dat het traag gaat.", "#Advies: Zorg voor geld.", "Geen label"]
)
def test_a_label_goes_back_in_front_of_the_text_in_an_export(raw):
    text, label = clean(raw)
    assert restore(text, label) == raw
    assert clean(restore(text, label)) == (text, label)


def test_an_import_stores_clean_text_and_labels_and_the_page_and_search_show_no_hashtags(client):
    dialogue = make_dialogue(
        statements=[
            StatementData(1, "#Advies: ga de wijk in.", 30, 2, 1),
            StatementData(2, "#Barrière is de regelgeving.", 20, 5, 1),
        ]
    )
    statements = {s.label: s.text for s in Statement.objects.all()}
    assert statements == {"Advies": "Ga de wijk in.", "Barrière": "Barrière is de regelgeving."}
    for url in (dialogue.get_absolute_url(), dialogue.get_absolute_url() + "stellingen/"):
        html = client.get(url).content.decode()
        assert "#Advies" not in html and "#Barrière" not in html
        assert '<p class="statement__label">' in html
    found = client.get("/zoeken/", {"q": "regelgeving"}).content.decode()
    assert "regelgeving" in found and "#Barrière" not in found


def test_labels_survive_an_export_and_re_import(client, tmp_path):
    dialogue = make_dialogue(
        statements=[
            StatementData(1, "#Advies: ga de wijk in.", 30, 2, 1),
            StatementData(2, "#Barrière is de regelgeving.", 20, 5, 1),
        ]
    )
    before = sorted(Statement.objects.values_list("text", "label"))
    exported = tmp_path / "export.zip"
    exported.write_bytes(client.get(f"{dialogue.get_absolute_url()}export.zip").content)
    call_command(
        "import_dialogue", str(exported), format="workbook", replace=True, publish=True, verbosity=0
    )
    assert sorted(Statement.objects.values_list("text", "label")) == before


def test_the_migration_cleans_statements_imported_before():
    from importlib import import_module

    from django.apps import apps

    make_dialogue(statements=[StatementData(1, "Goed", 3, 1, 0)])
    Statement.objects.update(text="#Advies: kom langs.", label="")
    migration = import_module("dialogues.migrations.0003_labels_and_opinion_groups")
    migration.clean_statements(apps, None)
    statement = Statement.objects.get()
    assert (statement.text, statement.label) == ("Kom langs.", "Advies")


# --- figures and their downloads -------------------------------------------------------------


def test_each_poll_is_shown_once_with_its_table_as_the_alternative(client):
    dialogue = make_dialogue()
    html = client.get(dialogue.get_absolute_url()).content.decode()
    assert html.count("Goed: 12 (29 %); Matig: 30 (71 %)") == 1
    assert html.count('<th scope="row">Matig</th>') == 1
    table = html.index('<th scope="row">Matig</th>')
    assert html.rindex("<summary>Bekijk als tabel</summary>", 0, table) > html.rindex(
        "Goed: 12", 0, table
    )


def test_the_svg_download_is_valid_xml_with_the_right_numbers(client):
    dialogue = make_dialogue()
    response = client.get(f"{dialogue.get_absolute_url()}figuur/poll-0.svg")
    assert response["Content-Type"] == "image/svg+xml"
    assert "attachment" in response["Content-Disposition"]
    root = ElementTree.fromstring(response.content)
    assert root.tag == f"{SVG}svg"
    values = [t.text for t in root.iter(f"{SVG}text") if t.get("class") == "chart__value"]
    assert values == ["12 (29 %)", "30 (71 %)"]
    widths = [float(r.get("width")) for r in root.iter(f"{SVG}rect")]
    assert widths == [pytest.approx(192.0), 480.0]
    question = ElementTree.fromstring(
        client.get(f"{dialogue.get_absolute_url()}figuur/vraag-1.svg").content
    )
    assert "Vraag 1: Wat werkt in de wijk?" in question.find(f"{SVG}title").text
    # 46 agree, 3 pass, 2 disagree of 51: 90 %.
    assert "Bewoners weten wat er speelt.: 90 % eens, 6 % neutraal, 4 % oneens" in (
        question.find(f"{SVG}desc").text
    )


def test_the_csv_download_has_the_data_and_defuses_formulas(client):
    dialogue = make_dialogue(
        statements=[
            StatementData(1, '=HYPERLINK("http://x")', 5, 1, 0),
            StatementData(1, "Gewone stelling", 3, 1, 0),
        ]
    )
    response = client.get(f"{dialogue.get_absolute_url()}figuur/vraag-1.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["stelling", "eens", "neutraal", "oneens", "eens (%)"]
    assert rows[1] == ['\'=HYPERLINK("http://x")', "5", "0", "1", "83"]
    assert rows[2] == ["Gewone stelling", "3", "0", "1", "75"]


def test_downloads_of_a_hidden_dialogue_or_unknown_figure_are_404(
    client, client_for, closed_space, member
):
    hidden = make_dialogue(space=closed_space)
    names = ("poll-0.svg", "poll-0.csv", "vraag-1.svg", "vraag-1.csv")
    for name in names:
        assert client.get(f"{hidden.get_absolute_url()}figuur/{name}").status_code == 404
    as_member = client_for(member)  # logs the same client in
    for name in names:
        assert as_member.get(f"{hidden.get_absolute_url()}figuur/{name}").status_code == 200
    for name in ("poll-7.svg", "vraag-9.csv", "onzin.svg"):
        assert as_member.get(f"{hidden.get_absolute_url()}figuur/{name}").status_code == 404


# --- the statements page ---------------------------------------------------------------------


def test_statements_sort_by_support_division_and_votes(client):
    dialogue = make_dialogue()
    url = f"{dialogue.get_absolute_url()}stellingen/"

    def texts(sort):
        return [s.text for s in client.get(url, {"sorteer": sort}).context["page"]]

    assert texts("draagvlak")[:2] == [
        "Financiering is te versnipperd.",
        "Bewoners weten wat er speelt.",
    ]
    # 9/7 is closest to half-half, then 2/1 (1/3), then 20/6 (0.23).
    assert texts("verdeeld")[:3] == [
        "Noem ze geen kwetsbare wijken.",
        "Te weinig stemmen.",
        "Beleid moet jaren meegaan.",
    ]
    # 51, 39, 26, 26 (more agree/disagree first is not asked: ties by import order), 18, 3.
    assert texts("stemmen") == [
        "Bewoners weten wat er speelt.",
        "Geef initiatieven de ruimte.",
        "Beleid moet jaren meegaan.",
        "Financiering is te versnipperd.",
        "Noem ze geen kwetsbare wijken.",
        "Te weinig stemmen.",
    ]
    assert texts("onzin") == texts("draagvlak")


def test_filters_show_how_many_statements_each_choice_gives(client, django_assert_max_num_queries):
    dialogue = make_dialogue()
    url = f"{dialogue.get_absolute_url()}stellingen/"
    # dialogue, 4 facet counts, questions, clusters, page count, page (+ session/user slack)
    with django_assert_max_num_queries(12):
        response = client.get(url, {"vraag": 1})
    html = response.content.decode()
    # With question 1 chosen: 1 top, 1 high, 1 medium statement in it.
    assert '<label for="f-niveau-top">Top <span class="count">(1)</span></label>' in html
    assert '<label for="f-niveau-laag">Laag <span class="count">(0)</span></label>' in html
    # The question's own counts ignore the question chosen: 3 in each.
    assert "1. Wat werkt in de wijk? (3)</option>" in html
    assert "2. Welke schotten hinderen u? (3)</option>" in html
    assert "Alleen waarover de meningen verschillen (0)" in html


def test_report_query_count_with_groups(client, polis, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        assert client.get(polis.get_absolute_url()).status_code == 200
