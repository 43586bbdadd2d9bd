"""The thesaurus: groups of equivalent search terms that editors manage in the back office.

It lives in the engine (textsearch) because the engine applies it: every search, whichever app
starts it, widens a word to its group at query time, so a change needs no reindex. It knows no
domain app; a change renews the content state token (core.state.track in apps.py), so cached
results follow at the next request.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


def split_terms(text: str) -> list[str]:
    """The terms of a group as an editor writes them: separated by commas or new lines."""
    return [term.strip() for term in re.split(r"[,;\n]", text or "") if term.strip()]


class SynonymGroup(models.Model):
    terms = models.TextField(
        _("termen"),
        help_text=_(
            "Woorden of woordgroepen die hetzelfde betekenen, gescheiden door komma's, "
            "bijvoorbeeld: burenruzie, burenconflict, buurtbemiddeling. Wie op één ervan "
            "zoekt, vindt ook de andere."
        ),
    )
    note = models.CharField(_("toelichting"), max_length=200, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["terms"]
        verbose_name = _("synoniemengroep")
        verbose_name_plural = _("synoniemen")

    def __str__(self) -> str:
        return ", ".join(self.term_list)

    @property
    def term_list(self) -> list[str]:
        return split_terms(self.terms)

    def clean(self) -> None:
        super().clean()
        if len(self.term_list) < 2:
            raise ValidationError({"terms": _("Geef minstens twee termen op.")})
