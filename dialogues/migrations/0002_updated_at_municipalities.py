import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("dialogues", "0001_initial"), ("municipalities", "0004_updated_at")]

    operations = [
        migrations.AddField(
            model_name="dialogue",
            name="updated_at",
            field=models.DateTimeField(
                auto_now=True, default=django.utils.timezone.now, verbose_name="gewijzigd op"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="dialogue",
            name="municipalities",
            field=models.ManyToManyField(
                blank=True,
                help_text="De gemeenten waar de dialoog over ging.",
                related_name="dialogues",
                to="municipalities.municipality",
                verbose_name="gemeenten",
            ),
        ),
    ]
