from django.conf import settings
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.generic import RedirectView
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from embeds import views as embeds
from kennisplatform import views
from kennisplatform.sitemaps import sitemaps
from ops.health import health
from pages import views as pages
from pages.urls import municipality_patterns, space_patterns, topic_patterns
from pages.views_personal import personal_page
from pages.views_trust import accessibility, colofon, favicon, privacy

urlpatterns = [
    path("", pages.home, name="home"),
    path("praktijkvoorbeelden/", include("cases.urls")),
    path("faalpatronen/", include("patterns.urls")),
    path("themas/", include(topic_patterns)),
    path("gemeenten/", include(municipality_patterns)),
    path("dialogen/", include("dialogues.urls")),
    path("wijkschakelaars/", include("connectors.urls")),
    path("ruimtes/<slug:slug>/", include("discussions.urls")),
    path("ruimtes/<slug:slug>/", include("meetings.urls_space")),
    path("bijeenkomsten/", include("meetings.urls")),
    path("ruimtes/", include(space_patterns)),
    path("zoeken/", include("search.urls")),
    path("vooruit-falen/", include("patterns.urls_forward")),
    path("embed/", include("embeds.urls")),
    path("oembed", embeds.oembed, name="oembed"),
    path("api/v1/", include("api.urls")),
    path("open-data/", include("opendata.urls")),
    # One login for the site and the back office: Wagtail's own login form is not served (it
    # has no rate limit and no second step); its address leads to the accounts login.
    path(
        "beheer/login/",
        RedirectView.as_view(pattern_name="account_login", query_string=True),
    ),
    path("beheer/", include(wagtailadmin_urls)),
    path("account/", include("allauth.urls")),
    path("mijn/", personal_page, name="mijn"),
    path("mijn/", include("accounts.urls")),
    path("mijn/wijkschakelaar/", include("connectors.urls_self")),
    path("berichten/", include("notifications.urls")),
    path("documenten/", include(wagtaildocs_urls)),
    path("taal/", views.choose_language, name="set_language"),
    path("robots.txt", views.robots_txt),
    path("health/", health, name="health"),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
    path("privacy/", privacy, name="privacy"),
    path("toegankelijkheid/", accessibility, name="accessibility"),
    path("colofon/", colofon, name="colofon"),
    # Browsers ask for /favicon.ico whatever the page says; the file lives with the others.
    path("favicon.ico", favicon),
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
