#!/usr/bin/env python3
"""Generate tests/eval/synthetic-mixed.tsv (and its kinds side file).

Deterministic: fixed seed, sources read from the clean-fr rows of the gold
files next to this script (gold-clean-fr-1/3/4 and gold-clean-fr-forbes-
boilerplate), plus a hand-written list of mostly-English clauses with French
fragments (kind "engclause"), modelled on corrupted-lepoint.txt, and a few
hand-written French sentences with damage the sources cannot yield
(l’Spionage, Voire der Leur, skin responsable, The President).

Corruption kinds (the names used in synthetic-mixed.kinds.tsv):
  func       English function words spliced in for French ones
             (the/and/or/of/is/to/with/for/in/by... for le/la/les/et/ou/de/...)
  noun       French noun phrases replaced by their English translation
             (le gouvernement -> the government, les attaques -> the attacks)
  caps       common nouns/adjectives capitalised mid-sentence
             (les Pirates Informatiques, des Victimes)
  german     German-looking junk (Spionage, respekter, Massivs, der, Attacken)
  junk       run-together junk words (renseignezvotre, entinereprisesécrévisté)
  sense      MT word-sense errors (skin responsable, great damnation,
             clean profit, door-word, has underlined)
  engclause  mostly-English clause with French fragments (hand-written)

Each source sentence or clause gets a damage level: light (one kind, one or
two bad words), medium (one or two kinds, 2-5 bad words) or heavy (three or
more kinds, many bad words).

Usage: python3 tests/eval/gen_synthetic.py   (rewrites the two files)
"""
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 20210719
TARGET_GENERATED = 210          # automatically corrupted lines
SOURCES = ["gold-clean-fr-1.tsv", "gold-clean-fr-3.tsv", "gold-clean-fr-4.tsv",
           "gold-clean-fr-forbes-boilerplate.tsv"]

L = "A-Za-zÀ-ÖØ-öø-ÿŒœ"
WORD = r"[%s]+" % L
AP = "’"

# --------------------------------------------------------------------------
# 1. function words  (French -> English)
FUNC = [
    (r"\bles\b", "the"), (r"\bLes\b", "The"), (r"\bla\b", "the"), (r"\bLa\b", "The"),
    (r"\ble\b", "the"), (r"\bLe\b", "The"), (r"\bet\b", "and"), (r"\bou\b", "or"),
    (r"\bde\b", "of"), (r"\bdu\b", "of the"), (r"\bdes\b", "of the"), (r"\best\b", "is"),
    (r"\bà\b", "to"), (r"\bavec\b", "with"), (r"\bpour\b", "for"), (r"\bPour\b", "For"),
    (r"\bdans\b", "in"), (r"\bDans\b", "In"), (r"\bsur\b", "on"), (r"\bpar\b", "by"),
    (r"\bun\b", "a"), (r"\bune\b", "an"), (r"\bmais\b", "but"), (r"\bMais\b", "But"),
    (r"\bqui\b", "which"), (r"\bque\b", "that"), (r"\baux\b", "to the"), (r"\bau\b", "to the"),
    (r"\bl%s(?=[%s])" % (AP, L), "the "), (r"\bL%s(?=[%s])" % (AP, L), "The "),
    (r"\bd%s(?=[%s])" % (AP, L), "of "), (r"\bD%s(?=[%s])" % (AP, L), "Of "),
    (r"\bcontre\b", "against"), (r"\bselon\b", "according to"), (r"\bSelon\b", "According to"),
    (r"\bleurs\b", "their"), (r"\bont\b", "have"), (r"\bnotamment\b", "notably"),
]

