#!/usr/bin/python3
"""Cuts the page's fonts down to what an operator of the composer writes and reads.

Kept: every character of GB 2312 (its 6763 Hanzi of levels 1 and 2, plus its punctuation, kana,
Greek, Cyrillic and box symbols), CJK symbols and punctuation (U+3000-303F), fullwidth and
halfwidth forms (U+FF00-FFEF), general punctuation (U+2000-206F), and every character of the given
source files (the UI's own Chinese text, whatever it holds). Hinting goes: Dear ImGui
rasterises with stb_truetype, which does not hint.
Usage: subset_font.py <in.ttf> <out.ttf> [source files...]   (needs Debian's python3-fonttools)
With --latin first, cuts the Latin UI font instead, to Latin (U+0020-024F), general punctuation,
currency, letterlike symbols, arrows and the given sources' characters, and drops its layout
tables (Dear ImGui neither kerns nor shapes): the first frame waits for that font, so it must be
small. Greek, maths, box drawing and shapes come from the CJK font, whose GB 2312 has them.
"""
import sys

from fontTools import subset


def gb2312_code_points():
    points = set()
    # GB 2312 in EUC-CN: rows 0xA1-0xF7, cells 0xA1-0xFE; unassigned cells do not decode.
    for row in range(0xA1, 0xF8):
        for cell in range(0xA1, 0xFF):
            try:
                points.update(ord(c) for c in bytes([row, cell]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return points


def main(argv):
    latin = len(argv) > 1 and argv[1] == "--latin"
    if latin:
        argv = argv[:1] + argv[2:]
    if len(argv) < 3:
        sys.stderr.write(__doc__)
        return 2
    if latin:
        points = set()
        for lo, hi in ((0x20, 0x24F), (0x2000, 0x206F), (0x20A0, 0x20CF), (0x2100, 0x214F), (0x2190, 0x21FF)):
            points.update(range(lo, hi + 1))
    else:
        points = gb2312_code_points()
        for lo, hi in ((0x3000, 0x303F), (0xFF00, 0xFFEF), (0x2000, 0x206F)):
            points.update(range(lo, hi + 1))
    for path in argv[3:]:
        with open(path, encoding="utf-8", errors="ignore") as f:
            points.update(ord(c) for c in f.read() if ord(c) >= 0x80)
    options = subset.Options()
    options.hinting = False
    options.notdef_outline = True
    options.name_IDs = ["*"]  # keeps the copyright and licence notices
    if latin:
        options.layout_features = []
        options.drop_tables += ["GPOS", "GSUB", "GDEF", "MATH", "kern"]
    font = subset.load_font(argv[1], options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(points))
    subsetter.subset(font)
    subset.save_font(font, argv[2], options)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
