from django.urls import path
from drf_spectacular.views import SpectacularJSONAPIView, SpectacularRedocView
from rest_framework.routers import SimpleRouter

from cases.api import CaseViewSet
from connectors.api import ConnectorViewSet
from dialogues.api import DialogueViewSet
from discussions.api import DiscussionViewSet
from meetings.api import MeetingViewSet
from pages.api import MunicipalityViewSet, TopicViewSet
from patterns.api import FailurePatternViewSet
from search.api import SearchView
from spaces.api import SpaceViewSet

app_name = "api"

# /core/no-trailing-slash: `/api/v1/themas/` answers 404.
router = SimpleRouter(trailing_slash=False)
router.register("praktijkvoorbeelden", CaseViewSet, basename="case")
router.register("themas", TopicViewSet, basename="topic")
router.register("gemeenten", MunicipalityViewSet, basename="municipality")
router.register("dialogen", DialogueViewSet, basename="dialogue")
router.register("wijkschakelaars", ConnectorViewSet, basename="connector")
router.register("discussies", DiscussionViewSet, basename="discussion")
router.register("ruimtes", SpaceViewSet, basename="space")
router.register("bijeenkomsten", MeetingViewSet, basename="meeting")
router.register("faalpatronen", FailurePatternViewSet, basename="pattern")

urlpatterns = [
    path("openapi.json", SpectacularJSONAPIView.as_view(), name="openapi"),
    path("docs", SpectacularRedocView.as_view(url_name="api:openapi"), name="docs"),
    path("_zoek", SearchView.as_view(), name="search"),
    *router.urls,
]
