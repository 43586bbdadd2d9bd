"""Themes for the embeds: a municipality's portal look (NL Design System tokens) and the origins
allowed to frame them. Registered by editors as a Wagtail snippet; contrast is checked on save."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from embeds.colours import MIN_CONTRAST, contrast, parse_hex
from embeds.tokens import parse_tokens

FONT = re.compile(r"^[A-Za-z0-9 ,'\"-]{1,120}$")
ORIGIN = re.compile(r"^https?://[A-Za-z0-9.-]+(:\d{1,5})?$")


@dataclass(frozen=True)
class Palette:
    """The colours and font an embed is drawn with (NL Design System custom properties)."""

    background: str = "#ffffff"
    text: str = "#1a1a1a"
    link: str = "#01578a"
    accent: str = "#01578a"
    accent_text: str = "#ffffff"
    font: str = ""
    # The municipality's own theme tokens ((name, value), ...), applied before the colours above.
    tokens: tuple[tuple[str, str], ...] = ()

    # (foreground, background, what) pairs that must reach 4.5:1.
    PAIRS = (
        ("text", "background", _("tekst op achtergrond")),
        ("link", "background", _("links op achtergrond")),
        ("accent_text", "accent", _("knoptekst op knopkleur")),
    )

    def problems(self) -> list[tuple[str, str]]:
        found = []
        for fg, bg, what in self.PAIRS:
            ratio = contrast(getattr(self, fg), getattr(self, bg))
            if ratio < MIN_CONTRAST:
                found.append(
                    (
                        fg,
                        _(
                            "Te weinig contrast voor %(what)s: %(ratio).1f:1, minimaal 4,5:1 "
                            "(WCAG 2.2 AA). Kies een donkerdere of lichtere kleur."
                        )
                        % {"what": what, "ratio": ratio},
                    )
                )
        return found

    @classmethod
    def from_parameters(cls, data) -> Palette:
        """A palette from a few URL parameters (hex colours only). A pair that would be
        unreadable falls back to the default colours of both."""
        default = cls()
        values = {}
        for name, parameter in PARAMETERS.items():
            colour = parse_hex(data.get(parameter, ""))
            if colour:
                values[name] = colour
        palette = cls(**values)
        for fg, bg, _what in cls.PAIRS:
            if contrast(getattr(palette, fg), getattr(palette, bg)) < MIN_CONTRAST:
                values.pop(fg, None)
                values.pop(bg, None)
        return cls(**values) if values else default


# Colour parameters an embed address may carry: ?accent=01689b
PARAMETERS = {
    "background": "achtergrond",
    "text": "tekst",
    "link": "link",
    "accent": "accent",
    "accent_text": "accenttekst",
}


def validate_colour(value: str) -> None:
    if parse_hex(value) is None:
        raise ValidationError(_("Een kleur is # met zes hexadecimale tekens, zoals #01689b."))


class EmbedTheme(models.Model):
    name = models.CharField(_("naam"), max_length=100)
    slug = models.SlugField(
        _("korte naam"), max_length=60, unique=True, help_text=_("Gebruikt als ?stijl=...")
    )
    municipality = models.ForeignKey(
        "municipalities.Municipality",
        verbose_name=_("gemeente"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="embed_themes",
    )
    background_color = models.CharField(
        _("achtergrondkleur"), max_length=7, default="#ffffff", validators=[validate_colour]
    )
    text_color = models.CharField(
        _("tekstkleur"), max_length=7, default="#1a1a1a", validators=[validate_colour]
    )
    link_color = models.CharField(
        _("linkkleur"), max_length=7, default="#01578a", validators=[validate_colour]
    )
    accent_color = models.CharField(
        _("knopkleur"), max_length=7, default="#01578a", validators=[validate_colour]
    )
    accent_text_color = models.CharField(
        _("knoptekstkleur"), max_length=7, default="#ffffff", validators=[validate_colour]
    )
    font_family = models.CharField(
        _("lettertype"),
        max_length=120,
        blank=True,
        help_text=_("Een CSS-lettertypefamilie, bijvoorbeeld: Fira Sans, Arial, sans-serif"),
    )
    theme_tokens = models.TextField(
        _("eigen NL Design System-thema"),
        blank=True,
        help_text=_(
            "Optioneel: plak hier het CSS-bestand met het thema van de gemeente, zoals "
            ".gemeente-theme { --utrecht-document-color: #1a1a1a; … }. Alleen de "
            "eigenschappen die met -- beginnen worden gebruikt. De kleuren en het lettertype "
            "hierboven gaan voor."
        ),
    )
    allowed_origins = models.TextField(
        _("toegestane websites"),
        blank=True,
        help_text=_(
            "Eén adres per regel, zoals https://www.gemeente.nl. Leeg: elke website mag de "
            "widgets met deze stijl tonen."
        ),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("stijl voor widgets")
        verbose_name_plural = _("stijlen voor widgets")

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        for name in (
            "background_color",
            "text_color",
            "link_color",
            "accent_color",
            "accent_text_color",
        ):
            setattr(self, name, parse_hex(getattr(self, name)) or getattr(self, name))
        super().save(*args, **kwargs)

    @property
    def palette(self) -> Palette:
        return Palette(
            background=parse_hex(self.background_color) or Palette.background,
            text=parse_hex(self.text_color) or Palette.text,
            link=parse_hex(self.link_color) or Palette.link,
            accent=parse_hex(self.accent_color) or Palette.accent,
            accent_text=parse_hex(self.accent_text_color) or Palette.accent_text,
            font=self.font_family,
            tokens=tuple(parse_tokens(self.theme_tokens)[0].items()),
        )

    @property
    def origins(self) -> list[str]:
        return [
            line.strip().rstrip("/") for line in self.allowed_origins.splitlines() if line.strip()
        ]

    def clean(self) -> None:
        super().clean()
        errors: dict[str, list] = {}
        if self.font_family and not FONT.match(self.font_family):
            errors["font_family"] = [
                _("Alleen letters, cijfers, spaties, komma's, aanhalingstekens en streepjes.")
            ]
        bad = [o for o in self.origins if not ORIGIN.match(o) or urlsplit(o).path]
        if bad:
            errors["allowed_origins"] = [
                _("Geen geldig websiteadres (https://host): %(origins)s")
                % {"origins": ", ".join(bad)}
            ]
        if self.theme_tokens.strip():
            tokens, refused = parse_tokens(self.theme_tokens)
            if refused:
                errors["theme_tokens"] = [
                    _(
                        "Deze eigenschappen kunnen we niet gebruiken (alleen kleuren, maten, "
                        "woorden en var(); geen url() of @-regels): %(names)s"
                    )
                    % {"names": ", ".join(refused[:10])}
                ]
            elif not tokens:
                errors["theme_tokens"] = [
                    _("Geen eigenschappen gevonden. Een thema ziet eruit als --naam: waarde;")
                ]
        colours = [self.background_color, self.text_color, self.link_color, self.accent_color]
        if all(parse_hex(c) for c in [*colours, self.accent_text_color]):
            field_of = {
                "text": "text_color",
                "link": "link_color",
                "accent_text": "accent_text_color",
            }
            for fg, message in self.palette.problems():
                errors.setdefault(field_of[fg], []).append(message)
        if errors:
            raise ValidationError(errors)
