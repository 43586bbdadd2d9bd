from django.urls import path

from patterns import forward_views as views

app_name = "forward"

urlpatterns = [
    path("", views.plan, name="plan"),
    path("bewaar/", views.save, name="save"),
    path("bewaard/<int:pk>/", views.saved, name="saved"),
    path("bewaard/<int:pk>/vinkjes/", views.saved_tick, name="saved_tick"),
    path("bewaard/<int:pk>/verwijderen/", views.saved_delete, name="saved_delete"),
]
