"""Editorial roles and the review workflow, set up idempotently (``manage.py ensure_roles``).

- Editors write and submit pages; they cannot publish.
- Moderators (reviewers) approve the "Review" workflow's task, which publishes; they may also
  unpublish.
- Administrators additionally manage users and read the site-wide audit log.
- Data managers load bundles and imports (the data app's load batches).
The group names Editors and Moderators are Wagtail's own defaults, reused on purpose.
"""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

EDITORS, MODERATORS, ADMINISTRATORS, DATA_MANAGERS = (
    "Editors",
    "Moderators",
    "Administrators",
    "Data managers",
)
REVIEW_WORKFLOW = "Review"
REVIEW_TASK = "Reviewer approval"

PAGE_PERMISSIONS = {
    EDITORS: ["add", "change"],
    MODERATORS: ["add", "change", "publish", "lock", "unlock"],
    ADMINISTRATORS: ["add", "change", "publish", "lock", "unlock", "bulk_delete"],
}
DOCUMENT_PERMISSIONS = {
    EDITORS: ["add_document", "change_document", "choose_document"],
    MODERATORS: ["add_document", "change_document", "choose_document", "delete_document"],
    ADMINISTRATORS: ["add_document", "change_document", "choose_document", "delete_document"],
}
MODEL_PERMISSIONS = {
    ADMINISTRATORS: [
        ("auth", "add_user"),
        ("auth", "change_user"),
        ("auth", "delete_user"),
        ("auth", "view_user"),
        ("auth", "add_group"),
        ("auth", "change_group"),
        ("auth", "view_group"),
        # Wagtail shows a log entry only to those with a permission on its model: this lets
        # administrators read the data loads (logged against LoadBatch) in the audit log.
        ("data", "view_loadbatch"),
    ],
    DATA_MANAGERS: [("data", "add_loadbatch"), ("data", "view_loadbatch")],
}


def is_administrator(user) -> bool:
    """Superusers and members of Administrators: who reads the audit log, manages users."""
    return bool(
        user.is_authenticated
        and (user.is_superuser or user.groups.filter(name=ADMINISTRATORS).exists())
    )


def _permission(app_label: str, codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


@transaction.atomic
def ensure_roles() -> dict[str, Group]:
    """Create or complete the groups, their permissions and the review workflow."""
    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    admin_access = _permission("wagtailadmin", "access_admin")
    groups = {}
    for name in (EDITORS, MODERATORS, ADMINISTRATORS, DATA_MANAGERS):
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(admin_access)
        for app_label, codename in MODEL_PERMISSIONS.get(name, []):
            group.permissions.add(_permission(app_label, codename))
        wanted_page = set(PAGE_PERMISSIONS.get(name, []))
        for perm in GroupPagePermission.objects.filter(group=group, page=root_page):
            # Editors must never hold publish: remove anything beyond the role.
            if perm.permission.codename.removesuffix("_page") not in wanted_page:
                perm.delete()
        for permission_type in sorted(wanted_page):
            permission = _permission("wagtailcore", f"{permission_type}_page")
            GroupPagePermission.objects.get_or_create(
                group=group, page=root_page, permission=permission
            )
        for codename in DOCUMENT_PERMISSIONS.get(name, []):
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=root_collection,
                permission=_permission("wagtaildocs", codename),
            )
        groups[name] = group
    _ensure_review_workflow(root_page, groups[MODERATORS])
    return groups


def _ensure_review_workflow(root_page: Page, reviewers: Group) -> Workflow:
    task = GroupApprovalTask.objects.filter(name=REVIEW_TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=REVIEW_TASK)
    task.groups.set([reviewers])
    workflow, _created = Workflow.objects.get_or_create(name=REVIEW_WORKFLOW)
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    # The whole tree (root page and below) goes through review before publishing.
    WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})
    return workflow
