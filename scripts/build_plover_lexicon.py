"""Build ingest/lexicons/plover_verbs.jsonl from the CAMEO verb dictionary and the CAMEO -> PLOVER table.

    .venv/bin/python scripts/build_plover_lexicon.py [--eventdata DIR] [--out FILE]

Sources (openeventdata, see /work/shared/data/eventdata/README.md):
- CAMEO.verbpatterns.*.txt: verb blocks `--- NAME [code] ---`, each followed by its verbs (a verb line may
  carry its own `[code]` and irregular forms `{...}`; `+MEET_WITH` is a verb with a particle) and by phrase
  patterns `- <words> * <words> [code]  # VERB`, where `*` is the verb, `+` the target and `$` the source.
- CAMEO2PLOVER-*.txt: `code: PLOVER_TYPE, mode, context  # description`.

Each output line is one entry: {"lemma", "prep"?, "obj"?, "type", "mode", "cameo", "src"}.
- `lemma` alone: the verb's default code (its own or its block's).
- `lemma` + `prep`: a particle or preposition right after the verb in a pattern (`- * WITH + [036]`) or in a
  multi-word verb (`+MEET_WITH`).
- `lemma` + `obj`: the first word after the verb when it is a noun (`- * SANCTIONS AGAINST + [1312]`); stored
  as a lower-case prefix because the dictionary stems some nouns (`NEGOTIAT`). A synset there
  (`- * &MILITARY_ ...`, defined in the file's header) gives one entry per member.
Phrase entries keep the most frequent PLOVER type among the patterns that share the same (lemma, word).

CAMEO roots 01 (public statement) and 02 (appeal) are absent from the PLOVER table: PLOVER folds appeals into
REQUEST, so 02x codes map to REQUEST here; 01x codes (comments, statements) carry no interaction and are
dropped.

SUPPLEMENT below is curated by hand: frequent news verbs that the CAMEO file lacks, leaves without a default
code (`[---]`), or codes in a way that misleads on modern political news (CAMEO puts "agree" under 050
"diplomatic cooperation", PLOVER's AGREE is the intent/agreement category). Supplement entries win over
dictionary entries for the same key and are marked `"src": "supplement"`.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_EVENTDATA = ROOT.parent / "shared" / "data" / "eventdata"
DEFAULT_OUT = ROOT / "ingest" / "lexicons" / "plover_verbs.jsonl"

Key = tuple[str, str | None, str | None]  # lemma, preposition, object
Hit = tuple[str, str | None, str | None, str, str]  # lemma, preposition, object, CAMEO code, "synset" or ""

PREPOSITIONS = {
    "with", "to", "for", "against", "on", "of", "from", "in", "by", "over", "at", "into", "up", "down", "out",
    "off", "away", "back", "about", "upon", "between", "among", "toward", "towards", "through",
}  # fmt: skip
# Words after the verb in a pattern that are not the verb's object noun.
NOT_OBJECT = PREPOSITIONS | {
    "to", "the", "a", "an", "that", "it", "its", "not", "will", "would", "was", "were", "is", "are", "has",
    "have", "had", "be", "been", "as", "and", "or", "if", "more", "all", "any", "new", "said", "who",
}  # fmt: skip

# (lemma, prep or None, obj or None, PLOVER type, mode, why)
SUPPLEMENT: list[tuple[str, str | None, str | None, str, str, str]] = [
    ("agree", None, None, "AGREE", "", "PLOVER AGREE; CAMEO files it under 050"),
    ("agree", "to", None, "AGREE", "", "agree to a proposal"),
    ("agree", "with", None, "AGREE", "", "agree with someone"),
    ("sign", None, "agreement", "AGREE", "", "sign an agreement/accord/deal"),
    ("sign", None, "accord", "AGREE", "", ""),
    ("sign", None, "deal", "AGREE", "", ""),
    ("sign", None, "treaty", "SUPPORT", "", "CAMEO 057 sign formal agreement -> SUPPORT"),
    ("reach", None, "agreement", "AGREE", "", "reach an agreement"),
    ("reach", None, "deal", "AGREE", "", ""),
    ("reach", None, "consensus", "AGREE", "", ""),
    ("reach", None, "accord", "AGREE", "", ""),
    ("offer", None, None, "AGREE", "offer", "PLOVER: offers are AGREE (intent)"),
    ("pledge", None, None, "AGREE", "pledge", ""),
    ("promise", None, None, "AGREE", "pledge", ""),
    ("vow", None, None, "AGREE", "pledge", ""),
    ("support", None, None, "SUPPORT", "", ""),
    ("back", None, None, "SUPPORT", "", ""),
    ("endorse", None, None, "SUPPORT", "", ""),
    ("praise", None, None, "SUPPORT", "", ""),
    ("welcome", None, None, "SUPPORT", "", ""),
    ("recognize", None, None, "SUPPORT", "recognize", "CAMEO 054 grant diplomatic recognition"),
    ("recognise", None, None, "SUPPORT", "recognize", ""),
    ("congratulate", None, None, "SUPPORT", "", ""),
    ("thank", None, None, "SUPPORT", "", ""),
    ("nominate", None, None, "SUPPORT", "", "a party nominating a candidate"),
    ("appoint", None, None, "SUPPORT", "", "appointing someone is backing them"),
    ("elect", None, None, "SUPPORT", "", ""),
    ("side", "with", None, "SUPPORT", "", ""),
    ("stand", "by", None, "SUPPORT", "", ""),
    ("campaign", "for", None, "SUPPORT", "", ""),
    ("vote", "for", None, "SUPPORT", "", ""),
    ("vote", "against", None, "REJECT", "", ""),
    ("meet", None, None, "CONSULT", "meet", ""),
    ("meet", "with", None, "CONSULT", "meet", ""),
    ("talk", "with", None, "CONSULT", "", ""),
    ("talk", "to", None, "CONSULT", "", ""),
    ("speak", "with", None, "CONSULT", "", ""),
    ("speak", "to", None, "CONSULT", "", ""),
    ("negotiate", None, None, "CONSULT", "negotiate", ""),
    ("negotiate", "with", None, "CONSULT", "negotiate", ""),
    ("discuss", None, None, "CONSULT", "", ""),
    ("host", None, None, "CONSULT", "visit", ""),
    ("visit", None, None, "CONSULT", "visit", ""),
    ("phone", None, None, "CONSULT", "phone", ""),
    ("telephone", None, None, "CONSULT", "phone", ""),
    ("call", None, None, "CONSULT", "phone", "a bare 'called X' in news is a telephone call"),
    ("call", "for", None, "REQUEST", "", ""),
    ("call", "on", None, "REQUEST", "", ""),
    ("urge", None, None, "REQUEST", "", ""),
    ("ask", None, None, "REQUEST", "", ""),
    ("demand", None, None, "REQUEST", "", ""),
    ("appeal", "to", None, "REQUEST", "", ""),
    ("press", None, None, "REQUEST", "", ""),
    ("accuse", None, None, "ACCUSE", "allege", ""),
    ("blame", None, None, "ACCUSE", "allege", ""),
    ("criticize", None, None, "ACCUSE", "disapprove", ""),
    ("criticise", None, None, "ACCUSE", "disapprove", ""),
    ("condemn", None, None, "ACCUSE", "disapprove", ""),
    ("denounce", None, None, "ACCUSE", "disapprove", ""),
    ("slam", None, None, "ACCUSE", "disapprove", ""),
    ("attack", "verbally", None, "ACCUSE", "disapprove", ""),
    ("charge", None, None, "COERCE", "arrest", "charging a person is legal action"),
    ("sue", None, None, "ACCUSE", "allege", ""),
    ("investigate", None, None, "ACCUSE", "investigate", ""),
    ("reject", None, None, "REJECT", "", ""),
    ("refuse", None, None, "REJECT", "", ""),
    ("decline", None, None, "REJECT", "", ""),
    ("deny", None, None, "REJECT", "", ""),
    ("veto", None, None, "REJECT", "", ""),
    ("oppose", None, None, "REJECT", "", ""),
    ("boycott", None, None, "PROTEST", "boycott", ""),
    ("dismiss", None, None, "REJECT", "", ""),
    ("protest", None, None, "PROTEST", "demo", ""),
    ("protest", "against", None, "PROTEST", "demo", ""),
    ("rally", "against", None, "PROTEST", "demo", ""),
    ("demonstrate", "against", None, "PROTEST", "demo", ""),
    ("march", "against", None, "PROTEST", "demo", ""),
    ("picket", None, None, "PROTEST", "demo", ""),
    ("strike", "against", None, "PROTEST", "boycott", ""),
    ("threaten", None, None, "THREATEN", "", ""),
    ("warn", None, None, "THREATEN", "", ""),
    ("arrest", None, None, "COERCE", "arrest", ""),
    ("detain", None, None, "COERCE", "arrest", ""),
    ("jail", None, None, "COERCE", "arrest", ""),
    ("imprison", None, None, "COERCE", "arrest", ""),
    ("sentence", None, None, "COERCE", "arrest", ""),
    ("convict", None, None, "COERCE", "arrest", ""),
    ("prosecute", None, None, "COERCE", "arrest", ""),
    ("indict", None, None, "COERCE", "arrest", ""),
    ("ban", None, None, "COERCE", "ban", ""),
    ("bar", None, None, "COERCE", "ban", ""),
    ("disqualify", None, None, "COERCE", "ban", ""),
    ("deport", None, None, "COERCE", "deport", ""),
    ("expel", None, None, "SANCTION", "expel", ""),
    ("extradite", None, None, "COERCE", "deport", ""),
    ("raid", None, None, "COERCE", "seize", ""),
    # A warrant is issued to arrest or search someone: legal action, CAMEO 173, where the dictionary's
    # pattern files it under demands (100).
    ("issue", None, "warrant", "COERCE", "arrest", "CAMEO 173"),
    # Turning to someone for help asks it of them (CAMEO 02, appeal); the dictionary's pattern for "look to"
    # codes a reproach (113) its other words alone made one.
    ("look", "to", None, "REQUEST", "", "CAMEO 020"),
    # Enclosing a place or a person is a blockade, CAMEO 191 (restrict movement), where the dictionary's
    # verbs file codes "surround" as armed force (190).
    ("surround", None, None, "COERCE", "restrict", "CAMEO 191"),
    ("encircle", None, None, "COERCE", "restrict", "CAMEO 191"),
    ("cordon", None, None, "COERCE", "restrict", "CAMEO 191"),
    ("besiege", None, None, "COERCE", "restrict", "CAMEO 191"),
    ("blockade", None, None, "COERCE", "restrict", "CAMEO 191"),
    ("seize", None, None, "COERCE", "seize", ""),
    ("confiscate", None, None, "COERCE", "seize", ""),
    ("dismiss", "from", None, "COERCE", "", ""),
    ("sack", None, None, "COERCE", "", ""),
    ("fire", None, None, "COERCE", "", ""),
    ("oust", None, None, "COERCE", "", ""),
    ("impeach", None, None, "COERCE", "", ""),
    ("censor", None, None, "COERCE", "restrict", ""),
    ("blockade", None, None, "COERCE", "restrict", ""),
    ("sanction", None, None, "SANCTION", "", ""),
    ("impose", None, "sanction", "SANCTION", "", "impose sanctions"),
    ("impose", None, "embargo", "SANCTION", "", ""),
    ("suspend", None, "aid", "SANCTION", "discontinue", ""),
    ("suspend", None, "talk", "SANCTION", "withdraw", ""),
    ("halt", None, "aid", "SANCTION", "discontinue", ""),
    ("stop", None, "aid", "SANCTION", "discontinue", ""),
    ("cut", None, "aid", "SANCTION", "discontinue", ""),
    ("freeze", None, "aid", "SANCTION", "discontinue", ""),
    ("recall", None, "ambassador", "SANCTION", "withdraw", ""),
    ("attack", None, None, "ASSAULT", "", ""),
    ("kill", None, None, "ASSAULT", "", ""),
    ("assassinate", None, None, "ASSAULT", "assassinate", ""),
    ("murder", None, None, "ASSAULT", "", ""),
    ("shoot", None, None, "ASSAULT", "firearms", ""),
    ("beat", None, None, "ASSAULT", "beat", ""),
    ("punch", None, None, "ASSAULT", "beat", "blows to a person: absent from the CAMEO file"),
    ("lynch", None, None, "ASSAULT", "", ""),
    ("stop", "from", None, "COERCE", "restrict", "stopped X from going: as 'prevent from'"),
    ("bomb", None, None, "ASSAULT", "explosives", ""),
    ("shell", None, None, "ASSAULT", "heavy-weapons", ""),
    ("abduct", None, None, "ASSAULT", "abduct", ""),
    ("kidnap", None, None, "ASSAULT", "abduct", ""),
    ("torture", None, None, "ASSAULT", "torture", ""),
    ("invade", None, None, "COERCE", "seize", ""),
    ("aid", None, None, "AID", "", ""),
    ("assist", None, None, "AID", "", ""),
    ("help", None, None, "AID", "", ""),
    ("fund", None, None, "AID", "economic", ""),
    ("finance", None, None, "AID", "economic", ""),
    ("donate", None, None, "AID", "", ""),
    ("evacuate", None, None, "AID", "", ""),
    ("send", None, "aid", "AID", "", ""),
    ("provide", None, "aid", "AID", "", ""),
    ("provide", None, "assistance", "AID", "", ""),
    ("grant", None, "asylum", "AID", "asylum", ""),
    ("cooperate", None, None, "COOPERATE", "", ""),
    ("cooperate", "with", None, "COOPERATE", "", ""),
    ("collaborate", "with", None, "COOPERATE", "", ""),
    ("ally", "with", None, "COOPERATE", "", ""),
    ("ally", "to", None, "COOPERATE", "", ""),
    ("align", "with", None, "COOPERATE", "", ""),
    ("join", None, "forces", "COOPERATE", "", ""),
    ("release", None, None, "RETREAT", "release", ""),
    ("free", None, None, "RETREAT", "release", ""),
    ("withdraw", None, None, "RETREAT", "withdraw", ""),
    ("withdraw", "from", None, "RETREAT", "withdraw", ""),
    ("pull", "out", None, "RETREAT", "withdraw", ""),
    ("retreat", None, None, "RETREAT", "withdraw", ""),
    ("lift", None, "sanction", "RETREAT", "ease", ""),
    ("lift", None, "ban", "CONCEDE", "", ""),
    ("pardon", None, None, "CONCEDE", "", ""),
    ("concede", None, None, "CONCEDE", "", ""),
    ("resign", None, None, "CONCEDE", "", "yielding to pressure"),
    ("step", "down", None, "CONCEDE", "", ""),
    ("call", "off", None, "CONCEDE", "", ""),
    ("mobilize", None, None, "MOBILIZE", "", ""),
    ("mobilise", None, None, "MOBILIZE", "", ""),
    ("deploy", None, None, "MOBILIZE", "troops", ""),
    ("mass", None, None, "MOBILIZE", "troops", ""),
    ("defend", None, None, "SUPPORT", "", "CAMEO 180 (force); in news mostly verbal backing"),
    ("defend", "against", None, "SUPPORT", "", ""),
    ("send", None, None, "AID", "", "CAMEO 160 (reduce relations) misleads; sending is mostly supplies"),
    ("send", None, "troop", "MOBILIZE", "troops", ""),
    ("send", None, "forces", "MOBILIZE", "troops", ""),
    ("send", None, "soldier", "MOBILIZE", "troops", ""),
    ("send", None, "envoy", "CONSULT", "", ""),
    ("send", None, "delegation", "CONSULT", "", ""),
    ("send", None, "weapon", "AID", "military", ""),
    ("send", None, "arms", "AID", "military", ""),
    ("deliver", None, None, "AID", "", ""),
    ("hand", "over", None, "AID", "", "handing over goods; handing over people is coded by its object"),
    ("ship", None, None, "AID", "", ""),
    ("supply", None, None, "AID", "", ""),
    ("contribute", None, None, "AID", "", ""),
    ("grant", None, None, "AID", "", "CAMEO 060 is vague; granting is giving"),
    ("grant", None, "recognition", "SUPPORT", "recognize", ""),
    ("lift", None, "curfew", "CONCEDE", "ease", ""),
    ("lift", None, "restriction", "CONCEDE", "ease", ""),
    ("lift", None, "embargo", "CONCEDE", "ease", ""),
    ("lift", None, "blockade", "CONCEDE", "ease", ""),
    ("lift", None, "siege", "CONCEDE", "ease", ""),
    ("ease", None, None, "CONCEDE", "ease", "CAMEO 08x: ease restrictions"),
    ("relax", None, None, "CONCEDE", "ease", ""),
    ("cancel", None, "restriction", "CONCEDE", "ease", ""),
    ("demobilize", None, None, "RETREAT", "demobilize", ""),
    ("demobilise", None, None, "RETREAT", "demobilize", ""),
    ("disarm", None, None, "RETREAT", "demobilize", ""),
    ("break", "off", None, "SANCTION", "withdraw", ""),
    # CAMEO 120 pairs these objects with "accept" only under a negation; taking what is offered is agreeing.
    ("accept", None, "proposal", "AGREE", "", "CAMEO 03x; 'not accept' is a refusal (verbs.py)"),
    ("accept", None, "proposition", "AGREE", "", ""),
    ("accept", None, "proffer", "AGREE", "", ""),
    ("accept", None, "offer", "AGREE", "", ""),
    ("accept", None, "compromise", "AGREE", "", ""),
]
# Diplomatic relations as an object class: every verb of ending or lowering them is a withdrawal (CAMEO 16x,
# reduce relations), every verb of making or raising them a backing (CAMEO 05x: 051, 054), whichever noun
# names them.
RELATION_NOUNS = ("tie", "relation")
RELATION_VERBS = {
    "SANCTION": ("cut", "sever", "break", "suspend", "downgrade", "freeze", "end"),
    "SUPPORT": ("restore", "resume", "establish", "upgrade", "normalize", "normalise", "renew"),
}
SUPPLEMENT += [
    (verb, None, noun, ptype, "withdraw" if ptype == "SANCTION" else "", "diplomatic relations")
    for ptype, verbs in RELATION_VERBS.items()
    for verb in verbs
    for noun in RELATION_NOUNS
]


# Help as an object class: cutting or holding it back, whichever verb and whichever word for the help, is a
# sanction (CAMEO 16x, reduce or stop aid).
AID_NOUNS = ("aid", "assistance", "supply", "funding", "loan", "support")
SUPPLEMENT += [
    (verb, None, noun, "SANCTION", "discontinue", "help cut")
    for verb in ("cut", "reduce", "halt", "stop", "suspend", "freeze", "withhold", "slash", "end")
    for noun in AID_NOUNS
    if noun != "support" or verb in ("withhold", "suspend", "halt")
]
# Protests as an object class: stopping, banning or breaking one up is the state's coercion (CAMEO 17x),
# whichever verb and whichever word for the protest.
PROTEST_NOUNS = ("protest", "demonstration", "rally", "march", "gathering", "strike", "sit-in", "vigil")
SUPPLEMENT += [
    (verb, None, noun, "COERCE", "restrict", "protest stopped")
    for verb in ("prevent", "block", "ban", "prohibit", "forbid", "disperse", "outlaw")
    for noun in PROTEST_NOUNS
]
# Armed forces as an object class: raising them somewhere is mobilizing (CAMEO 15x), whichever verb of
# increase says so ("reinforced troops on the border", "bolstered naval forces").
FORCE_NOUNS = ("force", "forces", "troop", "soldier")
SUPPLEMENT += [
    (verb, None, noun, "MOBILIZE", "troops", "armed forces raised")
    for verb in ("strengthen", "reinforce", "bolster", "boost", "increase", "expand", "build")
    for noun in FORCE_NOUNS
]


def load_plover_table(path: Path) -> dict[str, tuple[str, str]]:
    table: dict[str, tuple[str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        m = re.match(r"^(\d+):\s*([A-Z]+)\s*(?:,\s*([^,]*))?", line)
        if m:
            table[m.group(1)] = (m.group(2), (m.group(3) or "").strip())
    return table


def plover_for(code: str, table: dict[str, tuple[str, str]]) -> tuple[str, str] | None:
    """PLOVER type and mode of a CAMEO code, falling back to its parent codes."""
    code = code.split(":", 1)[0].strip()
    if not code.isdigit():
        return None
    if code.startswith("02"):
        return ("REQUEST", "appeal")
    if code.startswith("01"):
        return None
    for n in range(len(code), 1, -1):
        if code[:n] in table:
            return table[code[:n]]
    return None


def _is_root(code: str) -> bool:
    """A CAMEO root code of words and cooperation ("060": material cooperation, not specified further).
    The roots of force (150 and up: "190" fight) gather words that mostly are that force ("shoot",
    "clash")."""
    return len(code) == 3 and code.isdigit() and code.endswith("0") and int(code) < 150


def _clean_word(word: str) -> str:
    return word.strip("_").lower()


def parse_synsets(lines: list[str]) -> dict[str, list[str]]:
    """`&NAME` blocks of the dictionary's header: each `+WORD` (or `+TWO_WORDS`) under it, as the noun that
    heads it in a parse (the last word: `+ARMED_FORCES` is "forces")."""
    synsets: dict[str, list[str]] = {}
    name: str | None = None
    for raw in lines:
        line = raw.split("#", 1)[0].strip()
        if line.startswith("&"):
            name = line.rstrip("_")
            synsets[name] = []
        elif line.startswith("+") and name is not None:
            parts = [p for p in line[1:].split("_") if p]
            if parts:
                head = parts[-1].lower()
                if head not in synsets[name]:
                    synsets[name].append(head)
        elif not line:
            name = None
    return synsets


def parse_verbs(
    path: Path, table: dict[str, tuple[str, str]]
) -> tuple[dict[tuple[str, str | None], tuple[str, str, str]], list[Hit]]:
    """(lemma, particle) -> (type, mode, code) for verb lines; raw pattern hits (lemma, prep, obj, code, via)
    where `via` is "synset" for a synset member."""
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("####### VERB PATTERNS"))
    synsets = parse_synsets(lines[:start])
    verbs: dict[tuple[str, str | None], tuple[str, str, str]] = {}
    hits: list[Hit] = []
    block_code = "---"
    block_words: set[str] = set()
    for raw in lines[start + 1 :]:
        line = raw.split("#", 1)[0].rstrip()
        comment = raw.split("#", 1)[1] if "#" in raw else ""
        if not line.strip():
            continue
        head = re.match(r"^---\s*(\S+)\s*(?:\[([^\]]*)\])?", line)
        if head:
            # "--- DEFEND ###" has no code: its words need a pattern, as "[---]" says.
            block_code = (head.group(2) or "---").strip()
            block_words = {w.lower() for w in head.group(1).split("_") if w}
            continue
        if line.startswith("-"):
            m = re.search(r"\[([^\]]*)\]\s*$", line)
            verb_m = re.match(r"\s*([A-Z][A-Z_\-]*)", comment)
            if not m or not verb_m:
                continue
            words = line[1 : m.start()].split()
            if "*" not in words:
                continue
            after = words[words.index("*") + 1 :]
            after = [w for w in after if w != "+" and w != "$"]
            if not after:
                continue
            lemma = _clean_word(verb_m.group(1))
            if "_" in lemma:
                continue
            # The first plain word after the verb; and a synset right after it ("* &MILITARY_ ...") stands
            # for each of its members, marked as such: members only fill keys no plain word gives.
            words_left = [w for w in after if not w.startswith("&")]
            firsts = [(_clean_word(words_left[0]), "")] if words_left else []
            if after[0].startswith("&"):
                firsts += [(member, "synset") for member in synsets.get(after[0].rstrip("_"), [])]
            for first, via in firsts:
                if not first.isalpha():
                    continue
                if first in PREPOSITIONS:
                    hits.append((lemma, first, None, m.group(1), via))
                elif first not in NOT_OBJECT and len(first) > 2:
                    hits.append((lemma, None, first, m.group(1), via))
            continue
        m = re.match(r"^(\+?)([A-Z][A-Z_\-']*)\s*(?:\{[^}]*\})?\s*(?:\[([^\]]*)\])?", line)
        if not m:
            continue
        word = m.group(2).lower()
        code = (m.group(3) or block_code).strip()
        parts = [p for p in word.split("_") if p]
        if not parts or parts[0] == "re":
            continue
        if not m.group(3) and _is_root(code) and parts[0] not in block_words:
            # A block coded only at its root ("--- OVERSEE_MANAGE [060]": manage, head, lead, control, ...)
            # gathers words by loose likeness; its code fits the words it is named after, while a member
            # like "control" or "lead" is mostly no interaction at all. Members keep their patterns.
            continue
        if len(parts) == 1:
            key: tuple[str, str | None] = (parts[0], None)
        elif len(parts) == 2 and parts[1] in PREPOSITIONS:
            key = (parts[0], parts[1])
        else:
            continue
        mapped = plover_for(code, table)
        if mapped and key not in verbs:
            verbs[key] = (mapped[0], mapped[1], code.split(":", 1)[0])
    return verbs, hits


def build(eventdata: Path) -> list[dict[str, str]]:
    table = load_plover_table(next(eventdata.glob("CAMEO2PLOVER*.txt")))
    verbs, hits = parse_verbs(next(eventdata.glob("CAMEO.verbpatterns*.txt")), table)
    entries: dict[tuple[str, str | None, str | None], dict[str, str]] = {}
    for (lemma, prep), (ptype, mode, code) in sorted(
        verbs.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")
    ):
        entries[(lemma, prep, None)] = {"type": ptype, "mode": mode, "cameo": code, "src": "cameo"}
    votes: dict[Key, Counter[tuple[str, str, str]]] = defaultdict(Counter)
    synset_votes: dict[Key, Counter[tuple[str, str, str]]] = defaultdict(Counter)
    for lemma, prep, obj, code, via in hits:
        mapped = plover_for(code, table)
        if mapped:
            tally = synset_votes if via == "synset" else votes
            tally[(lemma, prep, obj)][(mapped[0], mapped[1], code.split(":", 1)[0])] += 1
    for key, counter in synset_votes.items():
        if key not in votes:
            votes[key] = counter
    for key, counter in sorted(votes.items(), key=lambda kv: tuple(x or "" for x in kv[0])):
        if key in entries:
            continue
        (ptype, mode, code), _ = counter.most_common(1)[0]
        entries[key] = {"type": ptype, "mode": mode, "cameo": code, "src": "cameo-pattern"}
    for lemma, prep, obj, ptype, mode, _why in SUPPLEMENT:
        entries[(lemma, prep, obj)] = {"type": ptype, "mode": mode, "cameo": "", "src": "supplement"}
    out = []
    for (lemma, prep, obj), val in sorted(entries.items(), key=lambda kv: tuple(x or "" for x in kv[0])):
        row: dict[str, str] = {"lemma": lemma}
        if prep:
            row["prep"] = prep
        if obj:
            row["obj"] = obj
        row.update(val)
        out.append(row)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eventdata", type=Path, default=DEFAULT_EVENTDATA)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    rows = build(args.eventdata)
    with args.out.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} entries to {args.out}")


if __name__ == "__main__":
    main()
