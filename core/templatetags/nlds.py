"""NL Design System classes for Django's form widgets, so every form drawn by the shared field
includes (`{{ field|nlds_widget }}`, `{{ choice|nlds_choice }}`) uses the Utrecht textbox,
textarea, select, checkbox and radio button components of static/vendor/nlds/nlds.css."""

from __future__ import annotations

from django import template
from django.forms.boundfield import BoundField, BoundWidget

register = template.Library()

# widget_type (Django's name for the widget) -> component classes
CLASSES = {
    "textarea": "utrecht-textarea utrecht-textarea--html-textarea",
    "select": "utrecht-select utrecht-select--html-select",
    "selectmultiple": "utrecht-select utrecht-select--html-select",
    "nullbooleanselect": "utrecht-select utrecht-select--html-select",
    "checkbox": "utrecht-checkbox utrecht-checkbox--html-input",
    "radio": "utrecht-radio-button utrecht-radio-button--html-input",
    "radioselect": "utrecht-radio-button utrecht-radio-button--html-input",
    "checkboxselectmultiple": "utrecht-checkbox utrecht-checkbox--html-input",
    "clearablefile": "",
    "file": "",
}
TEXTBOX = "utrecht-textbox utrecht-textbox--html-input"
INVALID = {
    "utrecht-textbox": "utrecht-textbox--invalid",
    "utrecht-textarea": "utrecht-textarea--invalid",
    "utrecht-select": "utrecht-select--invalid",
    "utrecht-checkbox": "utrecht-checkbox--invalid",
}


def _with(classes: str, existing: str | None, invalid: bool) -> str:
    names = (existing or "").split() + classes.split()
    if invalid:
        names += [INVALID[n] for n in classes.split() if n in INVALID]
    return " ".join(dict.fromkeys(names))


@register.filter
def nlds_widget(field: BoundField):
    """The field's widget with the component's classes added to its own."""
    widget = field.field.widget
    classes = CLASSES.get(field.widget_type, TEXTBOX)
    if not classes:
        return field.as_widget()
    return field.as_widget(
        attrs={"class": _with(classes, widget.attrs.get("class"), bool(field.errors))}
    )


@register.filter
def nlds_choice(choice: BoundWidget):
    """One checkbox or radio button of a group, with the component's classes."""
    kind = "radio" if choice.data.get("type") == "radio" else "checkbox"
    attrs = choice.data["attrs"]
    attrs["class"] = _with(CLASSES[kind], attrs.get("class"), False)
    return choice.tag()
