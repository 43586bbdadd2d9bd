import uuid

from django.db import migrations, models


def create_state(apps, schema_editor):
    apps.get_model("core", "ContentState").objects.create(pk=1, token=uuid.uuid4().hex)


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="ContentState",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("token", models.CharField(max_length=32)),
            ],
            options={"verbose_name": "inhoudsstatus"},
        ),
        migrations.RunPython(create_state, migrations.RunPython.noop),
    ]
