#!/bin/sh
# Copyright 2026 The Neurolift authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# `meson install` into a DESTDIR, then check that every file is where a
# desktop looks for it and that the desktop's own tools accept it.  TAP.
#
# install-check.sh MESON BUILD_ROOT PREFIX BINDIR DATADIR LOCALEDIR APP_ID LANG…

set -u

if [ $# -lt 7 ]; then
  echo "usage: $0 MESON BUILD_ROOT PREFIX BINDIR DATADIR LOCALEDIR APP_ID LANG…" >&2
  exit 2
fi
meson=$1 build_root=$2 prefix=$3 bindir=$4 datadir=$5 localedir=$6 app_id=$7
shift 7
langs="$*"
schema_id=io.github.neurolift.Neurolift
mime_type=application/x-neurolift+xml

# meson passes bindir/datadir/localedir relative to the prefix (or absolute).
under_prefix () {
  case "$1" in
    /*) printf '%s' "$1" ;;
    *) printf '%s/%s' "$prefix" "$1" ;;
  esac
}

tmp=$(mktemp -d -t neurolift-install.XXXXXX) || exit 1
trap 'rm -rf "$tmp"' EXIT
dest=$tmp/dest
bin=$dest$(under_prefix "$bindir")
share=$dest$(under_prefix "$datadir")
locale=$dest$(under_prefix "$localedir")

n=0
failed=0
ok () {
  n=$((n + 1))
  echo "ok $n - $1"
}
not_ok () {
  n=$((n + 1))
  failed=$((failed + 1))
  echo "not ok $n - $1"
}
# check DESCRIPTION COMMAND…: one TAP line; the command's output as comments.
check () {
  what=$1
  shift
  if out=$("$@" 2>&1); then
    ok "$what"
  else
    not_ok "$what"
    printf '%s\n' "$out" | sed 's/^/# /'
  fi
}

echo "TAP version 13"

if out=$("$meson" install --no-rebuild --quiet -C "$build_root" --destdir "$dest" 2>&1); then
  ok "meson install --destdir"
else
  not_ok "meson install --destdir"
  printf '%s\n' "$out" | sed 's/^/# /'
  echo "1..$n"
  exit 1
fi

check "bin/neurolift is executable" test -x "$bin/neurolift"
check "the installed binary runs" "$bin/neurolift" --version

desktop=$share/applications/$app_id.desktop
check "applications/$app_id.desktop" test -f "$desktop"
check "installed desktop file validates" desktop-file-validate "$desktop"
check "desktop file names the icon $app_id" grep -qx "Icon=$app_id" "$desktop"
check "desktop file opens $mime_type" grep -q "^MimeType=.*$mime_type;" "$desktop"

metainfo=$share/metainfo/$app_id.metainfo.xml
check "metainfo/$app_id.metainfo.xml" test -f "$metainfo"
check "metainfo id is $app_id" grep -q "<id>$app_id</id>" "$metainfo"
check "metainfo launches $app_id.desktop" grep -q ">$app_id.desktop</launchable>" "$metainfo"

check "icons/hicolor/scalable/apps/$app_id.svg" \
  test -s "$share/icons/hicolor/scalable/apps/$app_id.svg"
check "icons/hicolor/symbolic/apps/$app_id-symbolic.svg" \
  test -s "$share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"

schema=$share/glib-2.0/schemas/$schema_id.gschema.xml
check "glib-2.0/schemas/$schema_id.gschema.xml" test -f "$schema"
check "installed schemas compile" \
  glib-compile-schemas --strict --targetdir="$tmp" "$share/glib-2.0/schemas"

for lang in $langs; do
  check "locale/$lang/LC_MESSAGES/neurolift.mo" \
    test -s "$locale/$lang/LC_MESSAGES/neurolift.mo"
  check "desktop file has a $lang comment" grep -q "^Comment\[$lang\]=" "$desktop"
  check "metainfo has $lang text" grep -q "xml:lang=\"$lang\"" "$metainfo"
done

check "neurolift/examples is a folder" test -d "$share/neurolift/examples"

# The MIME type: the packages file, then the database a desktop builds from it.
mime_pkg=$share/mime/packages/$app_id.xml
check "mime/packages/$app_id.xml" test -f "$mime_pkg"
check "update-mime-database accepts it" update-mime-database "$share/mime"
check "the database knows $mime_type" test -f "$share/mime/$mime_type.xml"
check "glob *.neurolift maps to $mime_type" \
  grep -q ":$mime_type:\*\.neurolift$" "$share/mime/globs2"
check "root element namespace maps to $mime_type" \
  grep -q "^urn:neurolift:program:1 program $mime_type$" "$share/mime/XMLnamespaces"
check "file type icon is $app_id" \
  grep -q "^$mime_type:$app_id$" "$share/mime/icons"

# The desktop file is offered for the MIME type.
check "update-desktop-database accepts the desktop file" \
  update-desktop-database "$share/applications"
check "$mime_type opens with $app_id.desktop" \
  grep -q "^$mime_type=.*$app_id.desktop" "$share/applications/mimeinfo.cache"

# GIO (what GNOME Files uses) recognises a programme by name and by content.
printf '%s\n' '<?xml version="1.0" encoding="UTF-8"?>' \
  '<program xmlns="urn:neurolift:program:1"><title>Squat</title></program>' \
  > "$tmp/knee.neurolift"
cp "$tmp/knee.neurolift" "$tmp/programme-without-extension"
for file in knee.neurolift programme-without-extension; do
  type=$(XDG_DATA_HOME=$share XDG_DATA_DIRS=/usr/local/share:/usr/share \
         gio info -a standard::content-type "$tmp/$file" 2>&1 \
         | sed -n 's/^ *standard::content-type: //p')
  if [ "$type" = "$mime_type" ]; then
    ok "gio sees $file as $mime_type"
  else
    not_ok "gio sees $file as $mime_type"
    echo "# got: ${type:-nothing}"
  fi
done

echo "1..$n"
[ $failed -eq 0 ]
