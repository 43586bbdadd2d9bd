"""Fixtures for the API tests: token headers for the kinds of visitor the visibility rule names."""

import pytest
from rest_framework.authtoken.models import Token


@pytest.fixture
def token_headers(db):
    """token_headers(user) gives the request headers of a caller holding that user's API token."""

    def headers(user):
        token, _ = Token.objects.get_or_create(user=user)
        return {"HTTP_AUTHORIZATION": f"Token {token.key}"}

    return headers
