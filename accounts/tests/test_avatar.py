"""The back office never shows a broken avatar."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.users.models import UserProfile

pytestmark = pytest.mark.django_db

# A 1×1 PNG.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082"
)


def test_the_dashboard_avatar_is_the_served_default_even_after_an_upload(
    client, editor, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    profile = UserProfile.get_for_user(editor)
    profile.avatar = SimpleUploadedFile("ik.png", PNG, content_type="image/png")
    profile.save()
    client.force_login(editor)
    html = client.get("/beheer/").content.decode()
    assert "avatar_images" not in html
    assert "/static/wagtailadmin/images/default-user-avatar.png" in html
    assert "gravatar" not in html
