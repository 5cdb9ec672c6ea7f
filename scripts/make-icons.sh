#!/usr/bin/env bash
# Regenerates the packaging icons in build/ (electron-builder inputs): a green rounded square with a gold star and
# "OCOP". Needs Debian's imagemagick and icnsutils (png2icns). Run from anywhere: bash scripts/make-icons.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out=build
mkdir -p "$out"
font=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
[ -f "$font" ] || font=/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf

# Five-pointed star centred at (512,385), outer radius 230, inner 95.
star=$(python3 -c '
import math
pts=[]
for i in range(10):
    r=230 if i%2==0 else 95
    a=-math.pi/2+i*math.pi/5
    pts.append(f"{512+r*math.cos(a):.1f},{385+r*math.sin(a):.1f}")
print(" ".join(pts))')

convert -size 1024x1024 xc:none \
  -fill '#1e8c42' -draw 'roundrectangle 32,32 992,992 180,180' \
  -fill '#ffd23f' -stroke '#f2a900' -strokewidth 10 -draw "polygon $star" \
  -stroke none -fill white -font "$font" -pointsize 250 -gravity south -annotate +0+95 'OCOP' \
  -depth 8 "$out/icon.png"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for s in 16 24 32 48 64 128 256 512; do convert "$out/icon.png" -resize ${s}x${s} "$tmp/icon_$s.png"; done
convert "$tmp"/icon_{16,24,32,48,64,128,256}.png "$out/icon.ico"
png2icns "$out/icon.icns" "$tmp"/icon_{16,32,48,128,256,512}.png "$out/icon.png" >/dev/null
ls -l "$out"/icon.*
