from django.urls import path

from municipalities import views

app_name = "municipalities"
urlpatterns = [
    path("", views.municipality_list, name="list"),
    path("<slug:slug>/", views.municipality_detail, name="detail"),
]
