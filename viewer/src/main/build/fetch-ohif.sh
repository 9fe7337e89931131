#!/bin/sh
# fetch-ohif.sh VERSION SHA512 CACHE_DIR OUT_DIR — the OHIF viewer's prebuilt dist/ for /viewer (run by Maven).
# Downloads @ohif/app@VERSION once with `npm pack` (or curl/wget from the npm registry) into CACHE_DIR, checks its
# SHA-512, unpacks dist/ into OUT_DIR (without the AI segmentation runtime and the microscopy viewer, which we do not
# use), and rebases it from / to /viewer/ (the build hard-codes its public path). OUT_DIR is kept between builds; one
# finished by this version of the script is left alone.
set -eu
version=$1 sha512=$2 cache=$3 out=$4
base=/viewer/
stamp="$out/.complete-$(cksum < "$0" | cut -d' ' -f1)"   # redone when this recipe changes
[ -f "$stamp" ] && exit 0

tgz="$cache/ohif-app-$version.tgz"
if [ ! -f "$tgz" ] || [ "$(sha512sum "$tgz" | cut -d' ' -f1)" != "$sha512" ]; then
  mkdir -p "$cache"
  tmp=$(mktemp -d "$cache/.fetch.XXXXXX")
  trap 'rm -rf "$tmp"' EXIT
  echo "fetch-ohif: downloading @ohif/app@$version (about 50 MB, once)"
  if command -v npm >/dev/null 2>&1; then
    (cd "$tmp" && npm pack --silent "@ohif/app@$version" >/dev/null)
  else
    # without npm, the same tarball straight from the npm registry (checked below all the same)
    url="https://registry.npmjs.org/@ohif/app/-/app-$version.tgz"
    if command -v curl >/dev/null 2>&1; then curl -fsSL -o "$tmp/ohif-app-$version.tgz" "$url"
    elif command -v wget >/dev/null 2>&1; then wget -q -O "$tmp/ohif-app-$version.tgz" "$url"
    else echo "fetch-ohif: npm, curl or wget is needed once to download @ohif/app@$version" >&2; exit 1
    fi
  fi
  actual=$(sha512sum "$tmp/ohif-app-$version.tgz" | cut -d' ' -f1)
  if [ "$actual" != "$sha512" ]; then
    echo "fetch-ohif: @ohif/app@$version has SHA-512 $actual, expected $sha512" >&2
    exit 1
  fi
  mv "$tmp/ohif-app-$version.tgz" "$tgz"
fi

rm -rf "$out"
mkdir -p "$out"
tar -xzf "$tgz" -C "$out" --strip-components=2 \
  --exclude='package/dist/ort' --exclude='package/dist/dicom-microscopy-viewer' package/dist
cd "$out"
# ours is src/main/resources/viewer/app-config.js; the rest are hosting files of other platforms or point at external services
rm -f app-config.js init-service-worker.js google.js _headers _redirects serve.json
for f in *.js; do
  grep -q '__webpack_require__.p = "/";' "$f" && sed -i "s#__webpack_require__.p = \"/\";#__webpack_require__.p = \"$base\";#" "$f"
done
sed -i "s#url(/#url($base#g" *.css
sed -i -e "s#PUBLIC_URL=\"/\"#PUBLIC_URL=\"$base\"#g" -e "s#href=\"/#href=\"$base#g" -e "s#src=\"/#src=\"$base#g" \
  -e "s#content=\"/#content=\"$base#g" -e 's#<script rel="preload" as="script" type="module" src="[^"]*init-service-worker.js"></script>##' \
  -e 's#<link rel="manifest" href="[^"]*">##' index.html
touch "$stamp"
