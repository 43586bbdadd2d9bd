from django.urls import path

from connectors import views

app_name = "connectors"
urlpatterns = [
    path("", views.connector_list, name="list"),
    path("<slug:slug>/", views.connector_detail, name="detail"),
    path("<slug:slug>/contact/", views.connector_contact, name="contact"),
    path("<slug:slug>/contact/verzonden/", views.connector_sent, name="sent"),
]
