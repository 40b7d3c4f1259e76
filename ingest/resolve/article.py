"""One article's mentions -> its entities, and for every kept mention a span naming its entity.

Countries are clustered first because the later rules read them (a national institution belongs to the country
the article names), then persons, organisations, places and offices; each cluster becomes one Entity.
"""

from __future__ import annotations

from collections import Counter, defaultdict

import pycountry

from ingest.gazetteer import gazetteer
from ingest.ids import entity_id
from ingest.lexicons import load
from ingest.models import ArticleResolution, Entity, EntityType, Mention, MergeRecord, ResolvedSpan
from ingest.resolve.article_orgs import resolve_orgs
from ingest.resolve.clusters import ArticleClusters, Cluster
from ingest.resolve.entities import ORG_TYPES, absorb, is_subsequence, near_surname
from ingest.resolve.names import (
    lexicon,
    looks_like_acronym,
    parse_person,
    plain_key,
    strip_possessive,
    y_spelling_score,
)


def resolve_article(article_id: str, mentions: list[Mention], text: str) -> ArticleResolution:
    """Resolve one article's mentions to entities; every kept mention gets a span."""
    article = ArticleClusters(article_id, mentions, text)
    article.retype_surnames()
    article.join_capital_compounds()
    by_type: dict[EntityType, list[Mention]] = defaultdict(list)
    for m in article.mentions:
        by_type[m.type].append(m)
    article.add_countries(by_type[EntityType.COUNTRY])
    _persons(article, by_type[EntityType.PERSON])
    resolve_orgs(article, [m for m in article.mentions if m.type in ORG_TYPES])
    _locations(article, by_type[EntityType.LOCATION])
    _others(article, by_type[EntityType.OFFICE])
    return _build(article)


# ------------------------------------------------------------------------------------------- persons


def _persons(article: ArticleClusters, mentions: list[Mention]) -> None:
    parsed = [(m, parse_person(m.text)) for m in mentions]
    full = [(m, p) for m, p in parsed if p.is_full]
    bare = [(m, p) for m, p in parsed if not p.is_full]

    by_key: dict[str, Cluster] = {}
    for m, p in full:
        c = by_key.get(p.key)
        if c is None:
            c = by_key[p.key] = article.new(EntityType.PERSON)
        article.assign(c, m, p.display, "title" if p.titled else "exact")

    # A name with middle names ("Kurmanbek Saliyevich Bakiyev") joins the one shorter form it extends.
    keys = sorted(by_key, key=lambda k: len(k.split()))
    for short in keys:
        st = short.split()
        longer = [
            k
            for k in keys
            if len(k.split()) > len(st)
            and k.split()[0] == st[0]
            and k.split()[-1] == st[-1]
            and is_subsequence(st, k.split())
        ]
        if len(longer) == 1:
            host = by_key[longer[0]]
            for mm, surface, rule in by_key[short].members:
                article.assign(host, mm, surface, rule)
            by_key[short].absorbed = True
    _join_variants(article, by_key)
    live = {k: c for k, c in by_key.items() if not c.absorbed}

    bare_clusters: dict[str, Cluster] = {}
    royal, royal_numbers = load("names").words("royal_titles"), load("names").words("regnal_numbers")
    for m, p in bare:
        skey = p.surname_key
        # "King Hamad II" is named by his given name: it is nobody's surname.
        regnal = p.surface.split()[0].lower() in royal or p.surface.split()[-1].lower() in royal_numbers
        candidates = {k: c for k, c in live.items() if _surname_of_key(k) == skey and not regnal}
        rule = "title" if p.titled else "surname"
        target: Cluster | None = None
        if len({k.split()[0] for k in candidates}) == 1:
            # One person, or one first name written several ways.
            target = _nearest_before(list(candidates.values()), m.start_char) or next(
                iter(candidates.values())
            )
        elif candidates:
            # Two people share the surname: the one named last before this mention, if any.
            target = _nearest_before(list(candidates.values()), m.start_char)
            if target is None:
                article.ambiguous.append(m.text)
        else:
            fuzzy = [c for k, c in live.items() if near_surname(skey, _surname_of_key(k)) and not regnal]
            if len(fuzzy) == 1:
                target, rule = fuzzy[0], "fuzzy"
            else:
                target = _given_name_host(live, skey, m.start_char)
                rule = "given-name" if target is not None else rule
        if target is None:
            target = bare_clusters.get(skey)
            if target is None:
                target = bare_clusters[skey] = article.new(EntityType.PERSON)
        article.assign(target, m, p.display, rule)


