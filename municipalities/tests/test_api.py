"""The municipalities API: `/api/v1/gemeenten` and `/api/v1/gemeenten/{cbsCode}`."""

import datetime

import pytest
from rest_framework.authtoken.models import Token

from cases.tests.factories import CaseFactory
from municipalities.tests.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db

MUNICIPALITIES = "/api/v1/gemeenten"


@pytest.fixture
def amsterdam(db):
    return MunicipalityFactory(name="Amsterdam", slug="amsterdam", cbs_code="GM0363")


def test_the_list_holds_every_municipality_by_name(client, amsterdam):
    MunicipalityFactory(name="Zwolle", slug="zwolle", cbs_code="GM0193")
    MunicipalityFactory(name="Delft", slug="delft", cbs_code="GM0503")
    CaseFactory(municipality=amsterdam)

    body = client.get(MUNICIPALITIES, {"paginaGrootte": 100}).json()

    # Every Dutch municipality is known from the start (municipalities/data/).
    assert body["aantal"] == 342
    listed = {item["naam"]: item for item in body["resultaten"]}
    assert body["resultaten"][0]["naam"] < body["resultaten"][-1]["naam"]
    amsterdam.refresh_from_db()
    assert (
        datetime.datetime.fromisoformat(listed["Amsterdam"].pop("gewijzigdOp"))
        == amsterdam.updated_at
    )
    assert listed["Amsterdam"] == {
        "slug": "amsterdam",
        "naam": "Amsterdam",
        "cbsCode": "GM0363",
        "aantalPraktijkvoorbeelden": 1,
        "_links": {
            "self": {"href": "http://testserver/api/v1/gemeenten/GM0363"},
            "webpagina": {"href": "http://testserver/gemeenten/amsterdam/"},
        },
    }


def test_a_municipality_by_its_cbs_code(client, amsterdam):
    CaseFactory(municipality=amsterdam)
    CaseFactory(municipality=amsterdam)

    response = client.get(f"{MUNICIPALITIES}/GM0363")

    assert response.status_code == 200
    body = response.json()
    assert body["naam"] == "Amsterdam"
    assert body["cbsCode"] == "GM0363"
    assert body["aantalPraktijkvoorbeelden"] == 2


@pytest.mark.parametrize("code", ["GM9999", "amsterdam", "0363"])
def test_an_unknown_cbs_code_is_not_found(client, amsterdam, code):
    response = client.get(f"{MUNICIPALITIES}/{code}")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == 404


def test_counts_leave_out_drafts_and_closed_spaces(client, amsterdam, closed_space, public_space):
    CaseFactory(municipality=amsterdam)
    CaseFactory(municipality=amsterdam, space=public_space)
    CaseFactory(municipality=amsterdam, live=False)
    CaseFactory(municipality=amsterdam, space=closed_space)
    hidden_only = MunicipalityFactory(name="Verborgen", slug="verborgen", cbs_code="GM0001")
    CaseFactory(municipality=hidden_only, space=closed_space)

    counts = {
        code: client.get(f"{MUNICIPALITIES}/{code}").json()["aantalPraktijkvoorbeelden"]
        for code in ("GM0363", "GM0001")
    }

    assert counts == {"GM0363": 2, "GM0001": 0}
    assert client.get(f"{MUNICIPALITIES}/GM0001").json()["aantalPraktijkvoorbeelden"] == 0


def test_an_editor_counts_every_case(client, amsterdam, closed_space, editor):
    CaseFactory(municipality=amsterdam)
    CaseFactory(municipality=amsterdam, live=False)
    CaseFactory(municipality=amsterdam, space=closed_space)
    token, _ = Token.objects.get_or_create(user=editor)

    body = client.get(f"{MUNICIPALITIES}/GM0363", HTTP_AUTHORIZATION=f"Token {token.key}").json()

    assert body["aantalPraktijkvoorbeelden"] == 3


def test_pages_of_municipalities_neither_repeat_nor_skip(client):
    for n in range(7):
        MunicipalityFactory(name=f"Gemeente {n}", slug=f"g-{n}", cbs_code=f"GM{n + 9100:04d}")

    first = client.get(MUNICIPALITIES, {"paginaGrootte": 100}).json()
    listed = [item["cbsCode"] for item in first["resultaten"]]
    url = first["_links"].get("next", {}).get("href")
    while url:
        page = client.get(url).json()
        listed += [item["cbsCode"] for item in page["resultaten"]]
        url = page["_links"].get("next", {}).get("href")

    assert len(listed) == len(set(listed)) == 342 + 7
