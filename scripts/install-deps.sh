#!/usr/bin/env bash
# Installs what hetfirm needs and is missing: GSL (libgsl-dev) and SLEEF (libsleef-dev, vectorized
# exp/log), both found through pkg-config, and gnuplot.
# Debian/Ubuntu via apt-get; macOS via Homebrew. Safe to run again.
set -euo pipefail

need=()
if ! pkg-config --exists gsl 2>/dev/null; then need+=(libgsl-dev pkg-config); fi
if ! pkg-config --exists sleef 2>/dev/null; then need+=(libsleef-dev pkg-config); fi
if ! command -v gnuplot >/dev/null 2>&1; then need+=(gnuplot-nox); fi
[ ${#need[@]} -eq 0 ] && exit 0

if command -v apt-get >/dev/null 2>&1; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "installing: ${need[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
elif command -v brew >/dev/null 2>&1; then
  brew install gsl sleef gnuplot pkg-config
else
  echo "please install GSL and SLEEF (with pkg-config) and gnuplot with your package manager" >&2
  exit 1
fi
