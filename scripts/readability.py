#!/usr/bin/env python3
"""Readability report for the FAQ answers, in every language.

Prints one score per answer and fails (exit 1) when an answer reads above
the levels patient material should meet (NIH: at or below US grade 8):

- English: Flesch-Kincaid grade at most 8 for each answer, mean at most 7;
- Spanish: Fernandez-Huerta at least 60 for each answer;
- Portuguese (Brazil): the Portuguese-adapted Flesch (Martins et al. 1996,
  248.835 - 1.015 * words per sentence - 84.6 * syllables per word) at
  least 50 for each answer.

Counts come from textstat 0.7.3 (syllables by pyphen's dictionaries, which
ship with it: nothing is downloaded). textstat 0.7.3 has no Portuguese
constants (its "pt" falls back to the English 206.835), so the Portuguese
score is computed here from textstat's own word, sentence and syllable
counts. Rounding of textstat's averages is turned off.

An answer is read the way the app shows it: paragraphs and bullet items
(lines starting with "- "); each bullet item counts as a sentence of its
own, as a reader takes it.

Usage: python3 scripts/readability.py [--quiet] [locales folder]
"""

import json
import pathlib
import sys
import warnings
from importlib.metadata import version

warnings.filterwarnings("ignore")  # pkg_resources' deprecation notice

import textstat  # noqa: E402  (after the warning filter)

TEXTSTAT_VERSION = "0.7.3"

EN_MAX_GRADE = 8.0
EN_MAX_MEAN = 7.0
ES_MIN = 60.0
PT_MIN = 50.0


def plain_text(answer: str) -> str:
    """The answer as sentences: every bullet item ends like a sentence."""
    out = []
    for line in answer.splitlines():
        line = line.strip()
        if not line:
            continue
        if line.startswith("- "):
            line = line[2:].strip()
        if line.endswith(":"):
            line = line[:-1] + "."
        if line[-1] not in ".!?":
            line += "."
        out.append(line)
    return " ".join(out)


def portuguese_flesch(text: str) -> float:
    """248.835 - 1.015 * ASL - 84.6 * ASW from textstat's counts."""
    words = textstat.lexicon_count(text)
    sentences = textstat.sentence_count(text)
    syllables = textstat.syllable_count(text)
    if words == 0:
        return 0.0
    return 248.835 - 1.015 * (words / sentences) - 84.6 * (syllables / words)


LANGS = {
    # code: (pyphen dictionary, score name, score, passes one answer)
    "en": ("en_US", "Flesch-Kincaid grade", textstat.flesch_kincaid_grade,
           lambda s: s <= EN_MAX_GRADE),
    "es": ("es", "Fernandez-Huerta", textstat.fernandez_huerta,
           lambda s: s >= ES_MIN),
    "pt-BR": ("pt_BR", "Flesch (Portuguese)", portuguese_flesch,
              lambda s: s >= PT_MIN),
}


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    quiet = "--quiet" in sys.argv
    folder = pathlib.Path(args[0]) if args else (
        pathlib.Path(__file__).resolve().parent.parent / "public" / "locales")
    if version("textstat") != TEXTSTAT_VERSION:
        print(f"readability: needs textstat {TEXTSTAT_VERSION}, "
              f"found {version('textstat')}", file=sys.stderr)
        return 2
    textstat.set_rounding(False)
    failures = []
    for code, (dictionary, name, score_of, passes) in LANGS.items():
        textstat.set_lang(dictionary)
        faq = json.loads((folder / f"{code}.faq.json").read_text("utf-8"))
        scores = []
        print(f"\n{code}: {name}")
        for entry in faq["entries"]:
            score = score_of(plain_text(entry["answer"]))
            scores.append(score)
            ok = passes(score)
            if not ok:
                failures.append(f"{code} {entry['id']}: {name} {score:.1f}")
            if not quiet or not ok:
                print(f"  {'ok  ' if ok else 'FAIL'} {score:6.1f}  {entry['id']}")
        mean = sum(scores) / len(scores)
        worst = max(scores) if code == "en" else min(scores)
        print(f"  mean {mean:.1f}, worst {worst:.1f} ({len(scores)} answers)")
        if code == "en" and mean > EN_MAX_MEAN:
            failures.append(f"en: mean Flesch-Kincaid grade {mean:.1f} "
                            f"is above {EN_MAX_MEAN}")
    if failures:
        print("\nReadability below the required level:", file=sys.stderr)
        for failure in failures:
            print(f"  {failure}", file=sys.stderr)
        return 1
    print("\nEvery answer meets its language's readability level.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
