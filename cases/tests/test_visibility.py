"""The one visibility rule (docs/architecture.md) on every public page that shows cases.

Four kinds of case: public and live, a draft, live in a closed space, live in a public space.
Four kinds of visitor: anonymous, outsider (signed in, no membership), member, moderator, editor.
"""

import re
from urllib.parse import quote

import pytest
from django.contrib.auth.models import AnonymousUser

from cases.models import Case, Outcome
from cases.tests.factories import CaseFactory
from topics.tests.factories import TopicFactory

pytestmark = pytest.mark.django_db

SECRET_WORD = "Geheimzinnig"


@pytest.fixture
def topic():
    return TopicFactory(name="Veiligheid", slug="veiligheid")


@pytest.fixture
def cases(topic, closed_space, public_space):
    public = CaseFactory(title="Openbaar voorbeeld", topics=[topic], tags=["openbaar"])
    draft = CaseFactory(
        title=f"{SECRET_WORD} concept",
        live=False,
        first_published_at=None,
        topics=[topic],
        tags=["geheim"],
        municipality=public.municipality,
        outcome=Outcome.FAILURE,
    )
    closed = CaseFactory(
        title=f"{SECRET_WORD} besloten",
        space=closed_space,
        topics=[topic],
        tags=["geheim"],
        municipality=public.municipality,
        outcome=Outcome.FAILURE,
    )
    in_public_space = CaseFactory(title="Open ruimte voorbeeld", space=public_space, topics=[topic])
    return {"public": public, "draft": draft, "closed": closed, "public_space": in_public_space}


# Who sees which case.
EXPECTED = {
    "anonymous": {"public", "public_space"},
    "outsider": {"public", "public_space"},
    "member": {"public", "public_space", "closed"},
    "moderator": {"public", "public_space", "closed"},
    "editor": {"public", "public_space", "closed", "draft"},
}


@pytest.fixture(params=list(EXPECTED))
def visitor(request):
    if request.param == "anonymous":
        return request.param, AnonymousUser()
    return request.param, request.getfixturevalue(request.param)


def test_queryset(cases, visitor):
    role, user = visitor
    visible = set(Case.objects.visible_to(user).values_list("pk", flat=True))
    assert visible == {cases[key].pk for key in EXPECTED[role]}


def test_detail_pages_answer_404_when_hidden(cases, visitor, client_for):
    role, user = visitor
    client = client_for(user)
    for key, case in cases.items():
        response = client.get(case.get_absolute_url())
        expected = 200 if key in EXPECTED[role] else 404
        assert response.status_code == expected, (role, key)


def test_hidden_answers_like_missing(cases, client):
    hidden = client.get(cases["closed"].get_absolute_url())
    missing = client.get("/praktijkvoorbeelden/bestaat-helemaal-niet/")
    assert hidden.status_code == missing.status_code == 404

    def normalised(response, path):
        # The only differences allowed: the per-response CSRF token and the path itself
        # (also URL-encoded, as the login link's `next`).
        html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())
        return html.replace(path, "PATH").replace(quote(path, safe=""), "PATH")

    assert normalised(hidden, cases["closed"].get_absolute_url()) == normalised(
        missing, "/praktijkvoorbeelden/bestaat-helemaal-niet/"
    )


def test_case_list_shows_and_counts_only_visible(cases, visitor, client_for):
    role, user = visitor
    response = client_for(user).get("/praktijkvoorbeelden/")
    listed = {case.pk for case in response.context["page"]}
    assert listed == {cases[key].pk for key in EXPECTED[role]}
    assert response.context["page"].paginator.count == len(EXPECTED[role])
    content = response.content.decode()
    assert (SECRET_WORD in content) == bool(EXPECTED[role] & {"draft", "closed"})


def test_facets_never_count_hidden_cases(cases, client):
    response = client.get("/praktijkvoorbeelden/")
    facets = {facet.name: facet for facet in response.context["facets"]}
    assert {o.value: o.count for o in facets["thema"].options} == {"veiligheid": 2}
    # The hidden cases are the only failures and the only ones tagged "geheim".
    assert "mislukt" not in {o.value for o in facets["uitkomst"].options}
    assert "geheim" not in {o.value for o in facets["tag"].options}
    assert sum(o.count for o in facets["gemeente"].options) == 2


def test_a_filter_on_a_hidden_value_is_refused_like_an_unknown_one(cases, client):
    response = client.get("/praktijkvoorbeelden/?tag=geheim")
    unknown = client.get("/praktijkvoorbeelden/?tag=bestaat-niet")
    assert "Een deel van de filters klopt niet" in response.content.decode()
    assert response.context["page"].paginator.count == unknown.context["page"].paginator.count
    assert SECRET_WORD not in response.content.decode()


def test_topic_and_municipality_pages_count_only_visible(cases, topic, client, client_for, member):
    anonymous_topic = client.get(topic.get_absolute_url())
    assert anonymous_topic.context["page"].paginator.count == 2
    assert SECRET_WORD not in anonymous_topic.content.decode()

    topic_list = client.get("/themas/")
    counts = {t.slug: t.case_count for t in topic_list.context["topics"]}
    assert counts["veiligheid"] == 2

    municipality = cases["public"].municipality
    page = client.get(municipality.get_absolute_url())
    assert page.context["page"].paginator.count == 1
    listing = client.get("/gemeenten/")
    counts = {m.slug: m.case_count for m in listing.context["municipalities"]}
    assert counts[municipality.slug] == 1

    member_topic = client_for(member).get(topic.get_absolute_url())
    assert member_topic.context["page"].paginator.count == 3


def test_home_shows_only_visible(cases, client):
    response = client.get("/")
    assert SECRET_WORD not in response.content.decode()
    assert list(response.context["recent_failures"]) == []


def test_sitemap_lists_only_what_anonymous_may_see(cases, client):
    content = client.get("/sitemap.xml").content.decode()
    assert cases["public"].get_absolute_url() in content
    assert cases["public_space"].get_absolute_url() in content
    assert cases["draft"].get_absolute_url() not in content
    assert cases["closed"].get_absolute_url() not in content


def test_related_cases_never_show_hidden(cases, client):
    response = client.get(cases["public"].get_absolute_url())
    related = {case.pk for case in response.context["related_cases"]}
    assert related == {cases["public_space"].pk}


def test_old_slug_of_a_hidden_case_answers_404(cases, client, member, client_for):
    closed = cases["closed"]
    old_url = closed.get_absolute_url()
    closed.slug = "nieuwe-naam"
    closed.save()
    assert client.get(old_url).status_code == 404
    response = client_for(member).get(old_url)
    assert response.status_code == 301
    assert response["Location"] == "/praktijkvoorbeelden/nieuwe-naam/"


def test_attachment_downloads_follow_the_case(cases, client, client_for, member):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    from cases.models import CaseAttachment

    document = Document.objects.create(
        title="Verslag", file=ContentFile(b"inhoud van het verslag", name="verslag.txt")
    )
    closed = cases["closed"]
    CaseAttachment.objects.create(case=closed, document=document)
    assert client.get(document.url).status_code == 404
    response = client_for(member).get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"inhoud van het verslag"


def test_a_loose_document_is_not_served_to_visitors(client, db):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    document = Document.objects.create(title="Los", file=ContentFile(b"los", name="los.txt"))
    assert client.get(document.url).status_code == 404


def test_deleting_a_space_never_makes_its_cases_public(cases, closed_space):
    from django.db.models import ProtectedError

    with pytest.raises(ProtectedError):
        closed_space.delete()
