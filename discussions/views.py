"""Reading and writing discussions in a space, for members and readers. Reading goes through
`visible_to` and `access_discussion` (hidden = 404); writing through `discussions.services`."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from core.access import Visitor
from core.pagination import paginate
from core.responses import render_form
from discussions import rules, services
from discussions.access import access_discussion
from discussions.forms import DiscussionForm, EditForm, ReplyForm
from discussions.markup import render_posts
from discussions.models import Discussion, Post, PostAttachment, PostStatus
from discussions.rules import DiscussionRefused
from spaces.models import Space
from spaces.services import display_name

PER_PAGE = 20


def _readable_space(user: Visitor, slug: str) -> Space:
    space = Space.objects.visible_to(user).filter(slug=slug).first()
    if space is None:
        raise Http404
    return space


def _may_write(user: Visitor, space: Space) -> str | None:
    """None when `user` may write here, else the Dutch reason."""
    try:
        rules.require_can_write(user, space)
    except DiscussionRefused as refused:
        return refused.message
    return None


def author_label(post: Post, viewer: Visitor, sees_anonymous: bool) -> str:
    """What a post shows as its author, the same as `Post.shown_author(viewer)` with the
    moderator check done once per page (`sees_anonymous`) instead of once per post."""
    if post.is_anonymous and not sees_anonymous:
        return _("Een lid van deze ruimte")
    if post.author is None:
        return _("Oud account")
    name = display_name(post.author)
    if post.is_anonymous:
        return _("%(name)s (anoniem gedeeld)") % {"name": name}
    return name


def discussion_label(discussion: Discussion) -> str:
    """Who started a discussion, in lists: never the author of an anonymous one."""
    if discussion.is_anonymous:
        return _("Een lid van deze ruimte")
    if discussion.author is None:
        return _("Oud account")
    return display_name(discussion.author)


def with_labels(discussions) -> list[Discussion]:
    discussions = list(discussions)
    for discussion in discussions:
        discussion.started_by = discussion_label(discussion)
    return discussions


def discussion_list(request: HttpRequest, slug: str) -> HttpResponse:
    space = _readable_space(request.user, slug)
    discussions = Discussion.objects.visible_to(request.user).filter(space=space)
    page = paginate(request, discussions.with_list_data().recent(), PER_PAGE)
    page.object_list = with_labels(page.object_list)
    return render(
        request,
        "discussions/discussion_list.html",
        {
            "space": space,
            "page": page,
            "can_write": _may_write(request.user, space) is None,
        },
    )


@login_required
def discussion_new(request: HttpRequest, slug: str) -> HttpResponse:
    space = _readable_space(request.user, slug)
    refusal = _may_write(request.user, space)
    if refusal:
        messages.error(request, refusal)
        return redirect("spaces:home", slug=space.slug)
    form = DiscussionForm(request.POST or None, request.FILES or None, space=space)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            discussion = services.start_discussion(
                user=request.user,
                space=space,
                kind=data["kind"],
                title=data["title"],
                body=data["body"],
                is_anonymous=data.get("is_anonymous", False),
                files=data["attachments"],
            )
        except DiscussionRefused as refused:
            form.add_error(None, refused.message)
        else:
            if discussion.opening_status == PostStatus.HELD:
                messages.info(
                    request,
                    _(
                        "Uw discussie wacht op een moderator. Na goedkeuring zien anderen haar; "
                        "u ziet haar nu al."
                    ),
                )
            else:
                messages.success(request, _("Uw discussie staat erop."))
            return redirect(discussion.get_absolute_url())
    return render_form(request, "discussions/discussion_form.html", {"space": space, "form": form})


def _page_posts(discussion: Discussion, user: Visitor, sees_anonymous: bool) -> list[Post]:
    attachments = PostAttachment.objects.select_related("document")
    posts = list(
        Post.objects.visible_to(user)
        .filter(discussion=discussion)
        .select_related("author")
        .prefetch_related(Prefetch("attachments", queryset=attachments))
        .order_by("created_at", "pk")
    )
    shown = [p for p in posts if p.status != PostStatus.DELETED]
    render_posts(shown, user)
    for post in posts:
        post.author_label = author_label(post, user, sees_anonymous)
        post.can_edit = services.can_edit(user, post)
        post.can_delete = services.can_delete(user, post)
    return posts


def discussion_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The discussion with its replies; members reply here (POST)."""
    discussion = access_discussion(request.user, slug, pk)
    space = discussion.space
    refusal = _may_write(request.user, space) if request.user.is_authenticated else None
    can_moderate = rules.can_moderate(request.user, space)
    can_reply = (
        request.user.is_authenticated
        and refusal is None
        and discussion.opening_status not in (PostStatus.HELD, PostStatus.HIDDEN)
        and (not discussion.is_locked or can_moderate)
    )
    form = None
    if can_reply:
        form = ReplyForm(request.POST or None, request.FILES or None, space=space)
    if request.method == "POST":
        if form is None:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            messages.error(request, refusal or _("Op deze discussie kunt u niet reageren."))
            return redirect(discussion.get_absolute_url())
        if form.is_valid():
            data = form.cleaned_data
            try:
                post = services.reply(
                    user=request.user,
                    discussion=discussion,
                    body=data["body"],
                    is_anonymous=data.get("is_anonymous", False),
                    files=data["attachments"],
                )
            except DiscussionRefused as refused:
                form.add_error(None, refused.message)
            else:
                if post.status == PostStatus.HELD:
                    messages.info(
                        request,
                        _("Uw reactie wacht op een moderator. Na goedkeuring zien anderen haar."),
                    )
                else:
                    messages.success(request, _("Uw reactie staat erop."))
                return redirect(post.get_absolute_url())
    posts = _page_posts(discussion, request.user, can_moderate)
    opening = posts[0] if posts and posts[0].is_opening else None
    replies = posts[1:] if opening else posts
    return render(
        request,
        "discussions/discussion_detail.html",
        {
            "space": space,
            "discussion": discussion,
            "opening": opening,
            "replies": replies,
            "form": form,
            "can_moderate": can_moderate,
            "refusal": refusal,
        },
        status=400 if form is not None and form.errors else 200,
    )


