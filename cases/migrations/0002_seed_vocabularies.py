"""The domains and target groups a case can name; editors can add more in the back office."""

from django.db import migrations

DOMAINS = [
    ("gemeente", "Gemeente"), ("politie", "Politie"), ("corporatie", "Woningcorporatie"),
    ("welzijn", "Welzijn"), ("zorg", "Zorg"), ("onderwijs", "Onderwijs"),
    ("bewoners", "Bewoners"), ("ondernemers", "Ondernemers"), ("justitie", "Justitie"),
    ("jeugdhulp", "Jeugdhulp"),
]
TARGET_GROUPS = [
    ("jongeren", "Jongeren"), ("kinderen", "Kinderen"), ("ouderen", "Ouderen"),
    ("gezinnen", "Gezinnen"), ("bewoners", "Bewoners"),
    ("kwetsbare-bewoners", "Kwetsbare bewoners"), ("nieuwkomers", "Nieuwkomers"),
    ("professionals", "Professionals"),
]


def seed(apps, schema_editor):
    for model_name, terms in (("Domain", DOMAINS), ("TargetGroup", TARGET_GROUPS)):
        model = apps.get_model("cases", model_name)
        for order, (slug, name) in enumerate(terms, start=1):
            model.objects.update_or_create(slug=slug, defaults={"name": name, "sort_order": order})


class Migration(migrations.Migration):
    dependencies = [("cases", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
