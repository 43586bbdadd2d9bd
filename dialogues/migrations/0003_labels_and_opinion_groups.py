"""Statement labels instead of raw Synthetron hashtags, and Pol.is votes per opinion group.

The data step cleans statements imported before: the rules of dialogues/hashtags.py, copied
here so this migration stays as it is when that module changes. The search index follows with
`manage.py update_index`, which every deploy runs after `migrate`.
"""

import re

from django.db import migrations, models

HASHTAG = re.compile(r"(?<![\w&#])#(?=[^\W\d_])")
LEADING = re.compile(r"^\s*#([^\W\d_][\w-]*)(\s*:\s*)?")


def clean(text):
    label = ""
    match = LEADING.match(text)
    if match:
        label = match.group(1)[:50]
        rest = text[match.end() :]
        if match.group(2) and rest:
            text = rest[0].upper() + rest[1:]
    return HASHTAG.sub("", text).strip(), label


def clean_statements(apps, schema_editor):
    Statement = apps.get_model("dialogues", "Statement")
    changed = []
    for statement in Statement.objects.filter(text__contains="#").only("pk", "text", "label"):
        text, label = clean(statement.text)
        if text != statement.text or label:
            statement.text, statement.label = text, label or statement.label
            changed.append(statement)
    Statement.objects.bulk_update(changed, ["text", "label"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("dialogues", "0002_updated_at_municipalities")]

    operations = [
        migrations.AddField(
            model_name="statement",
            name="label",
            field=models.CharField(blank=True, max_length=50, verbose_name="label"),
        ),
        migrations.AddField(
            model_name="statement",
            name="group_votes",
            field=models.JSONField(
                blank=True, default=list, editable=False, verbose_name="stemmen per groep"
            ),
        ),
        migrations.AddField(
            model_name="dialogue",
            name="opinion_groups",
            field=models.JSONField(
                blank=True, default=list, editable=False, verbose_name="opiniegroepen"
            ),
        ),
        migrations.RunPython(clean_statements, migrations.RunPython.noop),
    ]
