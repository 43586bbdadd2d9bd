"""Failure patterns linked to visible and hidden cases, for the facet and API tests."""

import pytest

from cases.models import Outcome
from cases.tests.factories import CaseFactory
from patterns.tests.factories import CasePatternFactory, FailurePatternFactory
from spaces.models import Space
from spaces.tests.factories import SpaceFactory


@pytest.fixture
def patterns():
    return {
        "draagvlak": FailurePatternFactory(
            name="Geen draagvlak bij bewoners", slug="geen-draagvlak", sort_order=1
        ),
        "projectitis": FailurePatternFactory(name="Projectitis", slug="projectitis", sort_order=2),
    }


@pytest.fixture
def world(patterns, closed_space):
    """Two public failures with "geen-draagvlak", one with "projectitis" too; a success that
    avoided "geen-draagvlak"; and three hidden failures with it: a draft, one in a closed space
    (on request) and one in a space outsiders cannot even find (by invitation)."""
    draagvlak, projectitis = patterns["draagvlak"], patterns["projectitis"]
    hidden_space = SpaceFactory(
        name="Geheime kring",
        slug="geheime-kring",
        visibility=Space.Visibility.CLOSED,
        join_policy=Space.JoinPolicy.INVITATION,
    )
    public = [
        CaseFactory(title="Buurtkamer zonder bewoners", outcome=Outcome.FAILURE),
        CaseFactory(title="Buurtbudget zonder plan", outcome=Outcome.MIXED),
    ]
    CasePatternFactory(case=public[0], pattern=draagvlak)
    CasePatternFactory(case=public[1], pattern=draagvlak)
    CasePatternFactory(case=public[1], pattern=projectitis)
    avoided = CaseFactory(title="Buurtkamer met bewoners", outcome=Outcome.SUCCESS)
    CasePatternFactory(case=avoided, pattern=draagvlak, avoided=True)
    CaseFactory(title="Buurtkamer zonder patroon")
    hidden = [
        CaseFactory(title="Concept buurtkamer", outcome=Outcome.FAILURE, live=False),
        CaseFactory(title="Besloten buurtkamer", outcome=Outcome.FAILURE, space=closed_space),
        CaseFactory(title="Geheime buurtkamer", outcome=Outcome.FAILURE, space=hidden_space),
    ]
    for case in hidden:
        CasePatternFactory(case=case, pattern=draagvlak)
        CasePatternFactory(case=case, pattern=projectitis)
    return {"public": public, "avoided": avoided, "hidden": hidden}