# 2. French noun phrases -> English translation (longest first)
NOUN = [
    ("le gouvernement chinois", "the Chinese government"), ("du gouvernement chinois", "of the Chinese government"),
    ("au gouvernement chinois", "to the Chinese government"), ("le gouvernement américain", "the American government"),
    ("le gouvernement", "the government"), ("du gouvernement", "of the government"),
    ("le président américain", "the American President"), ("le président", "the President"),
    ("les entreprises", "the companies"), ("des entreprises", "companies"), ("aux entreprises", "to the companies"),
    ("les attaques", "the attacks"), ("des attaques", "attacks"), ("l’attaque", "the attack"), ("Ces attaques", "These attacks"),
    ("les États-Unis", "the United States"), ("Les États-Unis", "The United States"),
    ("les Etats-Unis", "the United States"), ("Les Etats-Unis", "The United States"), ("des États-Unis", "of the United States"),
    ("leurs alliés", "their allies"), ("ses alliés", "its allies"), ("les alliés", "the allies"),
    ("la sécurité nationale", "the national security"), ("la sécurité", "the security"),
    ("des pirates informatiques", "computer hackers"), ("les pirates", "the hackers"),
    ("les autorités américaines", "the American authorities"), ("les autorités", "the authorities"),
    ("des données", "data"), ("les données", "the data"),
    ("le ministère", "the ministry"), ("du ministère", "of the ministry"), ("au ministère", "to the ministry"),
    ("le monde entier", "the whole world"), ("dans le monde", "in the world"),
    ("des milliards de dollars", "billions of dollars"), ("des millions de dollars", "millions of dollars"),
    ("de millions de dollars", "of millions of dollars"),
    ("les accusations", "the accusations"),
    ("le piratage", "the hacking"), ("du piratage", "of the hacking"), ("un piratage", "a hacking"),
    ("les victimes", "the victims"), ("des victimes", "victims"), ("de victimes", "of victims"),
    ("un communiqué", "a statement"), ("le communiqué", "the statement"), ("leurs communiqués", "their statements"),
    ("les responsables", "the officials"), ("Les responsables", "The officials"),
    ("les experts", "the experts"), ("Des experts", "Experts"),
    ("le porte-parole", "the spokesman"), ("Un porte-parole", "A spokesman"),
    ("la Maison-Blanche", "the White House"), ("La Maison-Blanche", "The White House"),
    ("l’Union européenne", "the European Union"), ("L’Union européenne", "The European Union"),
    ("la Grande-Bretagne", "Great Britain"), ("le Royaume-Uni", "the United Kingdom"),
    ("la Russie", "Russia"), ("la Chine", "China"), ("La Chine", "China"),
    ("les technologies", "the technologies"),
    ("des secrets commerciaux", "trade secrets"), ("la propriété intellectuelle", "the intellectual property"),
    ("de sanctions", "of sanctions"), ("aucune sanction", "no sanction"), ("des représailles", "reprisals"),
    ("de représailles", "of reprisals"),
    ("quatre ressortissants chinois", "four Chinese nationals"),
    ("la cybersécurité", "the cybersecurity"), ("des universités", "universities"), ("d’universités", "of universities"),
    ("le secrétaire d’État", "the Secretary of State"), ("la diplomatie", "the diplomacy"),
    ("les relations", "the relations"), ("le territoire", "the territory"),
    ("la pression", "the pressure"), ("le ministère de la Justice", "the Justice Department"),
    ("les procureurs", "the prosecutors"), ("les agences gouvernementales", "the government agencies"),
    ("des ordinateurs", "computers"), ("d’ordinateurs", "of computers"), ("les espions chinois", "the Chinese spies"),
    ("la calomnie", "the slander"), ("son ambassade", "its embassy"), ("l’extorsion", "extortion"),
    ("d’extorsion", "of extortion"), ("un groupe de hackers", "a group of hackers"),
    ("la réticence", "the reluctance"), ("aux journalistes", "to the journalists"),
    ("la guerre électronique", "the electronic warfare"), ("la recherche", "the research"),
    ("des failles", "flaws"), ("les installations", "the facilities"), ("le serveur", "the server"),
    ("des serveurs", "servers"), ("serveurs", "servers"), ("les organisations", "the organisations"),
    ("des villes", "cities"), ("des preuves", "proofs"),
    ("sans preuves", "without evidence"), ("la justice américaine", "the American justice"),
    ("La justice américaine", "The American justice"), ("des rapports", "reports"),
    ("une déclaration", "a statement"), ("les pays", "the countries"), ("des pays", "countries"),
    ("un partenaire commercial majeur", "a major trade partner"), ("les engagements", "the commitments"),
    ("le comportement", "the behaviour"), ("la première fois", "the first time"),
    ("les cybermenaces étrangères", "the foreign cyber threats"), ("les menaces", "the threats"),
    ("le département d’Etat", "the State Department"), ("les gouvernements", "the governments"),
    ("aux gouvernements", "to the governments"),
    ("des demandes de rançon", "ransom demands"), ("un leader", "a leader"), ("la matinée", "the morning"),
    ("l’économie", "the economy"), ("notre économie", "our economy"), ("la société", "the society"),
    ("la pression sur Pékin", "the pressure on Beijing"), ("les questions", "the questions"),
]

