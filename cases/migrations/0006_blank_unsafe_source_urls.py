"""Sources saved before only http(s) addresses were accepted may hold a `javascript:` or other
address that the case page would turn into a link: blank those (the title stays)."""

from django.db import migrations


def blank_unsafe(apps, schema_editor):
    CaseSource = apps.get_model("cases", "CaseSource")
    for source in CaseSource.objects.exclude(url=""):
        if not source.url.strip().lower().startswith(("http://", "https://")):
            source.url = ""
            source.save(update_fields=["url"])


class Migration(migrations.Migration):
    dependencies = [("cases", "0005_casesource_web_address")]

    operations = [migrations.RunPython(blank_unsafe, migrations.RunPython.noop)]
