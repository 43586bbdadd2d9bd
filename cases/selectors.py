"""Read-side helpers for cases that more than one page or endpoint needs."""

from __future__ import annotations

from django.db.models import Count, F, Q

from cases.models import Case


def related_cases(case: Case, user, limit: int = 4) -> list[Case]:
    """Visible cases that share the most topics and tags with `case`."""
    topic_ids = [topic.pk for topic in case.topics.all()]
    tag_ids = [tag.pk for tag in case.tags.all()]
    if not topic_ids and not tag_ids:
        return []
    return list(
        Case.objects.visible_to(user)
        .exclude(pk=case.pk)
        .annotate(
            shared_topics=Count("topics", filter=Q(topics__in=topic_ids), distinct=True),
            shared_tags=Count(
                "tagged_items", filter=Q(tagged_items__tag_id__in=tag_ids), distinct=True
            ),
        )
        .annotate(score=F("shared_topics") * 2 + F("shared_tags"))
        .filter(score__gt=0)
        .order_by("-score", F("first_published_at").desc(nulls_last=True), "pk")
        .select_related("municipality")[:limit]
    )
