"""`make bench-search`: response times of the search page /zoeken/ over 100,000 Dutch cases.

Fills a database of its own with generated practice cases written from a vocabulary of
neighbourhood work (buurthuis, jongerenwerk, wijkagent, schuldhulp, ...) in several word forms,
builds the search index for them in batches (timed), then sends a fixed mix of queries to the
site under gunicorn (production settings, DEBUG=0) on the loopback interface, one at a time.

Per query it reports the time the client waited, the server's own time (the Server-Timing header
that bench/settings.py adds) for the page and for the same search on the API
(/api/v1/_zoek), the server time of cold requests (the shared Redis cache emptied before each,
as after a change to the content) and, measured in this process, the bare database search:
every visible matching case ranked in one query (`textsearch.engine.ranked_ids`).

The database is var/bench_search.sqlite3, or DATABASE_URL when set (for PostgreSQL use a database
of its own: the benchmark fills it). It is reused when it already holds the cases and an index
that is current (BENCH_SEARCH_REINDEX=1 rebuilds the index anyway).

BENCH_SEARCH_CASES (100000), BENCH_SEARCH_REPEATS (20 requests per query),
BENCH_SEARCH_BUDGET (20 s of repeats per query at most), BENCH_SEARCH_TIMEOUT (60 s for one
request or statement) and BENCH_WORKERS (2) change the set-up.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import (  # noqa: E402
    ROOT,
    bench_env,
    engine_name,
    get,
    gunicorn,
    link_topics_and_tags,
    municipalities,
    prepare,
    setup_django,
)

CASES = int(os.environ.get("BENCH_SEARCH_CASES", "100000"))
REPEATS = int(os.environ.get("BENCH_SEARCH_REPEATS", "20"))
BUDGET = float(os.environ.get("BENCH_SEARCH_BUDGET", "20"))  # seconds of repeats per query
TIMEOUT = int(os.environ.get("BENCH_SEARCH_TIMEOUT", "60"))  # seconds for one request
WORKERS = int(os.environ.get("BENCH_WORKERS", "2"))
INDEX_BATCH = 2000
PAGE_SIZE = 20  # search/views.py RESULTS_PER_PAGE
TARGETS_MS = {"SQLite": 100, "PostgreSQL": 50}

COLD_REPEATS = int(os.environ.get("BENCH_SEARCH_COLD", "5"))


def shared_cache() -> dict[str, str]:
    """REDIS_URL for the site and this process: a cache both see, so that the benchmark can
    empty it before a cold request (without Redis each worker keeps its own: no cold runs)."""
    import socket

    url = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/15")
    host, _, port = url.split("//", 1)[1].split("/", 1)[0].rpartition(":")
    try:
        socket.create_connection((host or "127.0.0.1", int(port or 6379)), timeout=1).close()
    except OSError:
        return {}
    return {"REDIS_URL": url}


ENV = {**bench_env("bench_search.sqlite3"), **shared_cache()}

# The mix: (what it exercises, query string of /zoeken/).
QUERIES = [
    ("one word", "q=buurthuis"),
    ("one word", "q=jongerenwerk"),
    ("one word", "q=wijkagent"),
    ("one word", "q=eenzaamheid"),
    ("one word", "q=overlast"),
    ("one word", "q=schuldhulp"),
    ("one word", "q=vroegsignalering"),
    ("one word, in most cases", "q=bewoners"),
    ("one word, rare", "q=laaggeletterdheid"),
    ("plural", "q=buurthuizen"),
    ("plural of a person", "q=jongerenwerkers"),
    ("plural", "q=wijkagenten"),
    ("verb form", "q=ontmoeten"),
    ("two words", "q=eenzame+ouderen"),
    ("two words", "q=overlast+jongeren"),
    ("two words", "q=schuldhulp+vroegsignalering"),
    ("two words", "q=buurtkamer+corporatie"),
    ("stop words", "q=de+bewoners+van+het+buurthuis"),
    ("typo (suggestion)", "q=eenzaamhied"),
    ("filter", "q=overlast&uitkomst=mislukt"),
    ("two filters", "q=jongerenwerk&thema=jongeren&uitkomst=geslaagd"),
    ("no results", "q=kernfusie"),
]


def weighted(spec: str) -> tuple[list[str], list[float]]:
    """ "phrase:weight, phrase:weight" as (phrases, weights) for random.choices."""
    pairs = [item.rsplit(":", 1) for item in spec.split(",")]
    return [phrase.strip() for phrase, _ in pairs], [float(weight) for _, weight in pairs]


def phrases(spec: str) -> list[str]:
    return [phrase.strip() for phrase in spec.split(",")]


# Vocabulary of neighbourhood work. Phrases carry several forms of the same words (plural, verb,
# person), so that stemming matters; the weights make some words common and some rare.
ACTORS = weighted(
    "bewoners:10, een bewoner:3, buurtbewoners:4, vrijwilligers:6, het wijkteam:6,"
    " de gemeente:6, opbouwwerkers:3, mantelzorgers:2, de huisarts:2, welzijnswerkers:3,"
    " sleutelfiguren:2, de buurtcoach:2, wijkschakelaars:1, de politie:3, de school:2,"
    " ervaringsdeskundigen:1"
)
# Professionals a case is about (60% of cases have one): only in that case's own sentences.
KEY_ACTORS = weighted(
    "de wijkagent:4, wijkagenten:2, het jongerenwerk:3, jongerenwerkers:3, een jongerenwerker:1,"
    " de corporatie:4, woningcorporaties:1, de schuldhulpverlening:2, schuldhulpverleners:1,"
    " de wijkverpleegkundige:1"
)
VERBS = weighted(
    "organiseerden:5, organiseren:4, openden:2, startten:4, bezochten:3, bezoeken:3,"
    " signaleerden:3, signaleren:3, ondersteunen:4, ondersteunden:3, bespraken:3,"
    " begeleiden:3, verbonden:2, pakten:2, zochten:2, richtten:1, versterkten:2, ontmoeten:1"
)
OBJECTS = weighted(
    "een buurtkamer:4, buurtkamers:2, het buurthuis:5, buurthuizen:2, huisbezoeken:4,"
    " een spreekuur:3, een inloopochtend:2, overlast:5, overlastgevende jongeren:2,"
    " schulden:4, betalingsachterstanden:2, huurachterstanden:2, schuldhulp:3,"
    " vroegsignalering:2, eenzaamheid:4, eenzame ouderen:3, een ontmoetingsplek:3,"
    " ontmoetingen:2, keukentafelgesprekken:2, buurtpreventie:2, de leefbaarheid:3,"
    " het vertrouwen:3, armoede:3, zorgmijders:1, laaggeletterdheid:0.03, jongeren:4,"
    " ouderen:3, statushouders:1, een buurtmaaltijd:1, taalcafés:1, de veiligheid:3,"
    " ondermijning:1"
)
PLACES = weighted(
    "in de wijk:8, op straat:3, in de flat:2, bij de voedselbank:2, achter de voordeur:3,"
    " in de avonduren:2, rond het winkelcentrum:2, op het schoolplein:1, met een klein budget:2,"
    " zonder vaste financiering:2, :6"
)
RESULTS = [
    "Na een jaar nam de overlast merkbaar af.",
    "De eenzaamheid onder ouderen daalde volgens de eigen metingen.",
    "Meer bewoners kwamen op tijd bij de schuldhulp terecht.",
    "Het project stopte toen de subsidie afliep.",
    "Bewoners voelden zich veiliger in hun straat.",
    "De wachttijd voor schuldhulpverlening werd korter.",
    "Jongeren kregen een eigen plek in het buurthuis.",
    "De samenwerking tussen wijkagent en jongerenwerk bleef wankel.",
    "Vrijwilligers haakten af omdat de begeleiding ontbrak.",
    "Huisuitzettingen werden voorkomen door vroegsignalering.",
    "De corporatie nam de aanpak over in al haar complexen.",
    "Het vertrouwen tussen bewoners en gemeente groeide langzaam.",
]
TITLE_HEADS = phrases(
    "Buurtkamer, Buurthuis, Jongerenwerk, Wijkagent, Schuldhulp, Vroegsignalering,"
    " Eenzaamheid, Overlast, Huisbezoeken, Ontmoeting, Buurtpreventie, Keukentafel, Wijkteam,"
    " Armoede, Mantelzorg, Leefbaarheid, Buurtmaaltijd, Spreekuur"
)
TITLE_TAILS = phrases(
    "voor eenzame ouderen, tegen overlast, met jongeren, samen met bewoners,"
    " voor gezinnen met schulden, achter de voordeur, in de flat, met de corporatie,"
    " zonder wachtlijst, voor statushouders, op zaterdag, met vrijwilligers,"
    " en vroegsignalering, en schuldhulp, in de avonduren, voor mantelzorgers"
)
NEIGHBOURHOODS = phrases(
    "Schilderswijk, Transvaal, Kanaleneiland, Overvecht, Bospolder, Tussendijken, Carnisse,"
    " Bijlmer, Poelenburg, Malburgen, Presikhaaf, Woensel-West, Heechterp, Vogelaarwijk,"
    " Oud-Noord, Selwerd, De Velden, Stadsdriehoek"
)
PLACE_NAMES = phrases(
    "Amsterdam, Rotterdam, Den Haag, Utrecht, Eindhoven, Groningen, Tilburg, Almere, Breda,"
    " Nijmegen, Apeldoorn, Arnhem, Haarlem, Enschede, Zaanstad, Amersfoort, Zwolle, Leiden,"
    " Maastricht, Dordrecht, Zoetermeer, Emmen, Delft, Deventer, Leeuwarden, Venlo, Alkmaar,"
    " Helmond, Hilversum, Heerlen, Oss, Schiedam, Lelystad, Purmerend, Vlaardingen, Gouda,"
    " Zeist, Roosendaal, Hoorn, Kerkrade"
)
TAG_NAMES = phrases(
    "buurthuis, buurtkamer, jongerenwerk, wijkagent, schuldhulp, vroegsignalering,"
    " eenzaamheid, overlast, huisbezoek, mantelzorg, armoede, wijkteam, vrijwilligers,"
    " corporatie, ouderen, jongeren, statushouders, taal, preventie, ontmoeting, voedselbank,"
    " leefbaarheid, participatie, ondermijning, gezondheid, onderwijs, werk, zorg, huisvesting,"
    " buurtpreventie"
)
GENERIC_OBJECTS = weighted(
    "de aanpak:5, een plan van aanpak:3, het project:5, de evaluatie:2, een werkgroep:2,"
    " afspraken:3, de doelen:2, een netwerk:2, de subsidie:2, de resultaten:2, de planning:1"
)
SENTENCES_PER_SUBJECT = 60
GENERIC_SENTENCES = 2000


GENERATED = int(os.environ.get("BENCH_SEARCH_GENERATED", "200"))
COMPOUND_PARTS = phrases(
    "jongeren, buurt, wijk, ouderen, schuld, overlast, huis, straat, school, gezins, drugs,"
    " veiligheids, zorg, taal"
)
COMPOUND_HEADS = phrases(
    "overlast, werk, bemiddeling, preventie, bezoek, coach, team, kamer, plan, hulp, aanpak,"
    " gevoel, netwerk, budget"
)
QUESTIONS = phrases(
    "hoe pak je {} aan, waarom werkt {} niet, wat ging er mis bij {}, welke aanpak werkt voor {},"
    " hoe voorkom je {}, lessen over {}"
)
OUTCOME_WORDS = phrases("mislukte, geslaagde, gefaalde, succesvolle")


def typo(rng, word: str) -> str:
    """The word with one letter dropped, doubled or two swapped (never the first)."""
    at = rng.randrange(1, len(word) - 1)
    kind = rng.randrange(3)
    if kind == 0:
        return word[:at] + word[at + 1 :]
    if kind == 1:
        return word[:at] + word[at] + word[at:]
    return word[:at] + word[at + 1] + word[at] + word[at + 2 :]


def generated_queries(count: int) -> list[tuple[str, str]]:
    """`count` distinct queries from the corpus vocabulary, as professionals type them: words,
    word pairs, typos, compounds, questions, a place or an outcome with a word."""
    import random

    rng = random.Random(13)
    nouns = sorted(
        {
            word.lower()
            for phrase in OBJECTS[0] + TAG_NAMES + TITLE_HEADS + KEY_ACTORS[0]
            for word in phrase.split()
            if len(word) >= 5
        }
    )
    makers = [
        ("gen: word", lambda: rng.choice(nouns)),
        ("gen: two words", lambda: " ".join(rng.sample(nouns, 2))),
        ("gen: three words", lambda: " ".join(rng.sample(nouns, 3))),
        ("gen: typo", lambda: typo(rng, rng.choice([n for n in nouns if len(n) >= 7]))),
        ("gen: compound", lambda: rng.choice(COMPOUND_PARTS) + rng.choice(COMPOUND_HEADS)),
        ("gen: question", lambda: rng.choice(QUESTIONS).format(rng.choice(nouns))),
        ("gen: place", lambda: f"{rng.choice(nouns)} {rng.choice(PLACE_NAMES)}"),
        ("gen: outcome", lambda: f"{rng.choice(OUTCOME_WORDS)} {rng.choice(nouns)}"),
    ]
    seen, found = {q for _kind, q in QUERIES}, []
    while len(found) < count:
        kind, make = makers[len(found) % len(makers)]
        query = urlencode({"q": make()})
        if query not in seen:
            seen.add(query)
            found.append((kind, query))
    return found


class Writer:
    """Case texts about two subjects and perhaps one professional each: half the sentences on
    those, a few on another subject, the rest about the project in general. So a subject word
    is in some cases, not in all; a word such as "bewoners" is in nearly all."""

    def __init__(self, rng):
        self.rng = rng
        self.subjects = OBJECTS
        self.about = {
            subject: [self.sentence(subject) for _ in range(SENTENCES_PER_SUBJECT)]
            for subject in OBJECTS[0]
        }
        self.generic = [self.sentence() for _ in range(GENERIC_SENTENCES)]

    def pick(self, options: tuple[list[str], list[float]]) -> str:
        return self.rng.choices(options[0], weights=options[1])[0]

    def sentence(self, subject: str | None = None, actor: str | None = None) -> str:
        """Like "Jongerenwerkers organiseerden huisbezoeken achter de voordeur."."""
        parts = [
            actor or self.pick(ACTORS),
            self.pick(VERBS),
            subject or self.pick(GENERIC_OBJECTS),
            self.pick(PLACES),
        ]
        text = " ".join(part for part in parts if part)
        return text[0].upper() + text[1:] + "."

    def case_subjects(self) -> tuple[list[str], str | None]:
        """Two subjects and perhaps a professional for one case."""
        subjects = self.rng.choices(self.subjects[0], weights=self.subjects[1], k=2)
        return subjects, self.pick(KEY_ACTORS) if self.rng.random() < 0.6 else None

    def text(self, about: tuple[list[str], str | None], sentences: int) -> list[str]:
        rng, out = self.rng, []
        subjects, actor = about
        for _ in range(sentences):
            roll = rng.random()
            if roll < 0.5:
                subject = rng.choice(subjects)
                if actor and rng.random() < 0.5:
                    out.append(self.sentence(subject, actor))
                else:
                    out.append(rng.choice(self.about[subject]))
            elif roll < 0.55:
                out.append(rng.choice(self.about[self.pick(self.subjects)]))
            else:
                out.append(rng.choice(self.generic))
        return out


def generate() -> None:
    """Fill the database with CASES live public cases (bulk_create: no signals, no index)."""
    import random
    from datetime import timedelta

    from django.utils import timezone
    from taggit.models import Tag

    from cases.models import Case, Domain, EvidenceLevel, Outcome, TargetGroup
    from topics.models import Topic

    rng = random.Random(2020)
    places = municipalities(PLACE_NAMES)
    topics = list(Topic.objects.all())
    tags = [Tag.objects.get_or_create(name=name, slug=name)[0] for name in TAG_NAMES]
    domains = list(Domain.objects.all())
    groups = list(TargetGroup.objects.all())
    writer = Writer(rng)

    now = timezone.now()
    batch = []
    for i in range(CASES):
        outcome = rng.choice(Outcome.values)
        subjects = writer.case_subjects()

        def text(sentences: int, subjects=subjects) -> str:
            return " ".join(writer.text(subjects, sentences))

        batch.append(
            Case(
                title=f"{rng.choice(TITLE_HEADS)} {rng.choice(TITLE_TAILS)}",
                slug=f"zoek-{i}",
                summary=text(2),
                outcome=outcome,
                context=text(5),
                approach=text(8),
                results=" ".join(rng.sample(RESULTS, 2)),
                what_worked=text(3),
                what_went_wrong=text(3) if outcome != Outcome.SUCCESS else "",
                lessons=text(3),
                courses_of_action="\n".join(writer.text(subjects, 3)),
                municipality=rng.choice(places),
                neighbourhoods=", ".join(rng.sample(NEIGHBOURHOODS, rng.randint(0, 2))),
                period_start=rng.randint(2012, 2024),
                evidence_level=rng.choice(EvidenceLevel.values),
                live=True,
                first_published_at=now - timedelta(minutes=i),
                last_published_at=now,
            )
        )
        if len(batch) == 5000:
            Case.objects.bulk_create(batch, batch_size=1000)
            batch = []
    Case.objects.bulk_create(batch, batch_size=1000)
    ids = list(Case.objects.order_by("pk").values_list("pk", flat=True))
    link_topics_and_tags(ids, rng, topics, tags)
    Case.domains.through.objects.bulk_create(
        [
            Case.domains.through(case_id=pk, domain_id=d.pk)
            for pk in ids
            for d in rng.sample(domains, rng.randint(1, 3))
        ],
        batch_size=2000,
    )
    Case.target_groups.through.objects.bulk_create(
        [
            Case.target_groups.through(case_id=pk, targetgroup_id=g.pk)
            for pk in ids
            for g in rng.sample(groups, rng.randint(1, 2))
        ],
        batch_size=2000,
    )


def wipe() -> None:
    """Remove earlier generated cases and their index entries, without per-row signals."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from modelsearch.conf import get_app_config

    from cases.models import Case, CaseAttachment, CaseSlugRedirect, CaseSource, TaggedCase

    index_entry = get_app_config().get_model("IndexEntry")
    with transaction.atomic():
        entries = index_entry.objects.filter(content_type=ContentType.objects.get_for_model(Case))
        entries._raw_delete(entries.db)
        for model in (
            TaggedCase,
            Case.topics.through,
            Case.domains.through,
            Case.target_groups.through,
            CaseSource,
            CaseAttachment,
            CaseSlugRedirect,
            Case,
        ):
            rows = model.objects.all()
            rows._raw_delete(rows.db)


