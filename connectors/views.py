"""Public pages for wijkschakelaars. Every query starts from `Connector.objects.visible_to()`."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from cases.models import Case
from connectors.filters import ConnectorFilter
from connectors.forms import ContactForm
from connectors.models import Connector
from connectors.services_contact import TooManyMessages, client_address, send_message
from core.pagination import paginate
from core.responses import render_form
from municipalities.models import Municipality
from topics.models import Topic

PER_PAGE = 20


def _visible(request: HttpRequest):
    return Connector.objects.visible_to(request.user)


def connector_list(request: HttpRequest) -> HttpResponse:
    connectors = _visible(request).select_related("municipality").prefetch_related("topics")
    filterset = ConnectorFilter(request.GET, queryset=connectors)
    page = paginate(request, filterset.qs, PER_PAGE)
    visible = _visible(request)
    return render(
        request,
        "connectors/connector_list.html",
        {
            "filterset": filterset,
            "page": page,
            "municipalities": Municipality.objects.filter(connectors__in=visible).distinct(),
            "topics": Topic.objects.filter(connectors__in=visible).distinct(),
            "chosen": {name: request.GET.getlist(name) for name in filterset.filters},
        },
    )


def connector_detail(request: HttpRequest, slug: str) -> HttpResponse:
    connector = get_object_or_404(
        _visible(request).select_related("municipality", "photo").prefetch_related("topics"),
        slug=slug,
    )
    cases = Case.objects.visible_to(request.user).filter(connectors=connector).with_card_data()
    return render(
        request, "connectors/connector_detail.html", {"connector": connector, "cases": cases}
    )


def connector_contact(request: HttpRequest, slug: str) -> HttpResponse:
    connector = get_object_or_404(_visible(request), slug=slug)
    context = {"connector": connector}
    if not connector.open_for_questions:
        return render(request, "connectors/contact.html", context)
    form = ContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if form.is_spam():
            # Said the same as a sent message, so a bot learns nothing; nothing is sent.
            return redirect("connectors:sent", slug=connector.slug)
        try:
            send_message(
                connector=connector,
                name=form.cleaned_data["name"],
                email=form.cleaned_data["email"],
                message=form.cleaned_data["message"],
                remote_address=client_address(request),
            )
        except TooManyMessages:
            context.update(form=form, too_many=True)
            return render(request, "connectors/contact.html", context, status=429)
        return redirect("connectors:sent", slug=connector.slug)
    context["form"] = form
    return render_form(request, "connectors/contact.html", context)


def connector_sent(request: HttpRequest, slug: str) -> HttpResponse:
    connector = get_object_or_404(_visible(request), slug=slug)
    return render(request, "connectors/sent.html", {"connector": connector})
