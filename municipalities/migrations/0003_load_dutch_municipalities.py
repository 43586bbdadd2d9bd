"""Every Dutch municipality on 1 January 2025 (342, CBS), with the old codes of recent mergers
and names in common use, from municipalities/data/ (source and date are in those files)."""

from django.db import migrations


def load(apps, schema_editor):
    from municipalities.loader import load_files

    load_files(apps.get_model("municipalities", "Municipality"), apps.get_model("municipalities", "MunicipalityAlias"))


class Migration(migrations.Migration):

    dependencies = [
        ("municipalities", "0002_province_and_aliases"),
    ]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
