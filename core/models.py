from django.db import models


class ContentState(models.Model):
    """One row: a token that changes whenever what the site can show may have changed.

    Caches of content (search results, facets, the "did you mean" words) are keyed by it, so
    that every web server (each with its own memory) sees a change in the database at its next
    request. The token is random, not a counter: a rolled-back or restored database never
    brings back a token that stood for other content.
    """

    token = models.CharField(max_length=32)

    class Meta:
        verbose_name = "inhoudsstatus"

    def __str__(self) -> str:
        return self.token
