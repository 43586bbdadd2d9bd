from django.urls import path

from accounts import views

app_name = "accounts"
urlpatterns = [
    path("api-sleutel/", views.token_create, name="token_create"),
    path("api-sleutel/intrekken/", views.token_revoke, name="token_revoke"),
    path("e-mailinstellingen/", views.email_preferences, name="email_preferences"),
    path("account-verwijderen/", views.account_close, name="close"),
]
