"""GET /health/ for a load balancer: 200 when the database and cache work, 503 otherwise."""

from unittest import mock

import pytest
from django.db import OperationalError, connection

pytestmark = pytest.mark.django_db

UNREACHABLE_REDIS = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        # Nothing listens on port 1: the connection is refused at once.
        "LOCATION": "redis://127.0.0.1:1/4",
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }
}


def test_healthy_answers_200_json_without_cache_or_cookies(client):
    response = client.get("/health/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json()["status"] == "ok"
    assert set(response.json()["checks"]) == {"database", "cache"}
    assert all(check["status"] == "ok" for check in response.json()["checks"].values())
    assert response["Cache-Control"] == "no-store"
    assert not response.cookies


def test_an_unreachable_cache_answers_503_naming_the_cache(client, settings):
    settings.CACHES = UNREACHABLE_REDIS

    response = client.get("/health/")

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "error"
    assert body["failed"] == ["cache"]
    assert body["checks"]["cache"]["error"] == "ConnectionError"
    assert body["checks"]["database"]["status"] == "ok"
    assert response["Cache-Control"] == "no-store"


def test_a_failing_database_answers_503_naming_the_database(client):
    lost = OperationalError("server closed the connection unexpectedly")
    with mock.patch.object(connection, "cursor", side_effect=lost):
        response = client.get("/health/")

    assert response.status_code == 503
    assert response.json()["failed"] == ["database"]
    assert response.json()["checks"]["database"]["error"] == "OperationalError"


def test_plain_http_probe_is_not_redirected_to_https(client, settings):
    settings.SECURE_SSL_REDIRECT = True

    assert client.get("/").status_code == 301
    assert client.get("/health/").status_code == 200


def test_only_get_and_head(client):
    assert client.post("/health/").status_code == 405
    assert client.head("/health/").status_code == 200
