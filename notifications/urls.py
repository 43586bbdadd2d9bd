from django.urls import path

from notifications import views

app_name = "notifications"
urlpatterns = [
    path("volgen/<slug:slug>/", views.follow, name="follow"),
    path("afmelden/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("zoekopdrachten/bewaren/", views.save_search, name="save_search"),
    path("zoekopdrachten/<int:pk>/", views.saved_search_frequency, name="saved_search_frequency"),
    path(
        "zoekopdrachten/<int:pk>/verwijderen/",
        views.saved_search_delete,
        name="saved_search_delete",
    ),
]
