import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("municipalities", "0003_load_dutch_municipalities")]

    operations = [
        migrations.AddField(
            model_name="municipality",
            name="updated_at",
            field=models.DateTimeField(
                auto_now=True, default=django.utils.timezone.now, verbose_name="gewijzigd op"
            ),
            preserve_default=False,
        ),
    ]
