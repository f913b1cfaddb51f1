"""strings: building, split/join, find/rfind, slicing, ord/chr. argv[1] is the number of words."""

import sys

count = int(sys.argv[1]) if len(sys.argv) > 1 else 12000
SYLLABLES = ["ka", "lo", "mi", "ne", "su", "ra", "to", "vi", "de", "po", "an", "el"]


def make_word(i):
    word = ""
    k = i
    while True:
        word += SYLLABLES[k % len(SYLLABLES)]
        k //= len(SYLLABLES)
        if k == 0:
            return word


def hash_string(s):
    h = 7
    for ch in s:
        h = (h * 31 + ord(ch)) % 1000000007
    return h


def main(count):
    text = ""
    for i in range(count):
        text += make_word(i * 7 + 3)
        text += ". " if i % 9 == 8 else " "

    sentences = text.split(". ")
    rebuilt = []
    word_total = 0
    for sentence in sentences:
        words = sentence.split(" ")
        word_total += len(words)
        capital = words[0][:1].upper() + words[0][1:]
        rebuilt.append(f"{capital}-{'-'.join(words[1:])}")
    joined = "|".join(rebuilt)

    hits = 0
    for needle in ["ka", "mine", "sura", "lo-", "|De", "vivi"]:
        at = joined.find(needle)
        while at != -1:
            hits += 1
            at = joined.find(needle, at + 1)
        hits += (joined.rfind(needle) + 1) % 97

    shifted = ""
    part = joined[: min(len(joined), count * 2)]
    for ch in part:
        c = ord(ch)
        shifted += chr((c - 97 + 13) % 26 + 97) if 97 <= c <= 122 else ch
    return f"{len(text)} {word_total} {len(joined)} {hits} {hash_string(joined)} {hash_string(shifted)}"


print(f"strings {count} {main(count)}")
