"""`update_index` as modelsearch has it, then the index made quick to read
(textsearch/maintenance.py): every way the site rebuilds its index gets it."""

from modelsearch.management.commands.rebuild_modelsearch_index import Command as Rebuild

from textsearch.maintenance import optimize_search_index


class Command(Rebuild):
    def handle(self, *args, **options):
        super().handle(*args, **options)
        optimize_search_index()
