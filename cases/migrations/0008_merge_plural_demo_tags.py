"""The demo content had the same tag twice, singular and plural ("buurthuis" and
"buurthuizen", "jongerenwerk" and "jongerenwerkers"), so the tag filter split their cases.
Merge each plural into its singular, as the back office's "Trefwoorden samenvoegen" does
(cases.services.merge_tags); later doubles are for editors to merge there."""

from django.db import migrations

PLURAL_TO_SINGULAR = {"buurthuizen": "buurthuis", "jongerenwerkers": "jongerenwerk"}


def merge(apps, schema_editor):
    Tag = apps.get_model("taggit", "Tag")
    TaggedCase = apps.get_model("cases", "TaggedCase")
    TaggedItem = apps.get_model("taggit", "TaggedItem")
    for plural, singular in PLURAL_TO_SINGULAR.items():
        old = Tag.objects.filter(name__iexact=plural).first()
        if old is None:
            continue
        new = Tag.objects.filter(name__iexact=singular).first()
        if new is None:
            old.name, old.slug = singular, singular
            old.save()
            continue
        has_new = set(
            TaggedCase.objects.filter(tag=new).values_list("content_object_id", flat=True)
        )
        for link in TaggedCase.objects.filter(tag=old).order_by("pk"):
            if link.content_object_id in has_new:
                link.delete()
            else:
                link.tag = new
                link.save(update_fields=["tag"])
                has_new.add(link.content_object_id)
        if not TaggedItem.objects.filter(tag=old).exists():
            old.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0007_case_submissions"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [migrations.RunPython(merge, migrations.RunPython.noop)]
