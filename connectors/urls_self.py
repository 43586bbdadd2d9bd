"""The wijkschakelaar's own profile under /mijn/wijkschakelaar/."""

from django.urls import path

from connectors import views_self

app_name = "own_connector"
urlpatterns = [
    path("", views_self.own_profile_edit, name="edit"),
    path("toestemming/geven/", views_self.own_consent_give, name="consent_give"),
    path("toestemming/intrekken/", views_self.own_consent_withdraw, name="consent_withdraw"),
]
