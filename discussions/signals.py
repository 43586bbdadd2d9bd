"""What discussions tell the apps above them (notifications, caches). Sent by
`discussions.services` and `discussions.moderation` after the change is committed
(`transaction.on_commit`), so a receiver never sees a change that was rolled back.

- `discussion_started(discussion)`: a new discussion is visible in its space (not when held).
- `reply_posted(post)`: a reply is visible (not when held).
- `post_moderated(post, action, reason, actor)`: a moderator held, hid, restored or approved a
  post; `action` is a `spaces.models.ModerationLog.Action` value.
"""

from django.dispatch import Signal

discussion_started = Signal()
reply_posted = Signal()
post_moderated = Signal()
