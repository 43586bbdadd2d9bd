from django.urls import path

from cases import feeds, views, views_submissions

app_name = "cases"
urlpatterns = [
    path("", views.case_list, name="list"),
    path("feed/", feeds.CaseFeed(), name="feed"),
    # Before the case pages: "delen" is no case's address (cases.models.RESERVED_SLUGS).
    path("delen/", views_submissions.share, name="share"),
    path("delen/<int:pk>/", views_submissions.share_edit, name="share_edit"),
    path("delen/<int:pk>/verstuurd/", views_submissions.share_sent, name="share_sent"),
    path("<slug:slug>/", views.case_detail, name="detail"),
]
