"""Read-side helpers for cases that more than one page or endpoint needs."""

from __future__ import annotations

from django.db.models import Count, F, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from cases.models import Case, TaggedCase
from core.access import Visitor

CaseTopic = Case.topics.through


def _matches(queryset, case_field: str, term_field: str, term_ids: list[int]) -> Subquery:
    """How many of `term_ids` the outer case has, as a correlated subquery."""
    return Subquery(
        queryset.filter(**{case_field: OuterRef("pk"), f"{term_field}__in": term_ids})
        .order_by()
        .values(case_field)
        .annotate(n=Count("pk"))
        .values("n"),
        output_field=IntegerField(),
    )


SIMILAR_CASES = 5
CaseTargetGroup = Case.target_groups.through


def related_cases(case: Case, user, limit: int = SIMILAR_CASES) -> list[Case]:
    """Comparable interventions: visible cases that share the most topics (counted double),
    target groups and tags with `case`.

    Only cases sharing a topic, tag or target group are scored, through the link tables' indexes,
    so the cost follows the number of candidates rather than the size of the collection.
    """
    topic_ids = [topic.pk for topic in case.topics.all()]
    tag_ids = [tag.pk for tag in case.tags.all()]
    group_ids = [group.pk for group in case.target_groups.all()]
    if not topic_ids and not tag_ids and not group_ids:
        return []
    candidates = (
        Q(pk__in=CaseTopic.objects.filter(topic_id__in=topic_ids).values("case_id"))
        | Q(pk__in=TaggedCase.objects.filter(tag_id__in=tag_ids).values("content_object_id"))
        | Q(pk__in=CaseTargetGroup.objects.filter(targetgroup_id__in=group_ids).values("case_id"))
    )
    return list(
        Case.objects.visible_to(user)
        .filter(candidates)
        .exclude(pk=case.pk)
        .annotate(
            score=Coalesce(_matches(CaseTopic.objects, "case_id", "topic_id", topic_ids), 0) * 2
            + Coalesce(
                _matches(TaggedCase.objects, "content_object_id", "tag_id", tag_ids), Value(0)
            )
            + Coalesce(
                _matches(CaseTargetGroup.objects, "case_id", "targetgroup_id", group_ids),
                Value(0),
            )
        )
        .order_by("-score", F("first_published_at").desc(nulls_last=True), "pk")
        .select_related("municipality")[:limit]
    )


def with_visible_case_counts(queryset: QuerySet, user: Visitor) -> QuerySet:
    """`queryset` of topics or municipalities, each with `case_count`: how many of its cases
    `user` may see. Hidden cases count nowhere."""
    visible_cases = Case.objects.visible_to(user)
    # An aggregate drops Meta.ordering (Django ignores it in GROUP BY queries): order again.
    ordering = queryset.query.order_by or queryset.model._meta.ordering
    return queryset.annotate(case_count=Count("cases", filter=Q(cases__in=visible_cases))).order_by(
        *ordering
    )
