#!/usr/bin/env python3
"""Writes rules/lexicon/zh/segmenter.txt: the most frequent words of jieba's dictionary
(as shipped in the jieba-rs crate, MIT License), without personal names, in jieba's format.

okrlint segments only short item texts and judges words by its own lexicons, so it needs the
common vocabulary, not all 349,000 entries: a trimmed dictionary loads in a few milliseconds
where the full one takes about a hundred.

Usage: scripts/trim_dictionary.py PATH/TO/jieba-rs/src/data/dict.txt [WORDS]
"""
import sys

source = sys.argv[1]
keep = int(sys.argv[2]) if len(sys.argv) > 2 else 40000

entries = []
with open(source, encoding="utf-8") as f:
    for line in f:
        parts = line.split()
        if len(parts) != 3:
            continue
        word, freq, tag = parts[0], int(parts[1]), parts[2]
        # Personal names and single-character surnames only hurt OKR text (周, 月 as names).
        if tag in ("nr", "nrfg", "nrt"):
            continue
        entries.append((freq, word, tag))

entries.sort(key=lambda e: (-e[0], e[1]))
with open("rules/lexicon/zh/segmenter.txt", "w", encoding="utf-8") as out:
    for freq, word, tag in sorted(entries[:keep], key=lambda e: e[1]):
        out.write("%s %d %s\n" % (word, freq, tag))
