#!/bin/sh
# Usage: scripts/with-keyring.sh CMD [ARGS...]
#
# Runs CMD with a Secret Service to talk to. On Linux it always starts a throw-away, unlocked
# GNOME keyring on a private D-Bus session (fresh XDG_DATA_HOME, random password), even when a
# desktop keyring is running: tests write "Follower Pulse" entries and must never overwrite the
# developer's real LinkedIn token. Elsewhere CMD runs as it is (the real-keychain tests then
# skip themselves, because FOLLOWER_PULSE_KEYRING_READY is not set). CMD's exit code is kept.
set -u

if [ "$#" -eq 0 ]; then
  echo "usage: $0 CMD [ARGS...]" >&2
  exit 2
fi

if [ "${FOLLOWER_PULSE_KEYRING_READY:-}" = "1" ] || [ "$(uname -s)" != "Linux" ]; then
  exec "$@"
fi

missing=""
command -v gnome-keyring-daemon >/dev/null 2>&1 || missing="$missing gnome-keyring"
command -v dbus-run-session >/dev/null 2>&1 || missing="$missing dbus"
if [ -n "$missing" ]; then
  echo "with-keyring: no Secret Service available; install the Debian packages:$missing (apt-get install -y$missing)" >&2
  exit 1
fi

# A stale keyring with another password gives "Cannot create an item in a locked collection".
XDG_DATA_HOME="$(mktemp -d "${TMPDIR:-/tmp}/follower-pulse-keyring.XXXXXX")" || exit 1
export XDG_DATA_HOME
trap 'rm -rf "$XDG_DATA_HOME"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

PW="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
export PW

# The inner sh receives CMD and its arguments as "$@", so nothing is re-parsed by a shell.
dbus-run-session -- sh -c '
  printf %s "$PW" | gnome-keyring-daemon --unlock --components=secrets >/dev/null || {
    echo "with-keyring: gnome-keyring-daemon could not start an unlocked keyring" >&2
    exit 1
  }
  unset PW
  FOLLOWER_PULSE_KEYRING_READY=1 exec "$@"
' sh "$@"
status=$?
exit "$status"
