"""Page-numbered lists with `_links` (HAL style) and a page size parameter with a cap."""

from django.conf import settings
from rest_framework import serializers
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.reverse import reverse


class LinkPagination(PageNumberPagination):
    page_query_param = "pagina"
    page_size_query_param = "paginaGrootte"
    page_size = settings.API_PAGE_SIZE
    max_page_size = settings.API_MAX_PAGE_SIZE

    def get_paginated_response(self, data):
        links = {"self": {"href": self.request.build_absolute_uri()}}
        if self.page.has_previous():
            links["prev"] = {"href": self.get_previous_link()}
        if self.page.has_next():
            links["next"] = {"href": self.get_next_link()}
        return Response(
            {
                "_links": links,
                "aantal": self.page.paginator.count,
                "resultaten": data,
            }
        )

    def get_paginated_response_schema(self, schema):
        link = {
            "type": "object",
            "properties": {"href": {"type": "string", "format": "uri"}},
            "required": ["href"],
        }
        return {
            "type": "object",
            "required": ["_links", "aantal", "resultaten"],
            "properties": {
                "_links": {
                    "type": "object",
                    "properties": {"self": link, "prev": link, "next": link},
                    "required": ["self"],
                },
                "aantal": {"type": "integer", "example": 42},
                "resultaten": schema,
            },
        }


def resource_links(request, obj, route: str) -> dict:
    """`_links` of a resource: its API address and its page on the site."""
    return {
        "self": {"href": reverse(route, kwargs={"slug": obj.slug}, request=request)},
        "webpagina": {"href": request.build_absolute_uri(obj.get_absolute_url())},
    }


class LinkSerializer(serializers.Serializer):
    """One entry of `_links`."""

    href = serializers.URLField()
