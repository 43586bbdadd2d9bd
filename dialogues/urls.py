from django.urls import path, re_path

from dialogues import views

app_name = "dialogues"
urlpatterns = [
    path("", views.dialogue_list, name="list"),
    path("<slug:slug>/", views.dialogue_detail, name="detail"),
    path("<slug:slug>/stellingen/", views.statement_list, name="statements"),
    re_path(
        r"^(?P<slug>[-\w]+)/export\.(?P<file_format>xlsx|zip)$",
        views.dialogue_export,
        name="export",
    ),
    re_path(
        r"^(?P<slug>[-\w]+)/figuur/(?P<figure>[-\w]+)\.(?P<file_format>svg|png|csv)$",
        views.figure_download,
        name="figure",
    ),
]
