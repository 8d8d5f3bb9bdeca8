#!/bin/sh
# Usage: scripts/keyring-session.sh CMD [ARGS...]
#
# For Linux servers without a desktop session (SSH, cron, systemd timers): runs CMD with the
# user's own GNOME keyring unlocked on a private D-Bus session, so `follower-pulse secret set`
# and the scheduled `follower-pulse sync` share the same stored secrets. Unlike
# scripts/with-keyring.sh (a throw-away keyring for the tests), the keyring persists in
# $XDG_DATA_HOME/keyrings (default ~/.local/share/keyrings).
#
# The keyring is unlocked with the password in $FOLLOWER_PULSE_KEYRING_PASSWORD_FILE (default
# ~/.local/share/keyrings/follower-pulse.password, mode 0600, created with a random password
# on first use). Anyone who can read that file can read the keyring: it protects the secrets
# as well as the file's permissions do, like an EnvironmentFile would. CMD's exit code is kept.
set -u

if [ "$#" -eq 0 ]; then
  echo "usage: $0 CMD [ARGS...]   e.g. $0 follower-pulse secret set linkedin.accessToken" >&2
  exit 2
fi
if [ "$(uname -s)" != "Linux" ]; then
  exec "$@"
fi

missing=""
command -v gnome-keyring-daemon >/dev/null 2>&1 || missing="$missing gnome-keyring"
command -v dbus-run-session >/dev/null 2>&1 || missing="$missing dbus"
if [ -n "$missing" ]; then
  echo "keyring-session: no Secret Service available; install the Debian packages:$missing (sudo apt-get install -y$missing)" >&2
  exit 1
fi

umask 077
keyrings="${XDG_DATA_HOME:-$HOME/.local/share}/keyrings"
pwfile="${FOLLOWER_PULSE_KEYRING_PASSWORD_FILE:-$keyrings/follower-pulse.password}"
if [ ! -f "$pwfile" ]; then
  if [ -f "$keyrings/login.keyring" ]; then
    echo "keyring-session: $keyrings/login.keyring already exists with a password this script does not know; put that password in $pwfile (mode 0600) or set FOLLOWER_PULSE_KEYRING_PASSWORD_FILE" >&2
    exit 1
  fi
  mkdir -p "$(dirname "$pwfile")" || exit 1
  od -An -N24 -tx1 /dev/urandom | tr -d ' \n' >"$pwfile" || exit 1
fi
FOLLOWER_PULSE_KEYRING_PASSWORD_FILE="$pwfile"
export FOLLOWER_PULSE_KEYRING_PASSWORD_FILE

# The inner sh receives CMD and its arguments as "$@", so nothing is re-parsed by a shell.
dbus-run-session -- sh -c '
  gnome-keyring-daemon --unlock --components=secrets <"$FOLLOWER_PULSE_KEYRING_PASSWORD_FILE" >/dev/null || {
    echo "keyring-session: gnome-keyring-daemon could not unlock the keyring with $FOLLOWER_PULSE_KEYRING_PASSWORD_FILE" >&2
    exit 1
  }
  unset FOLLOWER_PULSE_KEYRING_PASSWORD_FILE
  FOLLOWER_PULSE_KEYRING_READY=1 exec "$@"
' sh "$@"