def indexed_cases():
    """All cases, with what Case.search_keywords reads."""
    from cases.models import Case

    return (
        Case.objects.order_by("pk")
        .select_related("municipality")
        .prefetch_related("tags", "topics", "domains", "target_groups")
    )


def index_is_current() -> bool:
    """Every case has an index entry, and a sample of them is what indexing would write now
    (a change to the search fields or the analysis makes a reused index stale)."""
    from django.contrib.contenttypes.models import ContentType
    from modelsearch.backends import get_search_backend
    from modelsearch.conf import get_app_config

    from cases.models import Case

    entries = (
        get_app_config()
        .get_model("IndexEntry")
        .objects.filter(content_type=ContentType.objects.get_for_model(Case))
    )
    if entries.count() != CASES:
        return False
    backend = get_search_backend()
    indexer_class = sys.modules[type(backend.get_index_for_model(Case)).__module__].ObjectIndexer
    postgres = hasattr(indexer_class, "body_text")  # stores tsvectors and their plain text
    ids = Case.objects.order_by("pk").values_list("pk", flat=True)
    sample = [ids[offset] for offset in {0, CASES // 2, CASES - 1}]
    for case in indexed_cases().filter(pk__in=sample):
        indexer = indexer_class(case, backend)
        entry = entries.get(object_id=str(case.pk))
        if postgres:
            stored, now = (
                (entry.title_text, entry.body_text),
                (indexer.title_text, indexer.body_text),
            )
        else:
            stored, now = (entry.title, entry.body), (indexer.title, indexer.body)
        if [sorted(text.split()) for text in stored] != [sorted(text.split()) for text in now]:
            return False
    return True


def build_index() -> None:
    """Index every case with the backend's add_items, INDEX_BATCH cases at a time.

    The same work as `manage.py update_index` does for cases, but with the relations that
    Case.search_keywords reads prefetched (update_index reads them case by case). The other
    indexed models (topics seeded by a migration, ...) are few: indexed as update_index does.
    """
    from django.db import transaction
    from modelsearch.backends import get_search_backend
    from modelsearch.index import get_indexed_models

    from cases.models import Case

    backend = get_search_backend()
    index = backend.get_index_for_model(Case)
    cases = indexed_cases()
    ids = list(Case.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), INDEX_BATCH):
        chunk = ids[start : start + INDEX_BATCH]
        with transaction.atomic():
            index.add_items(Case, list(cases.filter(pk__gte=chunk[0], pk__lte=chunk[-1])))
    for model in get_indexed_models():
        if model is not Case and not model._meta.parents:
            objects = list(model.get_indexed_objects()[: INDEX_BATCH + 1])
            if objects and len(objects) <= INDEX_BATCH:
                backend.get_index_for_model(model).add_items(model, objects)
    index._refresh_title_norms(full=True)  # what update_index's rebuilder does at the end


def ensure_data() -> tuple[str, float | None, float | None]:
    """Generate and index the cases unless the database already holds them: what was done."""

    from cases.models import Case

    generated = indexed = None
    if Case.objects.count() != CASES:
        wipe()
        start = time.perf_counter()
        generate()
        generated = time.perf_counter() - start
    if os.environ.get("BENCH_SEARCH_REINDEX") or not index_is_current():
        start = time.perf_counter()
        build_index()
        indexed = time.perf_counter() - start
    if generated or indexed:
        from core.state import changed

        changed()  # bulk_create and add_items send no signals: tell the search caches
    if generated or indexed:
        # What update_index does after a rebuild (textsearch/maintenance.py): the index merged
        # into one segment (SQLite) and the planner's statistics current.
        from textsearch.maintenance import optimize_search_index

        optimize_search_index()
    return ("reused" if generated is None and indexed is None else "built"), generated, indexed


def label(query: str) -> str:
    """The query as someone reads it: the words, then the filters."""
    params = parse_qs(query)
    words = params.pop("q", [""])[0]
    filters = urlencode({k: v[0] for k, v in params.items()})
    return f"{words} &{filters}" if filters else words


class TimedOut(Exception):
    pass


@contextmanager
def statement_limit(seconds: int) -> Iterator[Callable[[], None]]:
    """Stop SQL that runs over `seconds` in this process (TimedOut); yields `restart()`, to call
    before each timed operation (PostgreSQL's statement_timeout restarts by itself)."""
    from django.db import OperationalError, connection

    connection.ensure_connection()
    deadline = [0.0]

    def restart() -> None:
        deadline[0] = time.perf_counter() + seconds

    try:
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(f"SET statement_timeout = {seconds * 1000}")
        else:
            restart()
            connection.connection.set_progress_handler(
                lambda: int(time.perf_counter() > deadline[0]), 100_000
            )
        yield restart
    except OperationalError as error:  # SQLite: "interrupted"; PostgreSQL: QueryCanceled
        raise TimedOut from error
    finally:
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET statement_timeout = 0")
        else:
            connection.connection.set_progress_handler(None, 0)


def repeat(run, budget: float) -> list[float]:
    """ms of `run()` after one warm-up, REPEATS times or until `budget` seconds are spent."""
    run()
    timings: list[float] = []
    spent = time.perf_counter()
    while len(timings) < REPEATS and (not timings or time.perf_counter() - spent < budget):
        start = time.perf_counter()
        run()
        timings.append((time.perf_counter() - start) * 1000)
    return timings


@dataclass
class Row:
    kind: str
    query: str
    hits: int | None = None
    search: list[float] = field(default_factory=list)  # ranked(...) in this process
    client: list[float] = field(default_factory=list)  # /zoeken/ as the client saw it
    server: list[float] = field(default_factory=list)  # /zoeken/ Server-Timing
    cold: list[float] = field(default_factory=list)  # Server-Timing with an empty cache
    api: list[float] = field(default_factory=list)  # /api/v1/_zoek Server-Timing
    timed_out: set[str] = field(default_factory=set)


def measure_search(row: Row) -> None:
    """The database search alone, in this process: every visible case that matches the words,
    ranked, in one query (`textsearch.engine.ranked_ids`): what a cold request cannot skip."""
    from django.contrib.auth.models import AnonymousUser
    from django.http import QueryDict

    from cases.models import Case
    from search.services import search_site
    from textsearch.engine import ranked_ids

    words = QueryDict(row.query).get("q", "")
    try:
        with statement_limit(TIMEOUT) as restart:
            row.hits = len(search_site(user=AnonymousUser(), data=QueryDict(row.query)).results)

            def run() -> None:
                restart()
                ranked_ids(Case.objects.visible_to(AnonymousUser()), words)

            row.search = repeat(run, BUDGET)
    except TimedOut:
        row.timed_out.add("search")


def measure_page(port: int, row: Row, api: bool = False) -> None:
    """Requests for /zoeken/?<query>: client and server (Server-Timing) ms, warm and cold;
    with `api`, warm requests for /api/v1/_zoek?<query>: server ms."""
    path = f"/api/v1/_zoek?{row.query}" if api else f"/zoeken/?{row.query}"
    server: list[float] = []

    def run() -> None:
        start = time.perf_counter()
        try:
            status, headers = get(port, path, timeout=TIMEOUT + 10)
        except OSError:
            status, headers = None, {}
        if status != 200 and time.perf_counter() - start >= TIMEOUT:
            raise TimedOut  # gunicorn aborted the worker (an error page or no answer)
        assert status == 200, (path, status)
        server.append(float(headers.get("Server-Timing", "").partition("dur=")[2]))

    try:
        if api:
            repeat(run, BUDGET)
            row.api = server[1:]
            return
        if row.kind.startswith("gen: "):  # a generated query: once cold, once warm
            from django.core.cache import cache

            if "REDIS_URL" in ENV:
                cache.clear()
                run()
                row.cold = list(server)
            server.clear()
            row.client = [0.0]
            start = time.perf_counter()
            run()
            row.client = [(time.perf_counter() - start) * 1000]
            row.server = list(server)
            return
        row.client = repeat(run, BUDGET)
        row.server = server[1:]  # not the warm-up
        if "REDIS_URL" in ENV:
            from django.core.cache import cache

            server.clear()
            for _ in range(COLD_REPEATS):
                cache.clear()  # as after a change: no kept matches, words or suggestions
                run()
            row.cold = list(server)
    except TimedOut:
        row.timed_out.add("page")


def prime(port: int) -> None:
    """Requests to every worker at once, so that each builds its facet index (once per process
    and change of content) before the timed requests."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(WORKERS * 2) as pool:
        for _ in range(3):
            list(pool.map(lambda _: get(port, "/zoeken/?q=buurthuis", TIMEOUT), range(WORKERS * 2)))


def p(values: list[float], percentile: int) -> float:
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[percentile - 1]


def cell(row: Row, part: str, values: list[float], percentile: int, width: int) -> str:
    if part in row.timed_out:
        return f"{'>' + str(TIMEOUT) + ' s':>{width}}"
    return f"{p(values, percentile):{width}.1f}" if values else f"{'-':>{width}}"


def report(rows: list[Row], engine: str) -> None:
    print(
        f"\n/zoeken/ under gunicorn ({WORKERS} workers), one request at a time, up to {REPEATS} "
        f"per query after a warm-up (fewer when a query needs over {BUDGET:.0f} s). In ms: "
        f"page = at the client, server = Server-Timing, cold = Server-Timing with the cache "
        f"emptied first, api = /api/v1/_zoek Server-Timing, search = the bare database search "
        f"(all visible matches ranked), in-process. Statements are stopped after {TIMEOUT} s.\n"
    )
    header = (
        f"{'query':32} {'kind':20} {'hits':>6} {'n':>3} {'page p50':>9} {'p95':>7} "
        f"{'server p50':>11} {'p95':>7} {'cold p50':>9} {'p95':>7} {'api p50':>8} {'p95':>7} "
        f"{'search p50':>11}"
    )
    print(header)
    print("-" * len(header))
    for row in rows:
        hits = "?" if row.hits is None else str(row.hits)
        print(
            f"{label(row.query):32.32} {row.kind:20.20} {hits:>6} {len(row.server):3d} "
            f"{cell(row, 'page', row.client, 50, 9)} {cell(row, 'page', row.client, 95, 7)} "
            f"{cell(row, 'page', row.server, 50, 11)} {cell(row, 'page', row.server, 95, 7)} "
            f"{cell(row, 'page', row.cold, 50, 9)} {cell(row, 'page', row.cold, 95, 7)} "
            f"{cell(row, 'page', row.api, 50, 8)} {cell(row, 'page', row.api, 95, 7)} "
            f"{cell(row, 'search', row.search, 50, 11)}"
        )
    print("-" * len(header))
    server = [ms for row in rows for ms in row.server]
    client = [ms for row in rows for ms in row.client]
    target = TARGETS_MS[engine]
    goal = f"target ≤ {TARGETS_MS['SQLite']} ms SQLite / ≤ {TARGETS_MS['PostgreSQL']} ms PostgreSQL"
    if any("page" in row.timed_out for row in rows) or not server:
        print(f"\np95 over the mix: > {TIMEOUT * 1000} ms: some pages timed out ({goal}): MISSED")
        return
    verdict = "met" if p(server, 95) <= target else "MISSED"
    print(
        f"\np95 over the mix: {p(server, 95):.0f} ms ({goal}): {verdict} on {engine}. "
        f"p50 {p(server, 50):.0f} ms; at the client p95 {p(client, 95):.0f} ms."
    )
    api = [ms for row in rows for ms in row.api]
    if api:
        verdict = "met" if p(api, 95) <= target else "MISSED"
        print(f"API /api/v1/_zoek: p50 {p(api, 50):.0f} ms, p95 {p(api, 95):.0f} ms: {verdict}.")
    cold = [ms for row in rows for ms in row.cold]
    if cold:
        verdict = "met" if p(cold, 95) <= target else "MISSED"
        print(
            f"Cold (the cache emptied before each request, as after a change; {COLD_REPEATS} per "
            f"query): p50 {p(cold, 50):.0f} ms, p95 {p(cold, 95):.0f} ms: {verdict} on {engine}."
        )
    else:
        print("Cold requests not measured: no Redis at REDIS_URL to share a cache with the site.")


def report_generated(rows: list[Row], engine: str) -> None:
    """Cold and warm p95 over the fixed mix and the generated queries together, per kind."""
    target = TARGETS_MS[engine]
    generated = [row for row in rows if row.kind.startswith("gen: ")]
    distinct = len({row.query for row in rows})
    print(f"\nAll {distinct} distinct queries ({len(generated)} generated: one cold request, then")
    print("one warm, each). Server-Timing in ms:")
    print(f"{'kind':20} {'n':>4} {'cold p50':>9} {'p95':>7} {'warm p50':>9} {'p95':>7}")
    kinds = sorted({row.kind for row in generated})
    for kind in [*kinds, "all"]:
        chosen = rows if kind == "all" else [row for row in generated if row.kind == kind]
        cold = [ms for row in chosen for ms in row.cold]
        warm = [ms for row in chosen for ms in row.server]
        if not cold or not warm:
            continue
        print(
            f"{kind:20} {len(chosen):4d} {p(cold, 50):9.1f} {p(cold, 95):7.1f} "
            f"{p(warm, 50):9.1f} {p(warm, 95):7.1f}"
        )
    cold = [ms for row in rows for ms in row.cold]
    if cold:
        verdict = "met" if p(cold, 95) <= target else "MISSED"
        worst = p(cold, 95)
        print(f"Cold p95 over all queries: {worst:.0f} ms (≤ {target} ms): {verdict} on {engine}.")


def measure_in_process(rows: list[Row]) -> None:
    """Each query once cold (the cache emptied first) and once warm, through Django's test
    client in this process: the server's own time without gunicorn (BENCH_SEARCH_IN_PROCESS=1,
    quick, and the same for both engines). The results go in `row.cold` and `row.server`."""
    from django.core.cache import cache
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    for words in ("buurthuis", "jongeren overlast"):  # the process's first-use costs
        client.get("/zoeken/", {"q": words})
    for row in rows:
        cache.clear()
        for kept in (row.cold, row.server):
            start = time.perf_counter()
            response = client.get(f"/zoeken/?{row.query}")
            kept.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, (row.query, response.status_code)


def main() -> None:
    prepare(ENV)
    setup_django(ENV)
    from django.db import connections

    state, generated, indexed = ensure_data()
    engine = engine_name(ENV)
    print(f"\n{CASES} cases on {engine}: database {state}.")
    if generated is not None:
        print(f"  generating the cases (bulk_create): {generated:.1f} s")
    if indexed is not None:
        print(f"  building the search index (add_items, {INDEX_BATCH} a batch): {indexed:.1f} s")
    rows = [Row(kind, query) for kind, query in QUERIES]
    for row in rows:
        measure_search(row)
    rows += [Row(kind, query) for kind, query in generated_queries(GENERATED)]
    if os.environ.get("BENCH_SEARCH_IN_PROCESS"):
        measure_in_process(rows)
        report_generated(rows, engine)
        return
    connections.close_all()
    server_env = dict(ENV)
    if engine == "PostgreSQL":  # a query outlives a killed worker unless the server stops it
        separator = "&" if "?" in ENV["DATABASE_URL"] else "?"
        server_env["DATABASE_URL"] += f"{separator}options=-c%20statement_timeout%3D{TIMEOUT}s"
    log = ROOT / "var" / "bench_search_gunicorn.log"
    with gunicorn(server_env, WORKERS, timeout=TIMEOUT, log=log) as port:
        prime(port)
        for row in rows:
            measure_page(port, row)
            if not row.kind.startswith("gen: "):
                measure_page(port, row, api=True)
    report([row for row in rows if not row.kind.startswith("gen: ")], engine)
    report_generated(rows, engine)


if __name__ == "__main__":
    main()
