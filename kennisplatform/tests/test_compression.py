"""Gzip for anonymous pages and API responses; none where BREACH could read a secret
(signed-in users, the back office, form posts). See kennisplatform/compression.py."""

import gzip
import json

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from cases.models import CaseAttachment
from cases.tests.factories import CaseFactory
from connectors.tests.factories import ConnectorFactory

pytestmark = pytest.mark.django_db

GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}


@pytest.fixture
def cases():
    return [CaseFactory(title=f"Buurtaanpak {n}") for n in range(3)]


def test_anonymous_page_is_compressed(client, cases):
    response = client.get("/praktijkvoorbeelden/", **GZIP)

    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    page = gzip.decompress(response.content).decode()
    assert "Buurtaanpak 1" in page
    # Nothing secret is compressed: an anonymous page carries no form token.
    assert "csrfmiddlewaretoken" not in page


def test_api_json_is_compressed(client, cases):
    response = client.get("/api/v1/praktijkvoorbeelden", **GZIP)

    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    body = json.loads(gzip.decompress(response.content))
    assert body["aantal"] == 3
    assert {case["titel"] for case in body["resultaten"]} == {f"Buurtaanpak {n}" for n in range(3)}


def test_not_compressed_without_accept_encoding(client, cases):
    response = client.get("/praktijkvoorbeelden/")

    assert response.status_code == 200
    assert not response.has_header("Content-Encoding")
    assert b"Buurtaanpak 1" in response.content


@pytest.mark.parametrize("path", ["/account/login/", "/account/signup/"])
def test_a_form_with_a_csrf_token_is_not_compressed(client, path):
    response = client.get(path, **GZIP)

    assert response.status_code == 200
    assert b"csrfmiddlewaretoken" in response.content
    assert not response.has_header("Content-Encoding")


def test_signed_in_pages_are_not_compressed(client, editor, cases):
    client.force_login(editor)

    page = client.get("/praktijkvoorbeelden/", **GZIP)
    api = client.get("/beheer/", **GZIP)

    assert page.status_code == 200
    assert not page.has_header("Content-Encoding")
    assert api.status_code == 200
    assert not api.has_header("Content-Encoding")


def test_a_form_posted_back_with_errors_is_not_compressed(client):
    connector = ConnectorFactory()
    url = f"/wijkschakelaars/{connector.slug}/contact/"
    # The empty form carries a CSRF token: not compressed either.
    assert not client.get(url, **GZIP).has_header("Content-Encoding")

    response = client.post(url, {"name": "Ans", "email": "geen-adres", "message": ""}, **GZIP)

    assert response.status_code == 400  # the form again, with its errors
    assert b"Ans" in response.content
    assert not response.has_header("Content-Encoding")


def test_downloads_are_left_alone(client, cases):
    document = Document.objects.create(
        title="Verslag", file=ContentFile(b"Verslag van de wijkavond.\n" * 100, name="verslag.txt")
    )

    CaseAttachment.objects.create(case=cases[0], document=document)

    response = client.get(document.url, **GZIP)

    assert response.status_code == 200
    assert response.get("Content-Encoding") != "gzip"  # Wagtail's own header reads "None"
    assert b"".join(response.streaming_content).startswith(b"Verslag van de wijkavond.")
