"""The platform's themes: the seven the 2020 dialogue asked for, plus the ones its content needs."""

from django.db import migrations

TOPICS = [
    ("Mislukkingen", "mislukkingen",
     "Wat ging er mis, en wat kunnen anderen daarvan leren? Niet alleen succesverhalen, ook de missers."),
    ("Integraal samenwerken", "integraal-samenwerken",
     "Gemeente, corporatie, politie, welzijn, zorg en bewoners die samen optrekken in de wijk."),
    ("Successen", "successen", "Aanpakken die werkten, en waarom ze werkten."),
    ("Onderbouwde inhoud", "onderbouwde-inhoud",
     "Aanpakken die goed beschreven, onderbouwd of op effect onderzocht zijn."),
    ("Wijkschakelaars", "wijkschakelaars",
     "De sleutelpersonen die bewoners, professionals en organisaties met elkaar verbinden."),
    ("Vroegsignalering", "vroegsignalering",
     "Problemen zoals schulden, eenzaamheid of zorgen om jongeren vroeg zien en oppakken."),
    ("Veiligheid", "veiligheid", "Veilig wonen, overlast, ondermijning en het gevoel van veiligheid."),
    ("Bewoners in de lead", "bewoners-in-de-lead",
     "Initiatieven die bewoners zelf bedenken en dragen, met vertrouwen en ruimte van de overheid."),
    ("Ontschotting", "ontschotting",
     "Schotten tussen domeinen, budgetten en regels weghalen zodat hulp bij mensen aankomt."),
    ("Financiering", "financiering",
     "Geld voor de lange termijn, zonder versnippering over potjes en projecten."),
    ("Jongeren", "jongeren", "Perspectief, ontmoeting en veiligheid voor jongeren in de wijk."),
    ("Langetermijnaanpak", "langetermijnaanpak",
     "Aanpakken die jaren volhouden in plaats van projecten die na een paar jaar stoppen."),
]


def seed(apps, schema_editor):
    Topic = apps.get_model("topics", "Topic")
    for order, (name, slug, description) in enumerate(TOPICS, start=1):
        Topic.objects.update_or_create(
            slug=slug, defaults={"name": name, "description": description, "sort_order": order}
        )


class Migration(migrations.Migration):
    dependencies = [("topics", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