# 3. capitalised common nouns: handled by code (after a determiner)
DETERMINERS = {"le", "la", "les", "des", "du", "de", "un", "une", "aux", "au", "leurs", "leur",
               "ses", "son", "sa", "ces", "cette", "notre", "nos", "quatre", "trois"}
NOCAP = {"plus", "fait", "faire", "être", "avoir", "même", "bien", "tout", "toute", "ayant", "manière"}

# 4. German-looking junk (whole-word replacements; \b-anchored)
GERMAN = [
    ("espionnage", "Spionage"), ("respecter", "respekter"), ("massif", "Massivs"), ("massive", "massiven"),
    ("internationaux", "internationalaux"), ("internationale", "internationalen"),
    ("voire de leur", "Voire der Leur"), ("pirates", "Piraten"), ("attaques", "Attacken"),
    ("attaque", "Attacke"), ("informatiques", "informatischen"), ("politiques", "politischen"),
    ("économie", "Ökonomie"), ("sécurité", "Sekurität"), ("technologies", "Technologien"),
    ("contre", "gegen"), ("campagne", "Kampagne"), ("ministère", "Ministerium"),
    ("communiqué", "Kommuniqué"), ("victimes", "Viktimen"), ("accusé", "akkusiert"),
    ("accusations", "Akkusationen"), ("critiques", "kritischen"), ("systèmes", "Systemen"),
    ("systématique", "systematisch"), ("cybersécurité", "Cybersekurität"),
    ("responsabilité", "Responsabilität"), ("gouvernement", "Gouvernementen"),
    ("diplomatie", "Diplomatik"), ("européenne", "europäische"), ("secrets", "Sekreten"),
    ("commerciaux", "kommerzialen"), ("menace", "Menacke"), ("économiques", "ökonomischen"),
    ("condamné", "kondamniert"), ("de", "der"), ("des", "der"), ("et", "und"),
    ("mondial", "mondialisch"), ("mondiale", "mondialischen"), ("entreprises", "Entreprisen"),
    ("données", "Donnéen"), ("propriété", "Proprietät"), ("ciblant", "zielend"),
    ("universités", "Universitäten"), ("chinois", "chinesisch"), ("chinoise", "chinesische"),
    ("américain", "amerikanisch"), ("américaine", "amerikanische"), ("américaines", "amerikanischen"),
]

