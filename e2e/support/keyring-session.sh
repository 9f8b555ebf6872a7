#!/bin/sh
# Runs a command with a real, private Secret Service: a new D-Bus session bus and an unlocked
# gnome-keyring inside it, so tests use a real keychain without touching the developer's own.
# Elsewhere than Linux (the OS keychain is always there) and when already inside one, it just
# runs the command.
set -eu
if [ "$(uname -s)" != "Linux" ] || [ -n "${TOGGL_TRAY_KEYRING_SESSION:-}" ]; then
  exec "$@"
fi
for tool in dbus-run-session gnome-keyring-daemon; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "keyring-session: $tool is missing. Install it: sudo apt-get install dbus gnome-keyring" >&2
    exit 1
  fi
done
export TOGGL_TRAY_KEYRING_SESSION=1
# The keyring's files live in a fresh temp folder (never ~/.local/share/keyrings), and its
# password only protects that throwaway keyring.
keyring_home=$(mktemp -d "${TMPDIR:-/tmp}/toggl-tray-keyring.XXXXXX")
trap 'rm -rf "$keyring_home"' EXIT
dbus-run-session -- sh -c '
  printf "%s" "toggl-tray-tests" | XDG_DATA_HOME="$0" gnome-keyring-daemon --unlock --components=secrets >/dev/null
  exec "$@"
' "$keyring_home" "$@"
