"""The search index follows edits, publication, unpublication and deletion."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command

from cases.models import Case
from cases.tests.factories import CaseFactory
from textsearch.engine import ranked

pytestmark = pytest.mark.django_db


def found(query: str, user=None) -> list[str]:
    return [case.title for case in ranked(Case.objects.visible_to(user or AnonymousUser()), query)]


def test_a_published_edit_is_found_by_its_new_words():
    case = CaseFactory(title="Straatcoaches")
    case.summary = "Nu ook met een voedselbank."
    case.save_revision().publish()
    assert found("voedselbank") == ["Straatcoaches"]


def test_a_draft_edit_changes_nothing_visible():
    case = CaseFactory(title="Straatcoaches")
    case.save_revision().publish()
    case.title = "Geheime nieuwe titel"
    case.save_revision()  # a draft: the live row (and the index) keep the published text
    assert found("straatcoaches") == ["Straatcoaches"]
    assert found("geheime") == []


def test_unpublished_and_deleted_cases_are_not_found(editor):
    case = CaseFactory(title="Straatcoaches")
    case.save_revision().publish()
    case.unpublish()
    assert found("straatcoaches") == []
    assert found("straatcoaches", editor) == ["Straatcoaches"]
    case.delete()
    assert found("straatcoaches", editor) == []


# The worker closes database connections between tasks, so this test cannot run inside a
# transaction that is rolled back afterwards.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_saving_does_not_wait_for_indexing(settings):
    """With the database task backend a save only queues the indexing; the worker does it."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    case = CaseFactory(title="Buurtmoestuin")
    assert found("buurtmoestuin") == []  # queued, not yet indexed
    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)
    assert found("buurtmoestuin") == [case.title]


def test_reindex_rebuilds_from_the_database():
    CaseFactory(title="Buurtmoestuin")
    call_command("update_index", verbosity=0)
    assert found("buurtmoestuinen") == ["Buurtmoestuin"]
