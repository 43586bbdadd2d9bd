from django.conf import settings
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.i18n import set_language
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from kennisplatform import views
from kennisplatform.sitemaps import sitemaps
from pages import views as pages
from pages.urls import municipality_patterns, space_patterns, topic_patterns

urlpatterns = [
    path("", pages.home, name="home"),
    path("praktijkvoorbeelden/", include("cases.urls")),
    path("themas/", include(topic_patterns)),
    path("gemeenten/", include(municipality_patterns)),
    path("dialogen/", include("dialogues.urls")),
    path("wijkschakelaars/", include("connectors.urls")),
    path("ruimtes/", include(space_patterns)),
    path("zoeken/", include("search.urls")),
    path("api/v1/", include("api.urls")),
    path("beheer/", include(wagtailadmin_urls)),
    path("documenten/", include(wagtaildocs_urls)),
    path("taal/", set_language, name="set_language"),
    path("robots.txt", views.robots_txt),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    # Images only: documents are always served through the view that checks visibility.
    for folder in ("original_images/", "images/"):
        urlpatterns += static(
            settings.MEDIA_URL + folder, document_root=settings.MEDIA_ROOT / folder
        )

handler404 = "kennisplatform.views.page_not_found"
handler500 = "kennisplatform.views.server_error"
