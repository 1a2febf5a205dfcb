#!/usr/bin/python3
"""Cuts the page's fonts down to what an operator of the composer writes and reads.

Kept: every character of GB 2312 (its 6763 Hanzi of levels 1 and 2, plus its punctuation, kana,
Greek, Cyrillic and box symbols), CJK symbols and punctuation (U+3000-303F), fullwidth and
halfwidth forms (U+FF00-FFEF), general punctuation (U+2000-206F), and every character of the given
source files (the UI's own Chinese text, whatever it holds). Hinting goes: Dear ImGui
rasterises with stb_truetype, which does not hint.
Usage: subset_font.py [--latin | --latin-more] <in.ttf> <out.ttf> [source files...]
(needs Debian's python3-fonttools)
With --latin, cuts the Latin UI font instead, to what the first frame waits for, so it must be
small: ASCII, Latin-1 and the sources' own characters. With --latin-more, to the rest of what
it draws, merged after the first frame: Latin Extended-A and B, Greek, Cyrillic, punctuation,
currency, arrows, maths, box drawing and shapes (U+2000-25FF; the CJK font has none of these).
Both drop the layout tables (Dear ImGui neither kerns nor shapes).
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


def ranges(*pairs):
    points = set()
    for lo, hi in pairs:
        points.update(range(lo, hi + 1))
    return points


def main(argv):
    mode = argv[1] if len(argv) > 1 and argv[1].startswith("--") else ""
    if mode:
        argv = argv[:1] + argv[2:]
    if mode not in ("", "--latin", "--latin-more") or len(argv) < 3:
        sys.stderr.write(__doc__)
        return 2
    first_frame = ranges((0x20, 0x7E), (0xA0, 0xFF))
    sources = set()
    for path in argv[3:]:
        with open(path, encoding="utf-8", errors="ignore") as f:
            sources.update(ord(c) for c in f.read() if ord(c) >= 0x80)
    if mode == "--latin":
        points = first_frame | sources
    elif mode == "--latin-more":
        points = ranges((0x100, 0x24F), (0x370, 0x4FF), (0x2000, 0x25FF)) - first_frame - sources
    else:
        points = gb2312_code_points() | sources
        points |= ranges((0x3000, 0x303F), (0xFF00, 0xFFEF), (0x2000, 0x206F))
    options = subset.Options()
    options.hinting = False
    options.notdef_outline = True
    options.name_IDs = ["*"]  # keeps the copyright and licence notices
    if mode:
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
