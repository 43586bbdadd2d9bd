"""The open data pages: what is in the set and where to download it, the data dictionary, the
DCAT catalogue for data portals, and the downloads. Everything here is public and the same for
every visitor: the files hold only what anonymous visitors may read."""

from __future__ import annotations

from django.conf import settings
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.dateparse import parse_datetime
from django.utils.http import http_date
from django.utils.translation import gettext as _

from opendata.build import built_files, directory, read_manifest
from opendata.dataset import BY_SLUG, FORMATS, LICENCE_NAME, LICENCE_URL, RESOURCES

JSONLD_TYPE = "application/ld+json"
IANA = "https://www.iana.org/assignments/media-types/"
EU_FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"


def _built_at(manifest):
    return parse_datetime(manifest["gemaaktOp"]) if manifest else None


def index(request: HttpRequest) -> HttpResponse:
    manifest = read_manifest()
    files = built_files(manifest) if manifest else []
    per_resource = [
        (resource, [f for f in files if f.resource is resource]) for resource in RESOURCES
    ]
    catalogue = request.build_absolute_uri(reverse("opendata:catalogue"))
    return render(
        request,
        "opendata/index.html",
        {
            "built_at": _built_at(manifest),
            "resources": per_resource,
            "licence_name": LICENCE_NAME,
            "licence_url": LICENCE_URL,
            "alternates": [(JSONLD_TYPE, _("Catalogus (DCAT, JSON-LD)"), catalogue)],
        },
    )


def dictionary(request: HttpRequest) -> HttpResponse:
    return render(request, "opendata/dictionary.html", {"resources": RESOURCES})


def catalogue(request: HttpRequest) -> HttpResponse:
    """DCAT (DCAT-AP-NL style) as JSON-LD: one dataset per resource, one distribution per
    file, so a data portal can harvest the set."""
    manifest = read_manifest()
    absolute = request.build_absolute_uri
    page = absolute(reverse("opendata:index"))
    publisher = {
        "@type": "foaf:Agent",
        "foaf:name": settings.SITE_NAME,
        "foaf:homepage": {"@id": absolute("/")},
    }
    licence = {"@id": LICENCE_URL}
    datasets = []
    for resource in RESOURCES:
        dataset = {
            "@id": f"{page}#{resource.slug}",
            "@type": "dcat:Dataset",
            "dct:identifier": f"{page}#{resource.slug}",
            "dct:title": {"@language": "nl", "@value": str(resource.title)},
            "dct:description": {"@language": "nl", "@value": str(resource.description)},
            "dct:publisher": publisher,
            "dct:license": licence,
            "dct:language": {
                "@id": "http://publications.europa.eu/resource/authority/language/NLD"
            },
            "dct:accessRights": {
                "@id": "http://publications.europa.eu/resource/authority/access-right/PUBLIC"
            },
            "dcat:landingPage": {"@id": page},
            "foaf:page": {"@id": absolute(reverse("opendata:dictionary")) + f"#{resource.slug}"},
            "dcat:keyword": ["wijkaanpak", "leefbaarheid", "veiligheid"],
            "dcat:distribution": [],
        }
        entry = manifest["resources"].get(resource.slug) if manifest else None
        if entry is not None:
            dataset["dct:modified"] = {"@type": "xsd:dateTime", "@value": manifest["gemaaktOp"]}
            for fmt, media_type in FORMATS.items():
                url = absolute(
                    reverse("opendata:download", kwargs={"filename": resource.filename(fmt)})
                )
                dataset["dcat:distribution"].append(
                    {
                        "@id": url,
                        "@type": "dcat:Distribution",
                        "dct:title": f"{resource.title} ({fmt.upper()})",
                        "dcat:accessURL": {"@id": page},
                        "dcat:downloadURL": {"@id": url},
                        "dcat:mediaType": {"@id": IANA + media_type},
                        "dct:format": {"@id": EU_FILE_TYPE + fmt.upper()},
                        "dcat:byteSize": {
                            "@type": "xsd:nonNegativeInteger",
                            "@value": str(entry["sizes"][fmt]),
                        },
                        "dct:license": licence,
                        "dct:modified": {"@type": "xsd:dateTime", "@value": manifest["gemaaktOp"]},
                    }
                )
        datasets.append(dataset)
    catalog = {
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/",
            "xsd": "http://www.w3.org/2001/XMLSchema#",
        },
        "@id": absolute(reverse("opendata:catalogue")),
        "@type": "dcat:Catalog",
        "dct:title": {"@language": "nl", "@value": f"Open data {settings.SITE_NAME}"},
        "dct:description": {
            "@language": "nl",
            "@value": _("Alle openbare inhoud van het kennisplatform als CSV en JSON."),
        },
        "dct:publisher": publisher,
        "dct:license": licence,
        "foaf:homepage": {"@id": page},
        "dcat:dataset": datasets,
    }
    if manifest:
        catalog["dct:modified"] = {"@type": "xsd:dateTime", "@value": manifest["gemaaktOp"]}
    response = JsonResponse(catalog, json_dumps_params={"ensure_ascii": False, "indent": 1})
    response["Content-Type"] = f"{JSONLD_TYPE}; charset=utf-8"
    return response


def download(request: HttpRequest, filename: str) -> HttpResponse:
    slug, _dot, fmt = filename.rpartition(".")
    resource = BY_SLUG.get(slug)
    if resource is None or fmt not in FORMATS:
        raise Http404
    manifest = read_manifest()
    path = directory() / filename
    if manifest is None or not path.is_file():
        # Not built yet: say so, rather than a bare "page not found".
        return render(request, "opendata/not_built.html", {"resource": resource}, status=404)
    response = FileResponse(
        path.open("rb"),
        as_attachment=True,
        filename=filename,
        content_type=f"{FORMATS[fmt]}; charset=utf-8",
    )
    response["Last-Modified"] = http_date(path.stat().st_mtime)
    return response
