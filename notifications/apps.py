from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "notifications"
    verbose_name = _("Berichten per e-mail")

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from cases.signals import submission_changed
        from discussions.signals import discussion_started, post_moderated, reply_posted
        from notifications import receivers
        from notifications.subscriptions import start_daily_digest_for_new_member
        from spaces.models import Membership

        uid = "notifications"
        discussion_started.connect(receivers.on_discussion_started, dispatch_uid=uid)
        reply_posted.connect(receivers.on_reply_posted, dispatch_uid=uid)
        post_moderated.connect(receivers.on_post_moderated, dispatch_uid=uid)
        submission_changed.connect(receivers.on_submission_changed, dispatch_uid=uid)
        # Becoming a member starts a daily digest of the space (notifications/subscriptions.py).
        post_save.connect(start_daily_digest_for_new_member, sender=Membership, dispatch_uid=uid)
