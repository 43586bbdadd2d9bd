"""Municipalities with their CBS code, so cases can be found and embedded per municipality.

Every current Dutch municipality is known from the start (a data migration loads
`municipalities/data/`); `manage.py update_municipalities` follows later mergers. A merged
municipality's old code and name, and the names people use beside the official one ("Den Haag"
for 's-Gravenhage), are kept as aliases: `Municipality.objects.find()` knows them all.
"""

from __future__ import annotations

import re

from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from municipalities.loader import alias_key, name_key

CBS_CODE = re.compile(r"^GM\d{4}$", re.IGNORECASE)

cbs_code_validator = RegexValidator(
    r"^GM\d{4}$", _("Een CBS-code is GM gevolgd door vier cijfers, bijvoorbeeld GM0363.")
)


class MunicipalityQuerySet(models.QuerySet):
    def visible_to(self, user) -> MunicipalityQuerySet:
        # Municipalities are public reference data; their cases are filtered by Case.visible_to.
        return self.all()

    def find(self, text: str) -> Municipality | None:
        """The municipality meant by a CBS code (current or from before a merger), its name,
        a common other name, or its slug; None when none is known."""
        text = (text or "").strip()
        if not text:
            return None
        if CBS_CODE.match(text):
            code = text.upper()
            found = self.filter(cbs_code=code).first()
            return found or self.filter(aliases__key=code.casefold()).first()
        table = self.lookup_table()
        return table.get(name_key(text)) or table.get(slugify(text))

    def lookup_table(self) -> dict[str, Municipality]:
        """Every name, other name and code (current and old), as compared by `name_key`, to
        its municipality: for imports that look up many names at once."""
        table: dict[str, Municipality] = {}
        municipalities = {m.pk: m for m in self.all()}
        for m in municipalities.values():
            table[name_key(m.name)] = m
            table[m.cbs_code.casefold()] = m
            table[m.slug] = m
        aliases = MunicipalityAlias.objects.filter(municipality__in=municipalities)
        for municipality_id, key in aliases.values_list("municipality_id", "key"):
            table.setdefault(key, municipalities[municipality_id])
        return table

    def slugs_by_code(self, values: list[str]) -> dict[str, str]:
        """For the filters: each value that is a CBS code (or an old one) → the slug."""
        codes = {v: v.upper() for v in values if CBS_CODE.match(v)}
        if not codes:
            return {}
        current = dict(self.filter(cbs_code__in=codes.values()).values_list("cbs_code", "slug"))
        old = dict(
            MunicipalityAlias.objects.filter(
                key__in=[c.casefold() for c in codes.values()]
            ).values_list("key", "municipality__slug")
        )
        found = {}
        for value, code in codes.items():
            slug = current.get(code) or old.get(code.casefold())
            if slug:
                found[value] = slug
        return found


class Municipality(models.Model):
    name = models.CharField(_("naam"), max_length=100, unique=True)
    slug = models.SlugField(_("korte naam in de URL"), max_length=100, unique=True)
    cbs_code = models.CharField(
        _("CBS-code"), max_length=6, unique=True, validators=[cbs_code_validator]
    )
    province = models.CharField(_("provincie"), max_length=30, blank=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    objects = MunicipalityQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("municipalities:detail", kwargs={"slug": self.slug})


class MunicipalityAlias(models.Model):
    """Another way to name a municipality: an old CBS code or name from before a merger, or a
    name in common use. `key` is compared (codes in lower case, names through `name_key`)."""

    class Kind(models.TextChoices):
        OLD_CODE = "oude_code", _("oude CBS-code")
        OLD_NAME = "oude_naam", _("oude naam")
        OTHER_NAME = "andere_naam", _("andere naam")

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="aliases")
    kind = models.CharField(_("soort"), max_length=12, choices=Kind.choices)
    text = models.CharField(_("tekst"), max_length=100)
    key = models.CharField(max_length=100, unique=True, editable=False)
    since = models.DateField(_("sinds"), null=True, blank=True)

    class Meta:
        ordering = ["municipality", "kind", "text"]
        verbose_name = _("andere naam of code")
        verbose_name_plural = _("andere namen en codes")

    def __str__(self) -> str:
        return f"{self.text} → {self.municipality}"

    def save(self, *args, **kwargs):
        self.key = alias_key(self.kind, self.text)
        super().save(*args, **kwargs)