# 6. MT word-sense errors (phrase -> wrong-sense rendering)
SENSE = [
    ("haut responsable", "skin responsable"), ("hauts responsables", "skins responsables"),
    ("large condamnation", "great damnation"), ("propre profit", "clean profit"),
    ("propre gain financier", "clean financial gain"), ("profit personnel", "personal profit"),
    ("pointé du doigt", "pointed of the finger"), ("en effet", "in effect"), ("En effet", "In effect"),
    ("par ailleurs", "by elsewhere"), ("Par ailleurs", "By elsewhere"), ("tout comme", "all like"),
    ("à cette heure", "at this hour"), ("mettre fin", "put end"), ("mettent fin", "put end"),
    ("Bien que", "Well that"), ("bien qu’", "well that "), ("fait appel à", "makes appeal to"),
    ("faisant appel à", "making appeal to"), ("de manière responsable", "of responsible manner"),
    ("porte-parole", "door-word"), ("Maison-Blanche", "House-White"), ("a eu lieu", "had place"),
    ("a fait preuve d’un", "made proof of a"), ("Il s’agit", "It acts"), ("s’agit", "acts"),
    ("Affaires étrangères", "Strange Affairs"), ("une fois de plus", "one time of more"),
    ("en dehors du", "in outside of the"), ("porter des accusations", "carry accusations"),
    ("avoir pour but", "have for goal"), ("les intervenants", "the intervenings"),
    ("confond le bien et le mal", "confounds the well and the evil"),
    ("se retrouve limitée", "finds itself limited"), ("du fait qu’", "of the fact that "),
    ("d’éventuelles", "of eventual"), ("a souligné", "has underlined"),
    ("en matière de", "in matter of"), ("au lieu de", "at the place of"),
    ("à la fois", "at the time"), ("en substance", "in substance"), ("mis en place", "put in place"),
    ("la guerre électronique", "the electronic war"), ("sous contrat", "under contract"),
    ("pour leur propre", "for their clean"),
    ("géant de la tech", "Tech-Le géant"), ("en provenance de", "in provenance of"),
    ("dans son ensemble", "in its together"), ("de longue date", "of long date"),
    ("peut s’attendre", "can wait itself"), ("tenu responsable", "held responsable"),
    ("en soi", "in self"), ("s’abstenir", "abstain itself"),
    ("fermement", "closedly"), ("formellement", "formally-ment"), ("davantage", "more-advantage"),
]

# 5. run-together junk: handled by code


def load_sources():
    sents = []
    for fn in SOURCES:
        for line in open(os.path.join(HERE, fn), encoding="utf-8"):
            label, text = line.rstrip("\n").split("\t")
            if label == "clean-fr" and len(text.split()) >= 6:
                sents.append(text)
    return sents


def balanced(s):
    return s.count("«") == s.count("»") and s.count("“") == s.count("”") and s.count("(") == s.count(")") \
        and s.count("[") == s.count("]")


CLAUSE_START = {"le", "la", "les", "l", "un", "une", "des", "ce", "ces", "cette", "son", "sa", "ses",
                "leur", "leurs", "dans", "selon", "pour", "en", "après", "depuis", "d", "il", "elle",
                "ils", "on", "mais", "aux", "au", "lundi", "microsoft", "pékin", "washington"}


def clauses(sent):
    """Shorter pieces of a sentence: parts between ', ' / ' : ' / ' — ' with 6-22 words
    that start like a sentence (capital letter, determiner, pronoun or preposition)."""
    out = []
    parts = re.split(r",\s| :\s| — ", sent)
    for p in parts:
        p = p.strip(" .»«\u00a0")
        w = p.split()
        if not w:
            continue
        first = re.split(r"[’\s]", w[0])[0].lower()
        if not (w[0][0].isupper() or first in CLAUSE_START):
            continue
        if 6 <= len(w) <= 22 and balanced(p) and p != sent:
            p = p[0].upper() + p[1:]
            if not p.endswith((".", "?", "!")):
                p += "."
            out.append(p)
    return out


def phrase_candidates(s, table):
    cands = []
    for fr, en in table:
        for m in re.finditer(r"(?<![%s])%s(?![%s])" % (L, re.escape(fr), L), s):
            cands.append((m.start(), m.end(), en))
    return cands


def regex_candidates(s, table):
    cands = []
    for pat, en in table:
        for m in re.finditer(pat, s):
            cands.append((m.start(), m.end(), en))
    return cands


def caps_candidates(s):
    cands = []
    toks = list(re.finditer(WORD + r"|’", s))
    for i in range(1, len(toks) - 1):
        prev = toks[i - 1].group(0)
        # l’/d’ are matched as word "l"/"d" followed by ’
        w = toks[i + 1] if toks[i].group(0) == "’" else toks[i]
        if toks[i].group(0) == "’":
            if prev not in ("l", "d"):
                continue
        elif prev.lower() not in DETERMINERS:
            continue
        word = w.group(0)
        if len(word) >= 4 and word.islower() and word not in NOCAP:
            new = word[0].upper() + word[1:]
            # optionally the following adjective too
            nxt = re.match(r"\s(%s)" % WORD, s[w.end():])
            if nxt and nxt.group(1).islower() and len(nxt.group(1)) >= 5 and nxt.group(1) not in NOCAP \
                    and nxt.group(1).lower() not in DETERMINERS:
                adj = nxt.group(1)
                cands.append((w.start(), w.end() + 1 + len(adj), new + " " + adj[0].upper() + adj[1:]))
            cands.append((w.start(), w.end(), new))
    return cands


