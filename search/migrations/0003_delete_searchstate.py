from django.db import migrations


class Migration(migrations.Migration):
    """The search state token became the content state token of the ground floor (core)."""

    dependencies = [("site_search", "0002_postgres_match_index")]

    operations = [migrations.DeleteModel(name="SearchState")]
