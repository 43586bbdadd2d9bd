from django.urls import path

from patterns import views

app_name = "patterns"
urlpatterns = [
    path("", views.pattern_list, name="list"),
    path("<slug:slug>/", views.pattern_detail, name="detail"),
]
