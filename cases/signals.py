"""What cases tell the apps above them. Sent after commit.

- `submission_changed(case, status, comment)`: a case a member shared changed status in the
  editors' review: `status` is one of `cases.submissions.SubmissionStatus` values, `comment`
  the editors' feedback (may be empty).
"""

from django.dispatch import Signal

submission_changed = Signal()
