"""Dialogues go through the same review as cases: the workflow "Redactionele toets".

An import is a draft now, so editors (Redactie) may import and submit a dialogue for review;
final editors (Eindredactie) publish it, directly or by approving the review. Run after every
`migrate`, after cases/editorial.py has made the groups and the workflow.
"""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType

from cases import editorial

# (group, actions on dialogues) on top of what cases/editorial.py grants.
DIALOGUE_PERMISSIONS = {
    editorial.EDITORS_GROUP: ["add", "change", "view", "lock", "unlock"],
    editorial.FINAL_EDITORS_GROUP: ["add", "change", "delete", "view", "publish", "lock", "unlock"],
}


def ensure_dialogue_review(**kwargs) -> None:
    from wagtail.models import Workflow, WorkflowContentType

    content_type, _ = ContentType.objects.get_or_create(app_label="dialogues", model="dialogue")
    for group_name, actions in DIALOGUE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for action in actions:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_dialogue",
                defaults={"name": f"Can {action} dialogue"},
            )
            group.permissions.add(permission)
    workflow = Workflow.objects.filter(name=editorial.WORKFLOW_NAME).first()
    if workflow is None:
        editorial.ensure_editorial_setup()
        workflow = Workflow.objects.get(name=editorial.WORKFLOW_NAME)
    WorkflowContentType.objects.get_or_create(
        content_type=content_type, defaults={"workflow": workflow}
    )
