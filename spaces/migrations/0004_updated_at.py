import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("spaces", "0003_contributions")]

    operations = [
        migrations.AddField(
            model_name="space",
            name="updated_at",
            field=models.DateTimeField(
                auto_now=True, default=django.utils.timezone.now, verbose_name="gewijzigd op"
            ),
            preserve_default=False,
        ),
    ]
