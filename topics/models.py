"""Topics (thema's): the platform's themes; a topic page gathers everything on it."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelsearch import index
from modelsearch.queryset import SearchableQuerySetMixin

from textsearch.index import DutchSearchField


class TopicQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def visible_to(self, user) -> TopicQuerySet:
        # Topics are the platform's public vocabulary and are never hidden. What a topic
        # *contains* is filtered by each content type's own visible_to.
        return self.all()


class Topic(index.Indexed, models.Model):
    name = models.CharField(_("naam"), max_length=80, unique=True)
    slug = models.SlugField(_("korte naam in de URL"), max_length=80, unique=True)
    description = models.TextField(_("beschrijving"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("volgorde"), default=100)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    objects = TopicQuerySet.as_manager()
    search_few_entries = True  # ranked from its own entries (textsearch/backends.py)

    search_fields = [
        DutchSearchField("name", boost=5, compounds=True),
        DutchSearchField("description"),
        index.AutocompleteField("name"),
        index.FilterField("id"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("topics:detail", kwargs={"slug": self.slug})
