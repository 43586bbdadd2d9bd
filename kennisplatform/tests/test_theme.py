"""The look: NL Design System components built into static/vendor/nlds/ with their licence, and
our theme (static/css/theme.css) whose colours stay readable (WCAG 2.2 AA)."""

import re
from pathlib import Path

import pytest
from django import forms
from django.conf import settings
from django.template import Context, Template

from embeds.colours import contrast

STATIC = Path(settings.BASE_DIR) / "static"
THEME = (STATIC / "css" / "theme.css").read_text()


def _token(name: str) -> str:
    """A token's value, following var(--other) to a colour."""
    value = re.search(rf"{re.escape(name)}:\s*([^;]+);", THEME).group(1).strip()
    while value.startswith("var("):
        value = _token(value[4:-1])
    return value


@pytest.mark.parametrize(
    ("foreground", "background"),
    [
        ("--utrecht-document-color", "--utrecht-document-background-color"),
        ("--nl-link-color", "--utrecht-document-background-color"),
        ("--nl-link-color", "--basis-color-default-bg-subtle"),
        ("--nl-link-hover-color", "--utrecht-document-background-color"),
        ("--basis-color-default-color-subtle", "--utrecht-document-background-color"),
        ("--nl-heading-level-1-color", "--utrecht-document-background-color"),
        ("--utrecht-page-header-color", "--utrecht-page-header-background-color"),
        ("--utrecht-page-footer-color", "--utrecht-page-footer-background-color"),
        (
            "--utrecht-button-primary-action-color",
            "--utrecht-button-primary-action-background-color",
        ),
        (
            "--utrecht-button-primary-action-hover-color",
            "--utrecht-button-primary-action-hover-background-color",
        ),
        (
            "--utrecht-button-secondary-action-color",
            "--utrecht-button-secondary-action-background-color",
        ),
        (
            "--utrecht-button-primary-action-danger-color",
            "--utrecht-button-primary-action-danger-background-color",
        ),
        ("--nl-skip-link-color", "--nl-skip-link-background-color"),
        ("--utrecht-alert-error-color", "--utrecht-alert-error-background-color"),
        ("--utrecht-alert-warning-color", "--utrecht-alert-warning-background-color"),
        ("--utrecht-alert-ok-color", "--utrecht-alert-ok-background-color"),
        ("--basis-color-positive-color-default", "--basis-color-positive-bg-default"),
        ("--basis-color-negative-color-default", "--basis-color-negative-bg-default"),
        ("--basis-color-warning-color-default", "--basis-color-warning-bg-default"),
        ("--utrecht-form-field-error-message-color", "--utrecht-document-background-color"),
        (
            "--utrecht-pagination-page-link-current-color",
            "--utrecht-pagination-page-link-current-background-color",
        ),
        ("--utrecht-form-control-color", "--utrecht-form-control-background-color"),
    ],
)
def test_every_text_colour_of_the_theme_reaches_4_5_to_1(foreground, background):
    assert contrast(_token(foreground), _token(background)) >= 4.5


def test_form_borders_reach_3_to_1():
    assert contrast(_token("--utrecht-form-control-border-color"), "#ffffff") >= 3


@pytest.mark.django_db
def test_the_theme_is_scoped_to_a_class_and_every_page_uses_it(client):
    assert THEME.count(".kp-theme {") == 1 and ":root" not in THEME
    html = client.get("/").content.decode()
    assert 'class="kp-theme utrecht-document' in html
    sheets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    assert [Path(s).name for s in sheets] == ["nlds.css", "theme.css", "site.css"]


def test_the_built_components_are_in_the_repository_with_their_licence():
    vendor = STATIC / "vendor" / "nlds"
    css = (vendor / "nlds.css").read_text()
    assert "EUROPEAN UNION PUBLIC LICENCE v. 1.2" in (vendor / "LICENSE.md").read_text()
    assert ".utrecht-button{" in css and ".nl-heading{" in css
    # Never the municipality of Utrecht's own (proprietary) design tokens.
    assert "design-tokens" not in css and "design-tokens" not in (vendor / "README.md").read_text()
    assert len(css.encode()) < 150 * 1024


class _Form(forms.Form):
    naam = forms.CharField(label="Naam", help_text="Zoals op de deur")
    soort = forms.ChoiceField(
        label="Soort", choices=[("a", "A"), ("b", "B")], widget=forms.RadioSelect
    )
    kleur = forms.ChoiceField(label="Kleur", choices=[("r", "Rood")])


def test_the_shared_fields_use_the_form_components_and_mark_errors():
    form = _Form(data={"naam": "", "soort": "a", "kleur": "r"})
    assert not form.is_valid()
    html = Template('{% include "discussions/_fields.html" %}').render(Context({"form": form}))
    field = re.search(r"<input [^>]*name=\"naam\"[^>]*>", html).group(0)
    assert "utrecht-textbox utrecht-textbox--html-input utrecht-textbox--invalid" in field
    assert 'aria-invalid="true"' in field and "id_naam_helptext" in field
    assert 'id="id_naam_error"' in html  # the error the field is described by
    assert re.search(r'<input type="radio"[^>]*class="utrecht-radio-button', html)
    assert 'class="utrecht-select utrecht-select--html-select"' in html
    assert "utrecht-form-field--invalid" in html and 'role="alert"' in html
