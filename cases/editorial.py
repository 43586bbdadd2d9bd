"""The editorial set-up every install needs: the editor groups and the review workflow.

- Redactie (editors) write cases, topics and municipalities and submit them for review.
- Eindredactie (final editors) review and publish (dialogues too: dialogues/editorial.py).
Every case goes through the workflow "Redactionele toets" before it goes live.
"""

import logging

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType

logger = logging.getLogger(__name__)

EDITORS_GROUP = "Redactie"
FINAL_EDITORS_GROUP = "Eindredactie"
WORKFLOW_NAME = "Redactionele toets"
REVIEW_TASK_NAME = "Toets door eindredactie"

# (app_label, model, actions) the editors may use in the back office.
EDITOR_MODEL_PERMISSIONS = [
    ("cases", "case", ["add", "change", "delete", "view", "lock", "unlock"]),
    ("cases", "domain", ["add", "change", "view"]),
    ("cases", "targetgroup", ["add", "change", "view"]),
    ("cases", "interventiondatabank", ["add", "change", "view"]),
    ("topics", "topic", ["add", "change", "view"]),
    ("municipalities", "municipality", ["add", "change", "view"]),
    ("spaces", "space", ["view"]),
    ("spaces", "membership", ["view"]),
    ("spaces", "joinrequest", ["view"]),
    ("spaces", "invitation", ["view"]),
    ("spaces", "moderationlog", ["view"]),
    # Editors link dialogue statements and clusters to topics and cases.
    ("dialogues", "dialogue", ["view"]),
    ("dialogues", "statement", ["change", "view"]),
    ("dialogues", "cluster", ["change", "view"]),
    ("connectors", "connector", ["add", "change", "delete", "view"]),
    ("connectors", "consent", ["add", "change", "delete", "view"]),
    # Editors write the failure patterns (one in use cannot be deleted: patterns/wagtail_hooks).
    ("patterns", "failurepattern", ["add", "change", "delete", "view"]),
]
# Dialogues: editors import drafts, final editors publish them (dialogues/editorial.py).
FINAL_EDITOR_EXTRA = [
    ("cases", "case", ["publish"]),
    ("spaces", "space", ["add", "change"]),
    # Final editors manage members (and make moderators) of every space; changes are logged.
    ("spaces", "membership", ["add", "change", "delete"]),
    ("dialogues", "dialogue", ["add", "change", "delete"]),
]
COLLECTION_PERMISSIONS = [
    ("wagtaildocs", "document", ["add", "change", "choose"]),
    ("wagtailimages", "image", ["add", "change", "choose"]),
]


def _permission(app_label: str, model: str, action: str) -> Permission:
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=f"{action}_{model}",
        defaults={"name": f"Can {action} {model}"},
    )
    return permission


def _permissions(spec) -> list[Permission]:
    return [_permission(app, model, action) for app, model, actions in spec for action in actions]


def ensure_editorial_setup(**kwargs) -> None:
    from wagtail.models import (
        Collection,
        GroupApprovalTask,
        GroupCollectionPermission,
        Workflow,
        WorkflowContentType,
        WorkflowTask,
    )

    access_admin = _permission("wagtailadmin", "admin", "access")
    editors, _ = Group.objects.get_or_create(name=EDITORS_GROUP)
    final_editors, _ = Group.objects.get_or_create(name=FINAL_EDITORS_GROUP)
    editor_permissions = [access_admin, *_permissions(EDITOR_MODEL_PERMISSIONS)]
    editors.permissions.add(*editor_permissions)
    final_editors.permissions.add(*editor_permissions, *_permissions(FINAL_EDITOR_EXTRA))

    root = Collection.get_first_root_node()
    if root is not None:
        for group in (editors, final_editors):
            for permission in _permissions(COLLECTION_PERMISSIONS):
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root, permission=permission
                )

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    if not WorkflowTask.objects.filter(workflow=workflow).exists():
        task = GroupApprovalTask.objects.create(name=REVIEW_TASK_NAME)
        task.groups.set([final_editors])
        # Not workflow.workflow_tasks.create(): that modelcluster relation only commits on save.
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    case_type, _ = ContentType.objects.get_or_create(app_label="cases", model="case")
    WorkflowContentType.objects.get_or_create(
        content_type=case_type, defaults={"workflow": workflow}
    )
