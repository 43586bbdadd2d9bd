"""The addresses of the gathering pages, under the namespaces their content types give them."""

from django.urls import path

from cases.feeds import MunicipalityCaseFeed, TopicCaseFeed
from pages import views
from spaces.urls import urlpatterns as space_urlpatterns

topic_patterns = (
    [
        path("", views.topic_list, name="list"),
        path("<slug:slug>/", views.topic_detail, name="detail"),
        path("<slug:slug>/feed/", TopicCaseFeed(), name="feed"),
    ],
    "topics",
)
municipality_patterns = (
    [
        path("", views.municipality_list, name="list"),
        path("<slug:slug>/", views.municipality_detail, name="detail"),
        path("<slug:slug>/feed/", MunicipalityCaseFeed(), name="feed"),
    ],
    "municipalities",
)
space_patterns = (
    [*space_urlpatterns, path("<slug:slug>/", views.space_home, name="home")],
    "spaces",
)
