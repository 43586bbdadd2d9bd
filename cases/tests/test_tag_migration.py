"""The data migration that merges the demo's plural tags into their singular."""

import importlib

import pytest
from django.apps import apps
from taggit.models import Tag

from cases.tests.factories import CaseFactory

pytestmark = pytest.mark.django_db

migration = importlib.import_module("cases.migrations.0008_merge_plural_demo_tags")


def test_plurals_merge_into_their_singular_once_per_case():
    both = CaseFactory(tags=["buurthuis", "buurthuizen"])
    plural = CaseFactory(tags=["buurthuizen"])
    only_plural = CaseFactory(tags=["jongerenwerkers"])
    migration.merge(apps, None)
    assert set(both.tags.names()) == {"buurthuis"}
    assert set(plural.tags.names()) == {"buurthuis"}
    # No singular yet: the plural tag is renamed.
    assert set(only_plural.tags.names()) == {"jongerenwerk"}
    assert not Tag.objects.filter(name__in=["buurthuizen", "jongerenwerkers"]).exists()
    migration.merge(apps, None)  # twice changes nothing
    assert set(both.tags.names()) == {"buurthuis"}
