#!/usr/bin/env python3
"""pngcheck.py FILE MIN_W MIN_H COLOR:MIN_PIXELS...: check a screenshot by
its content, not by eye: the PNG decodes, is at least MIN_W x MIN_H, is
not one flat colour, and has at least MIN_PIXELS pixels of each COLOR
(#rrggbb, within a small distance: antialiasing).  Prints what it found."""
import struct
import sys
import zlib


def pixels(path):
    data = open(path, 'rb').read()
    if data[:8] != b'\x89PNG\r\n\x1a\n':
        sys.exit('%s: not a PNG' % path)
    pos, idat, w = 8, b'', 0
    while pos < len(data):
        n, kind = struct.unpack('>I4s', data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b'IHDR':
            w, h, depth, ctype = struct.unpack('>IIBB', body[:10])
            if depth != 8 or ctype not in (2, 6):
                sys.exit('%s: colour type %d depth %d not handled' % (path, ctype, depth))
            bpp = 3 if ctype == 2 else 4
        elif kind == b'IDAT':
            idat += body
        pos += 12 + n
    raw = zlib.decompress(idat)
    stride = w * bpp
    prev = bytearray(stride)
    rows = []
    for y in range(h):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if f == 1:
                line[x] = (line[x] + a) & 255
            elif f == 2:
                line[x] = (line[x] + b) & 255
            elif f == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return w, h, bpp, rows


def main():
    path, mw, mh = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    w, h, bpp, rows = pixels(path)
    counts = {}
    for row in rows:
        for x in range(0, len(row), bpp):
            k = row[x:x + 3]
            counts[k] = counts.get(k, 0) + 1
    ok = True
    print('%s: %dx%d, %d colours' % (path, w, h, len(counts)))
    if w < mw or h < mh:
        print('too small: want %dx%d at least' % (mw, mh))
        ok = False
    top = max(counts.values())
    if top > 0.97 * w * h:
        print('almost one flat colour')
        ok = False
    for spec in sys.argv[4:]:
        col, want = spec.split(':')
        r, g, b = (int(col[i:i + 2], 16) for i in (1, 3, 5))
        n = sum(c for k, c in counts.items()
                if abs(k[0] - r) + abs(k[1] - g) + abs(k[2] - b) <= 24)
        print('%s: %d pixels (want %s)' % (col, n, want))
        if n < int(want):
            ok = False
    sys.exit(0 if ok else 1)


main()
