"""The editors' avatar in the back office."""

from wagtail import hooks
from wagtail.admin.staticfiles import versioned_static


@hooks.register("get_avatar_url")
def default_avatar(user, size):
    """Always Wagtail's own default picture.

    Gravatar is off (no editor's e-mail hash goes to a third party), and an avatar an editor
    uploads under "Account" would land in MEDIA_ROOT/avatar_images/, which no address serves
    (uploads are read only through views that check who may see them): the dashboard showed
    it as a broken image. One picture for everyone is plain and never broken."""
    return versioned_static("wagtailadmin/images/default-user-avatar.png")
