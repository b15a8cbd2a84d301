#!/usr/bin/env bash
# Renders HTML plans with headless Chromium (Debian's chromium) to PDF (A4 and Letter) and PNG,
# for review: the level and the reasons must be on the first page, nothing cut or overlapping.
#   bash scripts/render-plans.sh [HTML_FILE...]   (default: Reports/examples/*.html)
# Output: Reports/renderings/<name>.a4.pdf, <name>.letter.pdf, <name>.png (not committed).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null; then
    sudo_cmd=(); [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
    "${sudo_cmd[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq chromium poppler-utils >/dev/null
fi
out=Reports/renderings
mkdir -p "$out"
files=("$@")
[[ ${#files[@]} -gt 0 ]] || files=(Reports/examples/*.html)
chrome=(chromium --headless=new --no-sandbox --disable-dev-shm-usage --disable-gpu --no-first-run --disable-extensions
        --disable-background-networking --user-data-dir="$(mktemp -d)" --run-all-compositor-stages-before-draw)
for html in "${files[@]}"; do
    name=$(basename "$html" .html)
    url="file://$(realpath "$html")"
    for paper in a4 letter; do
        # Chromium prints on the paper size of the page's @page rule or, without one, on Letter;
        # a small wrapper page sets the size so both are checked.
        wrapper=$(mktemp --suffix=.html)
        size=$([[ $paper == a4 ]] && echo "A4" || echo "letter")
        sed "s|<style>|<style>@page { size: $size; }|" "$html" > "$wrapper"
        "${chrome[@]}" --no-pdf-header-footer --print-to-pdf="$out/$name.$paper.pdf" "file://$wrapper" 2>/dev/null
        rm -f "$wrapper"
    done
    "${chrome[@]}" --hide-scrollbars --window-size=1200,1600 --screenshot="$out/$name.png" "$url" 2>/dev/null
    if command -v pdftoppm >/dev/null; then
        pdftoppm -png -r 60 -f 1 -l 1 "$out/$name.a4.pdf" "$out/$name.a4.page"
    fi
    echo "$out/$name.a4.pdf $out/$name.letter.pdf $out/$name.png"
done
