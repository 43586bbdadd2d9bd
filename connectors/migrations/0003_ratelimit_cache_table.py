"""The table of the 'ratelimit' cache (Django's DatabaseCache), so that `migrate` alone makes
the contact form's limits hold across processes when no Redis is configured."""

from django.core.management.commands.createcachetable import Command as CreateCacheTable
from django.db import migrations

TABLE = "kennisplatform_ratelimit"  # settings.RATELIMIT_CACHE_TABLE


def create_table(apps, schema_editor):
    command = CreateCacheTable()
    command.verbosity = 0
    command.create_table(schema_editor.connection.alias, TABLE, dry_run=False)


def drop_table(apps, schema_editor):
    quoted = schema_editor.connection.ops.quote_name(TABLE)
    schema_editor.execute(f"DROP TABLE IF EXISTS {quoted}")


class Migration(migrations.Migration):
    dependencies = [("connectors", "0002_topics_saved_with_profile")]

    operations = [migrations.RunPython(create_table, drop_table)]
