from django.core.management.base import BaseCommand

from textsearch.maintenance import optimize_search_index


class Command(BaseCommand):
    help = (
        "Merge the search index into one segment and refresh the database statistics "
        "(daily, and after a rebuild: update_index does it itself)."
    )

    def handle(self, *args, **options):
        optimize_search_index()
        if options["verbosity"]:
            self.stdout.write("Search index optimised.")
