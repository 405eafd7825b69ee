# Sourced by the picture scripts: report_screenshot PNG REPORT_HTML draws a report's first
# screen with headless Chromium (a throwaway profile, no network chatter).
report_screenshot() {
  profile=$(mktemp -d)
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$profile" --hide-scrollbars \
    --screenshot="$1" --window-size=1100,1150 "file://$(cd "$(dirname "$2")" && pwd)/$(basename "$2")" \
    >/dev/null 2>&1
  rm -rf "$profile"
}