def strip_accents_some(w, rng):
    table = str.maketrans("éèêàç", "eeeac")
    return w.translate(table) if rng.random() < 0.5 else w


def junk_candidates(s, rng):
    cands = []
    words = list(re.finditer(WORD, s))
    for i in range(1, len(words) - 1):
        a, b = words[i], words[i + 1]
        gap = s[a.end():b.start()]
        if gap != " " or not a.group(0).islower() or not b.group(0).islower():
            continue
        aw, bw = a.group(0), b.group(0)
        if len(aw) < 3 or len(bw) < 3:
            continue
        style = rng.randrange(3)
        if style == 0:                                   # renseignezvotre
            cands.append((a.start(), b.end(), aw + bw))
        elif style == 1 and len(aw) >= 6:                # entinereprisesécrévisté-like garble
            k = 3
            ins = bw[:2] + "ine"[rng.randrange(3):]
            tail = bw[2:]
            if i + 2 < len(words) and s[b.end():words[i + 2].start()] == " " and words[i + 2].group(0).islower():
                cw = words[i + 2].group(0)
                cands.append((a.start(), words[i + 2].end(),
                              aw[:k] + ins + aw[k:] + tail[:3] + cw[:2] + cw[-3:]))
            else:
                cands.append((a.start(), b.end(), aw[:k] + ins + aw[k:] + tail))
        else:                                            # accent-stripped triple join
            if i + 2 < len(words) and s[b.end():words[i + 2].start()] == " ":
                cw = words[i + 2].group(0)
                cands.append((a.start(), words[i + 2].end(),
                              strip_accents_some(aw + bw + cw.lower(), rng)))
            else:
                cands.append((a.start(), b.end(), aw + bw))
    return cands


def candidates(kind, s, rng):
    if kind == "func":
        return regex_candidates(s, FUNC)
    if kind == "noun":
        return phrase_candidates(s, NOUN)
    if kind == "caps":
        return caps_candidates(s)
    if kind == "german":
        return phrase_candidates(s, GERMAN)
    if kind == "junk":
        return junk_candidates(s, rng)
    if kind == "sense":
        return phrase_candidates(s, SENSE)
    raise ValueError(kind)


def apply(s, kind, n, rng, taken):
    """Apply up to n non-overlapping replacements of one kind; returns (s, count, taken)."""
    cands = candidates(kind, s, rng)
    rng.shuffle(cands)
    chosen = []
    for a, b, rep in cands:
        if len(chosen) >= n:
            break
        if any(not (b <= x or a >= y) for x, y in taken + [(c[0], c[1]) for c in chosen]):
            continue
        if s[a:b] == rep:
            continue
        chosen.append((a, b, rep))
    if not chosen:
        return s, 0, taken
    chosen.sort()
    out, pos, new_taken, shift = [], 0, [], 0
    # rebuild string and shift the protected spans
    spans = sorted(taken)
    for a, b, rep in chosen:
        out.append(s[pos:a])
        out.append(rep)
        pos = b
    out.append(s[pos:])
    new = "".join(out)

    def move(x):
        d = 0
        for a, b, rep in chosen:
            if a < x:
                d += len(rep) - (b - a)
        return x + d
    for x, y in spans:
        new_taken.append((move(x), move(y)))
    for a, b, rep in chosen:
        na = move(a)
        new_taken.append((na, na + len(rep)))
    return new, len(chosen), new_taken


KINDS = ["func", "noun", "caps", "german", "junk", "sense"]

