"""Editors register a portal's look for the widgets (Snippets → Stijlen voor widgets)."""

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from embeds.models import EmbedTheme


class EmbedThemeViewSet(SnippetViewSet):
    model = EmbedTheme
    icon = "code"
    menu_label = "Stijlen voor widgets"
    add_to_admin_menu = True
    list_display = ["name", "slug", "municipality"]
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("municipality"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("background_color"), FieldPanel("text_color")]),
                FieldRowPanel([FieldPanel("link_color"), FieldPanel("accent_color")]),
                FieldPanel("accent_text_color"),
                FieldPanel("font_family"),
            ],
            heading="Kleuren en lettertype (contrast minimaal 4,5:1)",
        ),
        FieldPanel("theme_tokens"),
        FieldPanel("allowed_origins"),
    ]


register_snippet(EmbedThemeViewSet)
