#!/usr/bin/env bash
# Vendor the corpus page's network library into the package: Cytoscape.js (MIT licence, The
# Cytoscape Consortium), pinned, from the npm registry: never from a CDN at run time. The files
# it writes are committed, so neither a build nor CI needs npm; run it again to upgrade.
set -euo pipefail
VERSION="${1:-3.34.4}"
cd "$(dirname "$0")/.."
out=src/newsint/web/static/vendor
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "cytoscape@$VERSION" >/dev/null && tar xzf "cytoscape-$VERSION.tgz")
install -D -m 644 "$tmp/package/dist/cytoscape.min.js" "$out/cytoscape.min.js"
install -m 644 "$tmp/package/LICENSE" "$out/cytoscape.LICENSE"
echo "cytoscape $VERSION (npm), dist/cytoscape.min.js" > "$out/cytoscape.VERSION"
echo "vendored cytoscape $VERSION into $out" >&2
