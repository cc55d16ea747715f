# shellcheck shell=bash
# tools/build.sh — configure and build Neurolift in build/
#
# Copyright 2026 The Neurolift authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Sourced by tools/run, tools/test and tools/bench, which set NL_PROG (their
# name in messages) and change into the top of the source tree first.

NL_BUILD_DIR=build

# Sets up build/ on the first run and reconfigures it later, so options given
# once by hand (meson setup build -Dgui=false, …) are kept.
nl_configure ()
{
  local out
  if [ -f "$NL_BUILD_DIR/meson-private/coredata.dat" ]; then
    # Quiet unless it fails: the full report was printed at the first set-up.
    if ! out=$(meson setup --reconfigure "$NL_BUILD_DIR" 2>&1); then
      printf '%s\n' "$out" >&2
      return 1
    fi
  else
    meson setup "$NL_BUILD_DIR"
  fi
}

nl_build ()
{
  nl_configure || return 1
  ninja -C "$NL_BUILD_DIR" -j "$(nproc 2>/dev/null || echo 2)"
}
