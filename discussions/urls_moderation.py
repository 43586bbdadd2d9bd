"""Reporting and moderation, relative to /ruimtes/<slug>/ (namespace "discussions")."""

from django.urls import path

from discussions import views_moderation as views

urlpatterns: list = [
    path("moderatie/", views.moderation_queue, name="moderation"),
    path("berichten/<int:post_pk>/melden/", views.report_post, name="report_post"),
    path("berichten/<int:post_pk>/verbergen/", views.hide_post, name="hide_post"),
    path("berichten/<int:post_pk>/herstellen/", views.restore_post, name="restore_post"),
    path("berichten/<int:post_pk>/goedkeuren/", views.approve_post, name="approve_post"),
    path("discussies/<int:pk>/sluiten/", views.lock_discussion, name="lock_discussion"),
    path("discussies/<int:pk>/heropenen/", views.unlock_discussion, name="unlock_discussion"),
]
