# shellcheck shell=bash
# tools/deps.sh — the Debian packages Neurolift needs to build and test
#
# Copyright 2026 The Neurolift authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Sourced by tools/run, tools/test and tools/bench, which set NL_PROG (their
# name in messages).  This is the one list of build and test dependencies:
# add a package here, nowhere else.

NL_DEB_PACKAGES=(
  # Compiler and build system
  gcc libc6-dev pkg-config meson ninja-build
  # Libraries of the four layers (core, render, ui, cli)
  libglib2.0-dev-bin libxml2-dev libcairo2-dev libpango1.0-dev libgtk-4-dev libadwaita-1-dev
  # Resources (xml-stripblanks), translations and the data validators
  libxml2-utils gettext appstream desktop-file-utils
  # Headless GUI tests and screenshots
  xvfb xauth x11-utils xdotool imagemagick
  shared-mime-info fonts-cantarell fonts-dejavu-core adwaita-icon-theme libgl1-mesa-dri
  # The test summary
  python3
  # Sanitizer, leak-check and fuzzing builds
  clang libclang-rt-14-dev valgrind
  # Flatpak manifest check
  flatpak-builder
)

# Prints the packages of NL_DEB_PACKAGES that are not installed, one a line.
nl_missing_packages ()
{
  local pkg status
  for pkg in "${NL_DEB_PACKAGES[@]}"; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
    if [ "$status" != "installed" ]; then
      printf '%s\n' "$pkg"
    fi
  done
}

# Installs the missing packages with apt-get.  Not root: prints the command to
# run and returns 1.  Not Debian (no dpkg-query): warns and goes on, so the
# build itself says what is missing.
nl_ensure_packages ()
{
  local missing
  if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "$NL_PROG: no dpkg-query here, so the packages cannot be checked;" \
         "the build needs the equivalents of: ${NL_DEB_PACKAGES[*]}" >&2
    return 0
  fi

  mapfile -t missing < <(nl_missing_packages)
  if [ "${#missing[@]}" -eq 0 ]; then
    return 0
  fi

  if [ "$(id -u)" -ne 0 ]; then
    echo "$NL_PROG: these packages are missing: ${missing[*]}" >&2
    echo "Install them, then run $NL_PROG again:" >&2
    echo >&2
    echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    echo >&2
    return 1
  fi

  echo "$NL_PROG: installing the missing packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q || return 1
  apt-get install -y -q "${missing[@]}" </dev/null || return 1
}
