"""Feeds of a space's discussions, relative to /ruimtes/<slug>/."""

from django.urls import path

from discussions.feeds import SpaceDiscussionFeed

urlpatterns: list = [
    path("discussies/feed/", SpaceDiscussionFeed(), name="feed"),
]