def _join_variants(article: ArticleClusters, by_key: dict[str, Cluster]) -> None:
    """Two spellings of one full name ("Boris Vasilescu" / "Boris Vasilesku": one first name, the surnames
    one slip apart), and a person's last names alone ("Soto Rivas" in "Ana Maria Soto
    Rivas": at least two words that end exactly one name two or more words longer)."""
    keys = sorted((k for k in by_key if not by_key[k].absorbed), key=lambda k: -len(k.split()))
    for short in reversed(keys):
        sw = short.split()
        hosts = [
            k
            for k in keys
            if k != short
            and not by_key[k].absorbed
            and (
                (len(k.split()) >= len(sw) + 2 and k.split()[-len(sw) :] == sw)
                or (
                    len(k.split()) == len(sw)
                    and k.split()[:-1] == sw[:-1]
                    and near_surname(k.split()[-1], sw[-1])
                )
            )
        ]
        if len(hosts) == 1 and not by_key[short].absorbed:
            host = by_key[hosts[0]]
            for mm, surface, rule in by_key[short].members:
                article.assign(host, mm, surface, rule)
            by_key[short].absorbed = True


def _given_name_host(live: dict[str, Cluster], word: str, pos: int) -> Cluster | None:
    """ "Yared" for Yared Tessema, "Han" for Han Wei-lin (family name first): one word that opens the name of
    a person of the article, and ends none, is that person; so is the word before a surname's particle
    ("Lula" in "Luiz Inacio Lula da Silva"). Of two people it opens, the only one the text has named
    before the word: the reader cannot yet think of the other."""
    particles = lexicon().particles

    def holds(key: str) -> bool:
        words = key.split()
        if len(words) < 2:
            return False
        return words[0] == word or any(
            w == word and words[i + 1] in particles for i, w in enumerate(words[1:-1], start=1)
        )

    opens = [c for k, c in live.items() if holds(k)]
    if not opens or any(_surname_of_key(k) == word for k in live):
        return None
    if len(opens) > 1:
        opens = [c for c in opens if c.first_start() < pos]
    return opens[0] if len(opens) == 1 else None


def _surname_of_key(key: str) -> str:
    return key.split()[-1] if key else ""


def _nearest_before(candidates: list[Cluster], pos: int) -> Cluster | None:
    best: tuple[int, Cluster] | None = None
    for c in candidates:
        for m, s, _ in c.members:
            if m.start_char < pos and parse_person(s).is_full and (best is None or m.start_char > best[0]):
                best = (m.start_char, c)
    return best[1] if best else None


# ----------------------------------------------------------------------------------------- locations


def _locations(article: ArticleClusters, mentions: list[Mention]) -> None:
    by_key: dict[tuple[str, str], Cluster] = {}
    named = set(article.country_kb)
    place_countries = Counter((strip_possessive(o.text), o.country) for o in mentions if o.country)
    for m in mentions:
        surface = strip_possessive(m.text)
        if m.kb_id and m.country not in named:
            # "Punjab police" in a story about Pakistan: of the places so named, the one in a country the
            # article names, else in the country of most of its other places.
            others: Counter[str] = Counter()
            for (name, country), n in place_countries.items():
                if name != surface:
                    others[country] += n
            local = gazetteer().place_in(surface, named) or next(
                (p for c, _ in others.most_common() if (p := gazetteer().place_in(surface, {c}))), None
            )
            if local is not None:
                m = m.model_copy(update={"kb_id": local.key, "kb_name": local.name, "country": local.country})
        name = m.kb_name or surface
        key = (plain_key(name) or name.lower(), m.country or "")
        c = by_key.get(key)
        if c is None:
            c = by_key[key] = article.new(EntityType.LOCATION)
        c.country = c.country or m.country
        c.kb_id = c.kb_id or m.kb_id
        if m.kb_name:
            c.name = m.kb_name
        article.assign(c, m, surface, "exact" if surface == name else "gazetteer")


