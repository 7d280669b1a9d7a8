#!/usr/bin/env bash
# Render a .pptx to PDF (LibreOffice headless) and to one PNG per slide
# (pdftoppm), to look at the layout the way a reader's office suite draws it.
# Not run in CI.
#
#   bash scripts/render_deck.sh DECK.pptx [OUT_DIR]     (default OUT_DIR: artifacts/deck)
set -euo pipefail
deck=${1:?usage: render_deck.sh DECK.pptx [OUT_DIR]}
out=${2:-artifacts/deck}

if ! command -v soffice >/dev/null 2>&1 || ! command -v pdftoppm >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libreoffice-impress poppler-utils >/dev/null
fi

mkdir -p "$out"
# A private profile: a second LibreOffice (or a stale lock) must not block this one.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
# Draw numbers as an Indonesian Office would (85,3%): the profile's locale.
mkdir -p "$profile/user"
cat > "$profile/user/registrymodifications.xcu" <<'XCU'
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>id-ID</value></prop></item>
</oor:items>
XCU
soffice -env:UserInstallation="file://$profile" --headless --convert-to pdf \
  --outdir "$out" "$deck" >/dev/null
pdf="$out/$(basename "${deck%.*}").pdf"
pdftoppm -png -r 60 "$pdf" "$out/slide"
ls "$out"
