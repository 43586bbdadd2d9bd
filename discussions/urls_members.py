"""Reading and writing discussions, relative to /ruimtes/<slug>/ (namespace "discussions")."""

from django.urls import path

from discussions import views

urlpatterns = [
    path("discussies/", views.discussion_list, name="list"),
    path("discussies/nieuw/", views.discussion_new, name="new"),
    path("discussies/<int:pk>/", views.discussion_detail, name="detail"),
    path(
        "discussies/<int:pk>/berichten/<int:post_pk>/bewerken/",
        views.post_edit,
        name="post_edit",
    ),
    path(
        "discussies/<int:pk>/berichten/<int:post_pk>/verwijderen/",
        views.post_delete,
        name="post_delete",
    ),
]