def _others(article: ArticleClusters, mentions: list[Mention]) -> None:
    by_key: dict[str, Cluster] = {}
    for m in mentions:
        surface = strip_possessive(m.text)
        c = by_key.setdefault(plain_key(surface), article.new(m.type))
        c.country = c.country or m.country
        article.assign(c, m, surface, "exact")


# --------------------------------------------------------------------------------------------- build


def _build(article: ArticleClusters) -> ArticleResolution:
    entities: dict[str, Entity] = {}
    spans: list[ResolvedSpan] = []
    needed_countries: set[str] = set()
    for c in article.clusters:
        if c.absorbed or not c.members:
            continue
        ent = _entity(c, article.article_id)
        if c.type == EntityType.PERSON:
            forms = [
                *_titled_forms(c, article.text),
                *_untitled_forms(c),
                *_surname_runs(ent, c, article.text),
            ]
            ent.aliases.extend(a for a in dict.fromkeys(forms) if a not in ent.aliases)
        if ent.id in entities:
            absorb(entities[ent.id], ent)
        else:
            entities[ent.id] = ent
        if c.country:
            needed_countries.add(c.country)
        for m, _, _ in c.members:
            if article.cluster_of.get(id(m)) is c:
                spans.append(ResolvedSpan(m.start_char, m.end_char, ent.id, m.text))
    for country in sorted(needed_countries):
        cid = _country_id(country)
        if cid not in entities:
            # Present so that LOCATED_IN / OFFICE_OF have a node to point at.
            entities[cid] = Entity(
                id=cid,
                type=EntityType.COUNTRY,
                name=country,
                aliases=[],
                kb_id=article.country_kb.get(country) or _iso3(country),
            )
    spans.sort(key=lambda s: s.start_char)
    return ArticleResolution(
        entities=entities, spans=spans, article_id=article.article_id, ambiguous=article.ambiguous
    )


def _titled_forms(c: Cluster, text: str) -> list[str]:
    """ "President Soto": a surname written after a personal title is a spelling of the person, as the text
    uses it (the mention itself leaves the title out)."""
    titles = load("actor_nouns").words("person_titles")
    out = []
    for m, _, _ in c.members:
        if " " in m.text.strip():
            continue
        before = text[max(0, m.start_char - 30) : m.start_char]
        words = before.split()
        if words and before.endswith(" ") and words[-1][:1].isupper() and words[-1].lower() in titles:
            out.append(f"{words[-1]} {strip_possessive(m.text)}")
    return list(dict.fromkeys(out))


def _untitled_forms(c: Cluster) -> list[str]:
    """ "Mr Soto" writes the surname "Soto" the text calls the person by, whether or not it also stands
    alone somewhere."""
    out = []
    for m, _, _ in c.members:
        p = parse_person(m.text)
        if p.titled and len(p.tokens) == 1:
            out.append(p.tokens[0])
    return out


def _surname_runs(ent: Entity, c: Cluster, text: str) -> list[str]:
    """ "Soto Lusk" for Ana Maria Soto Lusk when the mention took only "Lusk": the words right before a
    one-word mention that, with it, end the full name are the (double) surname as the text writes it."""
    words = parse_person(ent.name).tokens
    out = []
    for m, _, _ in c.members:
        surname = strip_possessive(m.text)
        if len(words) < 3 or surname != words[-1]:
            continue
        line = text[max(0, m.start_char - 80) : m.start_char].rpartition("\n")[2]
        prior = line.split()
        if not line.endswith(" "):
            continue
        for n in range(len(words) - 2, 0, -1):
            if prior[-n:] == list(words[-n - 1 : -1]):
                out.append(" ".join([*words[-n - 1 : -1], surname]))
                break
    return out


