"""Fixtures for the discovery tests (search, API, feeds, sitemap)."""


def token_headers(user) -> dict:
    """The request headers of a caller holding `user`'s API token."""
    from rest_framework.authtoken.models import Token

    token, _ = Token.objects.get_or_create(user=user)
    return {"HTTP_AUTHORIZATION": f"Token {token.key}"}
