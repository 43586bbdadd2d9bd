import factory
from django.db.models import F
from django.utils import timezone

from discussions.models import Discussion, Post, PostStatus, Report, Subscription
from spaces.tests.factories import SpaceFactory, UserFactory


class DiscussionFactory(factory.django.DjangoModelFactory):
    """A discussion with its opening post (`opening__body=...` to choose the text).

    Built straight into the database, bypassing `discussions.services`; tests of behaviour that
    the services own (counters, mentions, notifications) go through the services instead.
    """

    class Meta:
        model = Discussion
        skip_postgeneration_save = True

    space = factory.SubFactory(SpaceFactory)
    kind = Discussion.Kind.QUESTION
    title = factory.Sequence(lambda n: f"Hoe pakken jullie overlast in portiek {n} aan?")
    author = factory.SubFactory(UserFactory)

    @factory.post_generation
    def opening(self, create, extracted, **kwargs):
        if not create:
            return
        kwargs.setdefault(
            "body", "Wij zien steeds meer overlast in de portieken. Wie heeft ervaring?"
        )
        kwargs.setdefault("status", self.opening_status)
        Post.objects.create(
            discussion=self,
            author=self.author,
            is_anonymous=self.is_anonymous,
            is_opening=True,
            **kwargs,
        )


class PostFactory(factory.django.DjangoModelFactory):
    """A reply. Keeps the discussion's reply count and last activity as the services do."""

    class Meta:
        model = Post
        skip_postgeneration_save = True  # the counters hook writes with update()

    discussion = factory.SubFactory(DiscussionFactory)
    author = factory.SubFactory(UserFactory)
    body = factory.Sequence(lambda n: f"Reactie {n}: bij ons werkte een buurtgesprek goed.")
    status = PostStatus.PUBLISHED

    @factory.post_generation
    def counters(self, create, extracted, **kwargs):
        if create and not self.is_opening and self.status == PostStatus.PUBLISHED:
            Discussion.objects.filter(pk=self.discussion_id).update(
                reply_count=F("reply_count") + 1, last_activity_at=timezone.now()
            )


class ReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Report

    post = factory.SubFactory(PostFactory)
    reporter = factory.SubFactory(UserFactory)
    reason = "Dit bericht noemt een bewoner bij naam."


class SubscriptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Subscription

    user = factory.SubFactory(UserFactory)
    space = factory.SubFactory(SpaceFactory)
