#!/usr/bin/env python3
"""Print the 'hard examples' section of README.md from labels.tsv.

Examples are chosen by (page id, substring); line numbers and labels are
looked up, so the README never disagrees with the data.
"""
import os, sys
HERE = os.path.dirname(os.path.abspath(__file__))
EX = {
 "clean": [
  ("009", "boyfriend de Riri", "English loanwords (boyfriend, fanbase) in French prose"),
  ("082", "randomized controlled trials en anglais", "English term quoted inside French sentence; glued paragraph number '1L’économie' is OpenEdition numbering"),
  ("121", "Egg rolls, Vietnamese rolls", "English dish names listed inside French prose"),
  ("086", "des ressources humaines,", "hard-wrapped fragment of a sentence: still clean"),
  ("011", "ont tout préparer pour rester Closer", "scraper duplicated a clause inside the line; not MT"),
  ("008", "d’autres.Plus que", "missing space after a full stop: typographic, not word glue"),
  ("139", "extrêmement jouissif. Partager", "review text with a trailing share-button word: content dominates"),
  ("117", ") et neutres sur la grossesse.", "forum post broken around removed emoji"),
  ("023", "percutés.<br>L'un", "literal <br> left in prose"),
  ("001", "Vie politique nationale", "category-page description (the rubric name above it is boilerplate)"),
  ("226", "Excuse me, where is the beach?", "English question quoted inside French prose"),
  ("354", "Vous avez de la chance", "horoscope on a regional news site: the page's content"),
  ("459", "Great beach. Just too sandy.", "English review quoted inside a Swiss magazine's French prose"),
  ("442", "emmerdes\"©", "caption repeated by the scraper and glued to its credit: content dominates"),
 ],
 "boilerplate": [
  ("092", "La maison»Cybersécurité", "breadcrumb with MT 'La maison' (Home): chrome wins over damage"),
  ("030", "actualisé 9 mois depuis", "view counter / date with MT calque ('9 months ago')"),
  ("057", "lisez s'il vous plaît", "MT-sounding viewer notice"),
  ("070", "Liberation reserves this article", "paywall machine-translated into English"),
  ("083", "HAL is a multi-disciplinary", "English repository notice on a HAL cover page"),
  ("013", "Lio agressée", "related-article teaser injected after the lead"),
  ("002", "FollowSuivre", "follow button with glued EN/FR labels"),
  ("045", "chronographe chronomètre différences", "image alt text"),
  ("111", "Rapporteur-trice", "speaker tag in a parliament transcript (treated as byline)"),
  ("108", "VOTER EN SUISSE", "table of contents of a brochure"),
  ("147", "Archi Mtl a dit", "forum quote header"),
  ("242", "Cette page a été traduite automatiquement", "MT disclaimer of a help centre"),
  ("284", "Chef posing in a kitchen", "English image alt text on a French recipe page"),
  ("272", "12 juin 2025Le déficit", "related-article teaser glued to its byline/date: chrome wins"),
  ("445", "La tempête Ciara", "weather-warning widget standing in for the article on a Belgian news page"),
  ("494", "Bezig met laden", "Dutch document-viewer chrome above a Congolese press review"),
  ("457", "1 minutes lire", "machine-translated reading-time widget"),
  ("480", "Madame tape la pose", "image alt text repeated just before the same caption (the caption is clean)"),
 ],
 "mixed": [
  ("020", "dueà", "glued words"),
  ("058", "points de douleur", "calque of 'pain points'"),
  ("113", "votre doc dès", "calque/English 'doc' in MT'd health copy"),
  ("114", "tranchants ou tranchants", "MT from Russian collapsing two adjectives"),
  ("142", "DEMAIN", "Spanish 'mañana' (morning) mistranslated as 'demain'"),
  ("143", "le électrique 28", "Portuguese 'elétrico' (tram) rendered as 'électrique'"),
  ("032", "ce nest pas", "apostrophes dropped: 'Lancien', 'nest', 'lUkraine'"),
  ("047", "ÊVincennes", "mojibake and dropped words (non-MT text damage, labelled mixed)"),
  ("066", "De composantes.", "generated junk bullet page"),
  ("095", "à travers du site web", "Spanish calque 'a través del'"),
  ("096", "Réglementation des magasins", "wrong-sense MT of Polish 'Regulamin sklepu'"),
  ("065", "chute dramatique dans le ranking", "calque 'dramatic drop' + English word"),
  ("209", "Comment Gerer les Avis", "French with all accents stripped (text damage, labelled mixed)"),
  ("306", "Comme une tablette", "MT of 'as a tablet' (comprimé) in a copied Wikipedia page"),
  ("342", "00:03hauteur", "ASR transcript: timestamp glued to the text, ASR error 'hauteur' for 'auteur'"),
  ("191", "Loto-QuébecThe STM", "French title glued to an English one"),
  ("318", "Qu’ils aient des blagues", "learner French: calque of 'do they have jokes!'"),
  ("410", "Le harceleur noir 2", "Russian MT of a game title (S.T.A.L.K.E.R. → harceleur, X-Ray → radiographie)"),
  ("401", "poisson ouvégétarien", "Italian hotel price list: glue, Italian words, wrong-sense MT"),
  ("473", "voyageresterC'est", "Chinese wiki machine-translated, link words glued to the text"),
  ("509", "P H O T O S", "letter-spaced PDF masthead (text damage)"),
  ("456", "Make this article seo compatible", "LLM prompt left in a content-farm article"),
  ("519", "L’AVGB ne s’applique", "German abbreviation (AGB) left in machine-translated terms of sale"),
  ("498", "une robe pas la sienne", "Italian calque ('porta un abito non suo') on a translated travel blog"),
 ],
 "english": [
  ("010", "Deleted my tweets", "quoted tweet on its own line"),
  ("061", "Measure and track", "English epigraph in guillemets"),
  ("083", "The increase in the number", "English abstract of a French paper"),
  ("129", "I find to sing", "machine-made English lyric translation: still English"),
  ("131", "(chorus)", "song-structure marker inside English lyrics"),
  ("147", "Montreal is benefitting", "English article pasted into a Montreal forum"),
  ("150", "Funding secured", "embedded tweet"),
  ("321", "Welcome to this Independent Website", "English privacy policy of a shop (page content)"),
  ("314", "War is declared", "English headline of a French blog post"),
  ("455", "nothing leaves the internet", "embedded tweet in a French news article"),
  ("478", "Closed: No closing days", "English opening hours pasted into a French travel blog"),
  ("464", "could not be found", "English original kept under its French translation in a compiler help page"),
  ("506", "Dear friends,   First of all", "English half of a bilingual newsletter"),
 ],
 "other": [
  ("015", "Beurre150 g", "table row with glued cells"),
  ("016", "", "step number '1' alone", "1"),
  ("032", "アメリカのトランプ", "Japanese"),
  ("128", "Es una canción", "Spanish MT of French lyrics"),
  ("063", "N° Portalis", "docket numbers"),
  ("062", "cmd.exe", "file path"),
  ("029", "(...)", "elision marker in a transcript"),
  ("064", "Type Feature", "table row"),
  ("021", "| Points clés |", "markdown table row"),
  ("335", "Sécherheet vu Kanner", "Luxembourgish"),
  ("212", "98win", "Vietnamese spam page"),
  ("493", "kutahya web tasarim", "Turkish SEO spam injected above a Congolese news page"),
  ("510", "", "one letter per line: a vertical title in a PDF transcript", "m"),
  ("460", "Poitrine (cm)", "size-guide table row"),
 ],
}

def main():
    rows = {}
    with open(os.path.join(HERE, "labels.tsv"), encoding="utf-8") as f:
        next(f)
        for l in f:
            pid, ln, lab, text = l.rstrip("\n").split("\t", 3)
            rows.setdefault(pid, []).append((int(ln), lab, text))
    bad = 0
    for lab, lst in EX.items():
        print(f"\n### {lab}\n")
        for item in lst:
            pid, sub, note = item[:3]
            exact = item[3] if len(item) > 3 else None
            hit = [r for r in rows[pid] if (r[2] == exact if exact is not None else sub in r[2])]
            if not hit:
                print(f"NOT FOUND {pid} {sub}", file=sys.stderr); bad += 1; continue
            ln, got, text = hit[0]
            if got != lab:
                print(f"LABEL MISMATCH {pid}:{ln} {got} != {lab}", file=sys.stderr); bad += 1
            t = text.strip()
            if len(t) > 110:
                i = t.find(sub) if sub else 0
                s = max(0, i - 40)
                t = ("…" if s else "") + t[s:s + 110] + "…"
            t = t.replace("`", "'")
            print(f"- `{pid}:{ln}` {t} — {note}")
    sys.exit(1 if bad else 0)

main()
