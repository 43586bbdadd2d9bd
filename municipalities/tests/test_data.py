"""Every Dutch municipality out of the box, found by code, name, other name or old code."""

import io

import pytest
from django.core.management import call_command

from cases.models import Case
from cases.services import case_import
from cases.tests.factories import CaseFactory
from municipalities.loader import MERGERS_FILE, read_cbs_file, read_rows
from municipalities.models import Municipality, MunicipalityAlias

pytestmark = pytest.mark.django_db


def test_a_fresh_install_knows_all_342_municipalities_with_their_province():
    assert Municipality.objects.count() == 342
    assert Municipality.objects.filter(province="").count() == 0
    assert Municipality.objects.values("province").distinct().count() == 12
    haag = Municipality.objects.get(cbs_code="GM0518")
    assert (haag.name, haag.slug) == ("'s-Gravenhage", "s-gravenhage")
    assert haag.province == "Zuid-Holland"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("GM0363", "GM0363"),
        ("gm0363", "GM0363"),
        ("Amsterdam", "GM0363"),
        ("Den Haag", "GM0518"),
        ("’s-Gravenhage", "GM0518"),
        ("Den Bosch", "GM0796"),
        ("Sudwest-Fryslan", "GM1900"),
        ("GM0457", "GM0363"),  # Weesp, merged into Amsterdam in 2022
        ("Hellevoetsluis", "GM1992"),  # now Voorne aan Zee
        ("bergen-nh", "GM0373"),
    ],
)
def test_find_knows_codes_names_other_names_and_old_codes(text, code):
    assert Municipality.objects.find(text).cbs_code == code


def test_an_unknown_name_or_code_finds_nothing():
    assert Municipality.objects.find("Atlantis") is None
    assert Municipality.objects.find("GM9998") is None


def test_import_cases_on_a_fresh_install_accepts_names_and_codes():
    item = {
        "title": "Buurtpreventie in Den Haag",
        "summary": "Bewoners lopen samen.",
        "outcome": "success",
        "context": "c",
        "approach": "a",
        "results": "r",
        "lessons": "l",
        "topics": [],
        "tags": [],
    }
    report = case_import(
        data=[
            {**item, "external_id": "a", "municipality": "Den Haag"},
            {**item, "external_id": "b", "municipality": "GM0599", "title": "Rotterdam"},
            {**item, "external_id": "c", "municipality": "Weesp", "title": "Weesp"},
        ]
    )
    assert len(report.created) == 3
    assert Case.objects.get(external_id="a").municipality.cbs_code == "GM0518"
    assert Case.objects.get(external_id="b").municipality.cbs_code == "GM0599"
    assert Case.objects.get(external_id="c").municipality.cbs_code == "GM0363"


def test_code_addresses_redirect_to_the_municipality_page(client):
    response = client.get("/gemeenten/GM0363/")
    assert response.status_code == 301
    assert response["Location"] == "/gemeenten/amsterdam/"
    assert client.get("/gemeenten/GM0457/")["Location"] == "/gemeenten/amsterdam/"
    assert client.get("/gemeenten/GM9998/").status_code == 404


def test_the_case_filter_takes_a_cbs_code_on_the_site_and_in_the_api(client):
    amsterdam = Municipality.objects.get(cbs_code="GM0363")
    here = CaseFactory(municipality=amsterdam, title="Hier")
    CaseFactory(municipality=Municipality.objects.get(cbs_code="GM0599"), title="Daar")

    page = client.get("/praktijkvoorbeelden/", {"gemeente": "GM0363"})
    assert [c.pk for c in page.context["page"]] == [here.pk]
    chosen = [
        option.value
        for facet in page.context["facets"]
        if facet.name == "gemeente"
        for option in facet.options
        if option.selected
    ]
    assert chosen == ["amsterdam"]
    api = client.get("/api/v1/praktijkvoorbeelden", {"gemeente": "GM0363"}).json()
    assert [item["titel"] for item in api["resultaten"]] == ["Hier"]


def test_a_merger_moves_cases_and_keeps_the_old_code(tmp_path, monkeypatch):
    from municipalities import loader

    # A made-up merger: Oostzaan into Zaanstad.
    oostzaan = Municipality.objects.get(cbs_code="GM0431")
    case = CaseFactory(municipality=oostzaan)
    rows = [r for r in read_cbs_file(loader.MUNICIPALITIES_FILE) if r["cbs_code"] != "GM0431"]
    new_list = tmp_path / "gemeenten.csv"
    new_list.write_text(
        "GemeentecodeGM;Gemeentenaam;Provincienaam\n"
        + "".join(f"{r['cbs_code']};{r['naam']};{r['provincie']}\n" for r in rows),
        encoding="utf-8",
    )
    mergers = tmp_path / "samenvoegingen.csv"
    mergers.write_text(
        MERGERS_FILE.read_text(encoding="utf-8") + "GM0431,Oostzaan,GM0479,2027-01-01\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(loader, "MERGERS_FILE", mergers)
    out = io.StringIO()

    call_command("update_municipalities", str(new_list), stdout=out)

    assert "1 samengevoegd" in out.getvalue()
    assert Municipality.objects.count() == 341
    case.refresh_from_db()
    assert case.municipality.cbs_code == "GM0479"
    assert Municipality.objects.find("GM0431").cbs_code == "GM0479"
    assert Municipality.objects.find("Oostzaan").cbs_code == "GM0479"
    assert MunicipalityAlias.objects.filter(text="GM0431").exists()


def test_the_data_files_state_their_source_and_date():
    for path in (loader_file("gemeenten.csv"), MERGERS_FILE):
        head = path.read_text(encoding="utf-8").splitlines()[:3]
        assert any("Bron: CBS" in line for line in head)
    assert len(read_rows(MERGERS_FILE)) >= 14


def loader_file(name):
    from municipalities.loader import DATA_DIR

    return DATA_DIR / name


def test_the_municipality_list_finds_any_municipality_by_name_or_code(client):
    listed = client.get("/gemeenten/", {"naam": "Den Haag"}).context["municipalities"]
    assert [m.cbs_code for m in listed] == ["GM0518"]
    listed = client.get("/gemeenten/", {"naam": "GM0599"}).context["municipalities"]
    assert [m.name for m in listed] == ["Rotterdam"]
    assert list(client.get("/gemeenten/").context["municipalities"]) == []  # none with cases
