"""Index fields that store Dutch search terms (see search/analysis.py) instead of raw text."""

from modelsearch import index

from search.analysis import analyse


class DutchSearchField(index.SearchField):
    """A SearchField whose indexed value is the Dutch search terms of the field's text."""

    def get_value(self, obj):
        value = super().get_value(obj)
        if isinstance(value, list | tuple):
            value = " ".join(str(item) for item in value)
        return analyse(str(value or ""))
