// cld2-label: peer language-ID baselines for mtclean's evaluation.
//
// Reads UTF-8 lines on stdin, prints one label per line on stdout:
//   english  CLD2's top language is English and CLD2 says reliable
//   mixed    otherwise, English holds >= --en-pct percent of the text bytes
//            (CLD2's percent3), or, with --fastspell, the Hunspell test fires
//   clean    everything else
//
// --fastspell   FastSpell-like second stage: for lines not already english/
//               mixed, count the words unknown to Hunspell fr_FR but known to
//               Hunspell en_US; more than --unk-pct percent of the counted
//               words -> mixed.
// --scores      print the raw features instead of a label:
//               top<TAB>reliable<TAB>en_pct<TAB>fr_pct<TAB>en_only<TAB>words
// --en-pct N    default 28, or 49 with --fastspell (chosen on tests/eval/mt/dev.tsv
//               by run_peers.py, maximising F1 of damage vs clean)
// --unk-pct N   default 1.5 (same)
// --dict-dir D  default /usr/share/hunspell
//
// Build: g++ -O2 -o cld2-label cld2-label.cc -lcld2 -lhunspell-1.7
#include <cstdio>  // before CLD2: its header uses FILE without including it
#include <cld2/public/compact_lang_det.h>
#include <hunspell/hunspell.h>

#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

using CLD2::Language;

static bool is_letter_start(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

// Split into word tokens: ASCII letters and any non-ASCII UTF-8 sequence,
// except the apostrophe U+2019 (E2 80 99), dashes and no-break spaces.
static void words(const std::string& s, std::vector<std::string>& out) {
  out.clear();
  std::string cur;
  size_t i = 0, n = s.size();
  auto flush = [&]() {
    if (!cur.empty()) out.push_back(cur);
    cur.clear();
  };
  while (i < n) {
    unsigned char c = s[i];
    if (c >= 0x80) {
      size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
      std::string seq = s.substr(i, len);
      // punctuation in U+2000..U+206F, U+00A0..U+00BF, U+00D7, U+00F7
      bool punct = (len == 3 && (unsigned char)seq[0] == 0xE2 &&
                    (unsigned char)seq[1] <= 0x81) ||
                   (len == 2 && (unsigned char)seq[0] == 0xC2) ||
                   seq == "\xC3\x97" || seq == "\xC3\xB7";
      if (punct) flush(); else cur += seq;
      i += len;
    } else if (is_letter_start(c)) {
      cur += (char)c;
      i++;
    } else {
      flush();
      i++;
    }
  }
  flush();
}

static bool elision(const std::string& w) {
  static const char* el[] = {"l", "d", "j", "m", "n", "s", "t", "c", "qu",
                             "jusqu", "lorsqu", "puisqu", "quoiqu", nullptr};
  for (int k = 0; el[k]; k++)
    if (strcasecmp(w.c_str(), el[k]) == 0) return true;
  return false;
}

static std::string lower_ascii_first(const std::string& w) {
  std::string r = w;
  if (!r.empty() && r[0] >= 'A' && r[0] <= 'Z') r[0] = r[0] - 'A' + 'a';
  return r;
}

int main(int argc, char** argv) {
  bool fastspell = false, scores = false;
  double en_pct = -1, unk_pct = 1.5;
  std::string dict = "/usr/share/hunspell";
  for (int i = 1; i < argc; i++) {
    std::string a = argv[i];
    if (a == "--fastspell") fastspell = true;
    else if (a == "--scores") scores = true;
    else if (a == "--en-pct" && i + 1 < argc) en_pct = atof(argv[++i]);
    else if (a == "--unk-pct" && i + 1 < argc) unk_pct = atof(argv[++i]);
    else if (a == "--dict-dir" && i + 1 < argc) dict = argv[++i];
    else {
      fprintf(stderr,
              "usage: %s [--fastspell] [--scores] [--en-pct N] [--unk-pct N] "
              "[--dict-dir DIR] < lines\n", argv[0]);
      return 2;
    }
  }
  if (en_pct < 0) en_pct = fastspell ? 49 : 28;
  Hunhandle *fr = nullptr, *en = nullptr;
  if (fastspell || scores) {
    std::string fa = dict + "/fr_FR.aff", fd = dict + "/fr_FR.dic";
    std::string ea = dict + "/en_US.aff", ed = dict + "/en_US.dic";
    FILE* t = fopen(fd.c_str(), "r");
    FILE* u = fopen(ed.c_str(), "r");
    if (!t || !u) {
      fprintf(stderr, "cld2-label: need %s and %s (hunspell-fr, hunspell-en-us)\n",
              fd.c_str(), ed.c_str());
      return 2;
    }
    fclose(t);
    fclose(u);
    fr = Hunspell_create(fa.c_str(), fd.c_str());
    en = Hunspell_create(ea.c_str(), ed.c_str());
  }
  std::string line;
  std::vector<std::string> ws;
  while (std::getline(std::cin, line)) {
    Language lang3[3];
    int pct3[3];
    int text_bytes = 0;
    bool reliable = false;
    Language top = CLD2::ExtDetectLanguageSummary(
        line.data(), (int)line.size(), true, lang3, pct3, &text_bytes, &reliable);
    int enp = 0, frp = 0;
    for (int k = 0; k < 3; k++) {
      if (lang3[k] == CLD2::ENGLISH) enp += pct3[k];
      if (lang3[k] == CLD2::FRENCH) frp += pct3[k];
    }
    int counted = 0, en_only = 0;
    if (fr) {
      words(line, ws);
      for (size_t k = 0; k < ws.size(); k++) {
        std::string w = ws[k];
        if (elision(w)) continue;
        // Capitalised words after the first are taken as names and skipped.
        if (w[0] >= 'A' && w[0] <= 'Z') {
          if (k > 0) continue;
          w = lower_ascii_first(w);
        }
        counted++;
        if (!Hunspell_spell(fr, w.c_str()) && Hunspell_spell(en, w.c_str()))
          en_only++;
      }
    }
    if (scores) {
      printf("%s\t%d\t%d\t%d\t%d\t%d\n", CLD2::LanguageCode(top), reliable ? 1 : 0,
             enp, frp, en_only, counted);
      continue;
    }
    const char* label = "clean";
    if (top == CLD2::ENGLISH && reliable) label = "english";
    else if (enp >= en_pct) label = "mixed";
    else if (fastspell && counted > 0 && 100.0 * en_only / counted > unk_pct)
      label = "mixed";
    puts(label);
  }
  if (fr) Hunspell_destroy(fr);
  if (en) Hunspell_destroy(en);
  return 0;
}