def _own_post(request: HttpRequest, slug: str, pk: int, post_pk: int) -> Post:
    discussion = access_discussion(request.user, slug, pk)
    post = get_object_or_404(
        Post.objects.visible_to(request.user).select_related("discussion__space"),
        discussion=discussion,
        pk=post_pk,
    )
    if post.author_id != request.user.pk:
        raise Http404
    return post


@login_required
def post_edit(request: HttpRequest, slug: str, pk: int, post_pk: int) -> HttpResponse:
    post = _own_post(request, slug, pk, post_pk)
    discussion = post.discussion
    if not services.can_edit(request.user, post):
        messages.error(request, _("Dit bericht kunt u niet meer bewerken."))
        return redirect(post.get_absolute_url())
    form = EditForm(
        request.POST or None,
        is_opening=post.is_opening,
        initial={"title": discussion.title, "body": post.body},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.edit_post(
                user=request.user,
                post=post,
                body=form.cleaned_data["body"],
                title=form.cleaned_data.get("title"),
            )
        except DiscussionRefused as refused:
            form.add_error(None, refused.message)
        else:
            messages.success(request, _("Uw bericht is bijgewerkt."))
            return redirect(post.get_absolute_url())
    return render_form(
        request,
        "discussions/post_edit.html",
        {"space": discussion.space, "discussion": discussion, "post": post, "form": form},
    )


@login_required
def post_delete(request: HttpRequest, slug: str, pk: int, post_pk: int) -> HttpResponse:
    post = _own_post(request, slug, pk, post_pk)
    discussion = post.discussion
    if request.method == "POST":
        try:
            remaining = services.delete_post(user=request.user, post=post)
        except DiscussionRefused as refused:
            messages.error(request, refused.message)
            return redirect(discussion.get_absolute_url())
        messages.success(request, _("Uw bericht is verwijderd."))
        if remaining is None:
            return redirect("discussions:list", slug=discussion.space.slug)
        return redirect(remaining.get_absolute_url())
    return render(
        request,
        "discussions/post_delete.html",
        {"space": discussion.space, "discussion": discussion, "post": post},
    )
