from django.urls import path

from notifications import views

app_name = "notifications"
urlpatterns = [
    path("volgen/<slug:slug>/", views.follow, name="follow"),
    path("afmelden/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
