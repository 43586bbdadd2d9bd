"""Index fields that store Dutch search terms (see search/analysis.py) instead of raw text."""

from modelsearch import index

from textsearch.analysis import analyse


class DutchSearchField(index.SearchField):
    """A SearchField whose indexed value is the Dutch search terms of the field's text.

    `compounds=True` also indexes the tails of compound words: for short fields (titles, tags).
    """

    def __init__(self, field_name, *, compounds=False, **kwargs):
        super().__init__(field_name, **kwargs)
        self.compounds = compounds

    def get_value(self, obj):
        value = super().get_value(obj)
        if isinstance(value, list | tuple):
            value = " ".join(str(item) for item in value)
        return analyse(str(value or ""), compounds=self.compounds)
