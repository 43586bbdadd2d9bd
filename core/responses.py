"""Responses that several apps' views share."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def render_form(request: HttpRequest, template: str, context: dict[str, Any]) -> HttpResponse:
    """A page with a form (`context["form"]`): status 400 when the form was sent with errors,
    so that scripts and tests see the refusal without reading the page."""
    status = 400 if context["form"].errors else 200
    return render(request, template, context, status=status)