# 7. hand-written mostly-English clauses with French fragments
ENGCLAUSE = [
    "The President Joe Biden is an Ainsi accuser of the Autorités chinoises of the “protéger” the authors of the Cyberattaques.",
    "The United States and their alliés have condemned Monday the cyber-activités malveillantes of China, which has réagi this Tuesday.",
    "According to Washington, the Chinese government makes appeal to des pirates informatiques criminels for lead attacks in the whole world.",
    "The China has firmly denied this Tuesday sa responsabilité in the attacks informatiques.",
    "The European Union, the Grande-Bretagne and the Otan have appealed Pékin to agir of responsible manner in the cyberespace.",
    "The justice américaine has revealed yesterday the inculpation of four hackers chinois of which three agents du ministère.",
    "The spokesman of the ministère des Affaires étrangères has asked to Washington to abandon les accusations.",
    "The Chine is a leader in the recherche on the guerre électronique, all like the United States and the Russie.",
    "These attacks can have for goal to steal of the données or of the technologies, selon les experts.",
    "Microsoft has blamed the espions chinois for the attack of Microsoft Exchange which has compromised des dizaines de milliers of computers.",
    "The White House in March had qualified then the piratage of active threat and has declared that the hauts responsables y répondaient.",
    "This Monday, the secretary of State Antony Blinken declared in a communiqué that the ministère chinois has favorised an écosystème of pirates.",
    "The UE has declared that attacks of hackers having of the effets importants could be liées to groups of piratage chinois.",
    "In a statement published this Monday, the services of Josep Borrell, Chef of the diplomatie of the UE, have declared that l’UE and its États membres exposent the cyber activités.",
    "The department of State américain precise that the cyberattacks chinoises have cost billions of dollars to the entreprises.",
    "The Chinese ambassade in Nouvelle-Zélande has recalled that to carry accusations without preuves relève of the calomnie.",
    "It is the first time that the OTAN condemns explicitly Pékin for its actes de piratage, in dépit of the tensions.",
    "The four Chinese nationals are accused of having collaborated with the ministère de la Sécurité de l’État for to steal of the secrets commerciaux.",
    "The China will never accept this, has added Mister Zhao, well that he has not given any indication on eventual représailles.",
    "The Central Intelligence Agency has led cyberattacks against the installations of recherche aérospatiale and the industrie pétrolière of China.",
    "The Biden administration is highly persuaded that agents affiliés to the MSS were responsables of the massive attack visant Microsoft Exchange.",
    "The pirates under contract cost to the governments and to the companies of the milliards de dollars en propriété intellectuelle volée.",
    "The United Kingdom says there exist of the preuves généralisées and credible attributing these activités criminelles to the Chine.",
    "The British minister of Strange Affairs Dominic Raab has declared that the Chinese government must put end to this cybersabotage systématique.",
    "The hackers continue still to this day to exploit these failles of sécurité, has underlined the European diplomacy.",
    "The information stolen, in many countries of which the Allemagne or the Indonésie, carried notably on véhicules autonomes.",
    "The Tech-Le géant had already pointed of the finger a group of hackers baptisé Hafnium which it accused of being lié to Pékin.",
    "The Chinese hackers can also have for motive the personal profit, has underlined a skin responsable américain under envelope of anonymous.",
    "He has evoked attempts of extorsion and demands of rançon of millions of dollars addressed to the entreprises privées.",
    "The attacks to the rançongiciel, which imply to encrypt the données of a cible, are by elsewhere more and more fréquentes.",
    "Washington and its alliés do not exclude other actions for to place her face to her responsabilités, has underlined the skin responsable.",
    "The Chine requires one time of more that the United States and their allies put end to the cybervols and attaques against the Chine.",
    "In the morning, the ministère américain of the Justice has announced that four ressortissants chinois have been inculpated for a global campaign.",
    "The NATO in a more prudent communiqué has of its side taken act of the declarations of its members on the Chine.",
    "We call all the States, of which the Chine, to respekter their Obligations and engagements internationalaux in the cyberespace.",
    "The réticence ordinaire of the pays membres of the UE to create of the tensions with the Chine, a partenaire commercial majeur, is known.",
]


