from django.db import models


class SearchState(models.Model):
    """One row: a token that changes whenever what search can show may have changed.

    Caches of search results, facets and the "did you mean" words are keyed by it, so that every
    web server (each with its own memory) sees a change in the database at its next request.
    The token is random, not a counter: a rolled-back or restored database never brings back a
    token that stood for other content.
    """

    token = models.CharField(max_length=32)

    class Meta:
        verbose_name = "zoekstatus"

    def __str__(self) -> str:
        return self.token
