"""The topics "Mislukkingen" and "Successen" repeated the outcome (mislukt, geslaagd): a case
was filed twice for the same thing and the two filters could disagree. The outcome stays;
the topics go (their old addresses lead to the case list filtered on the outcome)."""

from django.db import migrations

OUTCOME_TOPICS = {
    "mislukkingen": (
        "Mislukkingen",
        "Wat ging er mis, en wat kunnen anderen daarvan leren? Niet alleen succesverhalen, ook "
        "de missers.",
    ),
    "successen": ("Successen", "Aanpakken die werkten, en waarom ze werkten."),
}


def remove(apps, schema_editor):
    apps.get_model("topics", "Topic").objects.filter(slug__in=OUTCOME_TOPICS).delete()


def restore(apps, schema_editor):
    Topic = apps.get_model("topics", "Topic")
    for slug, (name, description) in OUTCOME_TOPICS.items():
        Topic.objects.get_or_create(slug=slug, defaults={"name": name, "description": description})


class Migration(migrations.Migration):
    dependencies = [
        ("topics", "0003_updated_at"),
        # The links from cases, statements, clusters and wijkschakelaars go with the topics.
        ("cases", "0007_case_submissions"),
        ("dialogues", "0002_updated_at_municipalities"),
        ("connectors", "0003_ratelimit_cache_table"),
        ("discussions", "0001_contributions"),
    ]

    operations = [migrations.RunPython(remove, restore)]