# hand-written French sentences with damage the fixtures cannot produce
# automatically (their sources lack "espionnage", "voire de leur", ...)
HANDWRITTEN = [
    ("Les pirates d’APT40 auraient pour objectif le vol de secrets industriels ou l’Spionage.", ["german"], "light"),
    ("Washington accuse Pékin de protéger les pirates, Voire der Leur donner les moyens d’agir.", ["german", "caps"], "medium"),
    ("Le groupe est soupçonné de mener des opérations de Spionage contre des universités européennes.", ["german"], "light"),
    ("Les États membres doivent respekter leurs engagements internationalaux dans le cyberespace.", ["german"], "medium"),
    ("Un piratage Massivs a touché les serveurs de messagerie de plusieurs ministères.", ["german"], "light"),
    ("Le skin responsable américain a refusé de donner des détails sur les sanctions envisagées.", ["sense"], "light"),
    ("The President Biden a jugé que Pékin protégeait les auteurs des Cyberattaques.", ["noun", "caps"], "medium"),
    ("Selon the government américain, the attacks ont visé des entreprises privées and des universités.", ["noun", "func"], "medium"),
]


def main():
    rng = random.Random(SEED)
    sents = load_sources()
    pool = []
    for s in sents:
        pool.append(s)
        pool.extend(clauses(s))
    # de-duplicate, keep order, then shuffle deterministically
    seen = set()
    pool = [p for p in pool if not (p in seen or seen.add(p))]
    rng.shuffle(pool)

    out = []            # (text, kinds, level)
    produced = set()
    levels = ["light", "light", "medium", "light", "medium", "heavy", "medium", "light", "heavy", "medium"]
    idx = 0
    attempt = 0
    while len(out) < TARGET_GENERATED and attempt < 20000:
        src = pool[attempt % len(pool)]
        primary = KINDS[len(out) % len(KINDS)]
        level = levels[len(out) % len(levels)]
        attempt += 1
        nwords = len(src.split())
        if level == "light" and nwords > 30:
            continue                     # light damage is measured on short/medium sentences
        if level == "heavy" and nwords < 10:
            continue
        taken = []
        kinds = []
        if level == "light":
            plan = [(primary, rng.choice([1, 1, 2]))]
        elif level == "medium":
            extra = rng.choice([k for k in KINDS if k != primary])
            plan = [(primary, rng.choice([2, 3]))] + ([(extra, rng.choice([1, 2]))] if rng.random() < 0.6 else [])
        else:
            others = [k for k in KINDS if k != primary]
            rng.shuffle(others)
            plan = [(primary, max(3, nwords // 6))] + [(k, max(2, nwords // 10)) for k in others[:rng.choice([2, 3, 4])]]
        s = src
        for kind, n in plan:
            s, c, taken = apply(s, kind, n, rng, taken)
            if c:
                kinds.append(kind)
            elif kind == primary:
                break
        if primary not in kinds or s == src or s in produced or "\t" in s:
            continue
        s = re.sub(r"  +", " ", s)
        s = s[0].upper() + s[1:] if s[0].islower() else s
        produced.add(s)
        out.append((s, kinds, level))
        idx += 1

    for s in ENGCLAUSE:
        out.append((s, ["engclause"], "heavy"))
    for s, kinds, level in HANDWRITTEN:
        out.append((s, kinds, level))
    # interleave deterministically
    rng.shuffle(out)

    with open(os.path.join(HERE, "synthetic-mixed.tsv"), "w", encoding="utf-8", newline="\n") as f:
        for s, kinds, level in out:
            f.write("mixed\t%s\n" % s)
    with open(os.path.join(HERE, "synthetic-mixed.kinds.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("line\tlevel\tkinds\n")
        for n, (s, kinds, level) in enumerate(out, 1):
            f.write("%d\t%s\t%s\n" % (n, level, ",".join(kinds)))
    counts = {}
    for s, kinds, level in out:
        for k in kinds:
            counts[k] = counts.get(k, 0) + 1
        counts[level] = counts.get(level, 0) + 1
    sys.stderr.write("%d lines; %s\n" % (len(out), " ".join("%s=%d" % kv for kv in sorted(counts.items()))))


if __name__ == "__main__":
    main()