def _entity(c: Cluster, article_id: str) -> Entity:
    surfaces = [s for _, s, _ in c.members]
    if c.type == EntityType.PERSON:
        full = [s for s in surfaces if parse_person(s).is_full]
        name = _choose_name(full or surfaces)
        eid = entity_id(EntityType.PERSON, parse_person(name).key or name)
        rules = []
        canonical_key = parse_person(name).key
        for _, s, r in c.members:
            if r == "exact" and s != name:
                r = "transliteration" if parse_person(s).key == canonical_key else "surname"
            rules.append(r)
    elif c.type == EntityType.COUNTRY:
        name = c.name or _choose_name(surfaces)
        eid = _country_id(name)
        rules = [r for _, _, r in c.members]
    elif c.type in ORG_TYPES:
        if c.name:
            name = c.name
        else:
            longs = [s for s in surfaces if not looks_like_acronym(s)]
            fulls = [s for s in longs if not any(_extends(o, s) for o in longs)]
            name = _choose_name(fulls or longs or surfaces)
        eid = entity_id(c.type, name)
        rules = [r for _, _, r in c.members]
    else:
        name = c.name or _choose_name(surfaces)
        key = f"{name} {c.country}" if c.type == EntityType.LOCATION and c.country else name
        eid = entity_id(c.type, key)
        rules = [r for _, _, r in c.members]
    # Aliases keep titles as written ("Mr Bakiyev"); only a possessive is dropped.
    aliases = list(dict.fromkeys(strip_possessive(m.text) for m, _, _ in c.members))
    if c.type == EntityType.COUNTRY:
        aliases = list(dict.fromkeys([*aliases, *_country_words(aliases, name)]))
    elif c.type in ORG_TYPES and c.name is None:
        # Not for a national institution: "Electoral Commission" alone would stand for every country's.
        aliases = list(dict.fromkeys([*aliases, *_without_country(aliases)]))
    merges = list(dict.fromkeys((m.text, r) for (m, _, _), r in zip(c.members, rules, strict=True)))
    return Entity(
        id=eid,
        type=c.type,
        name=name,
        aliases=aliases,
        country=_country_id(c.country) if c.country else None,
        kb_id=c.kb_id,
        merges=[MergeRecord(mention=t, rule=r, article_id=article_id) for t, r in merges],
    )


def _country_words(phrases: list[str], country: str) -> list[str]:
    """ "Rwandan" of "Rwandan army", "Burma" of "Burma's military": the words of a phrase that name the
    country are a spelling of it too."""
    gz = gazetteer()
    out = []
    for phrase in phrases:
        words = phrase.split()
        for n in range(len(words) - 1, 0, -1):
            head = strip_possessive(" ".join(words[:n]))
            hit = gz.lookup(head)
            if hit is not None and hit.kind in ("country", "demonym") and hit.kb_name == country:
                out.append(head)
                break
    return out


def _without_country(names: list[str]) -> list[str]:
    """ "Ruritania's Election Council": the body's own name follows its country's possessive."""
    out = []
    for name in names:
        owner, sep, rest = name.replace("\u2019", "'").partition("'s ")
        hit = gazetteer().lookup(owner) if sep and rest[:1].isupper() else None
        if hit is not None and hit.kind == "country":
            out.append(rest)
    return out


def _choose_name(forms: list[str]) -> str:
    """Most frequent form; ties: the longest, then the "-yev"/"y" spelling the English press prefers."""
    counts = Counter(forms)
    order = {f: i for i, f in reversed(list(enumerate(forms)))}
    return max(counts, key=lambda f: (counts[f], len(f), y_spelling_score(f), -order[f]))


def _extends(longer: str, shorter: str) -> bool:
    lw, sw = longer.lower().split(), shorter.lower().split()
    return len(lw) > len(sw) and (lw[: len(sw)] == sw or lw[-len(sw) :] == sw)


def _country_id(name: str) -> str:
    return entity_id(EntityType.COUNTRY, name)


def _iso3(name: str) -> str | None:
    try:
        return str(pycountry.countries.lookup(name).alpha_3)
    except LookupError:
        return None
