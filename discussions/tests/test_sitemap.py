"""The sitemap lists public discussions only."""

import pytest

from discussions.models import PostStatus
from discussions.tests.factories import DiscussionFactory

pytestmark = pytest.mark.django_db


def test_the_sitemap_lists_public_discussions_only(
    client, public_space, closed_space, editor, client_for
):
    public = DiscussionFactory(space=public_space, title="Openbare vraag")
    held = DiscussionFactory(space=public_space, opening_status=PostStatus.HELD)
    hidden = DiscussionFactory(space=public_space, opening_status=PostStatus.HIDDEN)
    closed = DiscussionFactory(space=closed_space)

    for http in (client, client_for(editor)):  # the same for everyone: it is public
        body = http.get("/sitemap.xml").content.decode()
        assert f"{public.get_absolute_url()}</loc>" in body
        for other in (held, hidden, closed):
            assert f"{other.get_absolute_url()}</loc>" not in body
