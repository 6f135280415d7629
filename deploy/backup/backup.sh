#!/bin/sh
# DVCTT backup: PostgreSQL (pg_dump custom format) and the content store (files named by the SHA-256 of
# their content, under ab/cd/<sha256>), each file checked against its name on the way.
#
#   backup.sh <backup-dir>
#   env: PGHOST PGPORT PGUSER PGPASSWORD PGDATABASE (libpq's own), DVCTT_STORE_DIR (the content store)
#
# Writes <backup-dir>/dvctt.dump, <backup-dir>/store/ and <backup-dir>/SHA256SUMS, and exits non-zero if
# anything failed, including a store file whose content does not match its name (reported, not copied).
# Copying the store after the dump is safe: files are immutable and only added; a file added meanwhile
# is extra, never missing for a row in the dump.
set -eu

out="${1:?usage: backup.sh <backup-dir>}"
store="${DVCTT_STORE_DIR:?set DVCTT_STORE_DIR to the content store directory}"
[ -d "$store" ] || { echo "backup: no content store at $store" >&2; exit 1; }
mkdir -p "$out/store"

pg_dump --format=custom --no-owner --file="$out/dvctt.dump.part" "${PGDATABASE:?set PGDATABASE}"
mv "$out/dvctt.dump.part" "$out/dvctt.dump"

bad=0
copied=0
# only content files: <2 hex>/<2 hex>/<64 hex>; tmp/ holds uploads in progress and is skipped
for f in $(cd "$store" && find . -mindepth 3 -maxdepth 3 -type f -regex '\./[0-9a-f][0-9a-f]/[0-9a-f][0-9a-f]/[0-9a-f]*' | sort); do
    name="$(basename "$f")"
    target="$out/store/$f"
    if [ -f "$target" ]; then
        continue   # already in this backup directory (content-addressed: same name, same bytes)
    fi
    mkdir -p "$(dirname "$target")"
    cp "$store/$f" "$target.part"
    sum="$(sha256sum "$target.part" | cut -d' ' -f1)"
    if [ "$sum" != "$name" ]; then
        echo "backup: $store/$f is damaged (its SHA-256 is $sum)" >&2
        rm -f "$target.part"
        bad=$((bad + 1))
        continue
    fi
    mv "$target.part" "$target"
    copied=$((copied + 1))
done

(cd "$out" && sha256sum dvctt.dump > SHA256SUMS)
echo "backup: database dumped, $copied new store files copied, $bad damaged, into $out"
[ "$bad" -eq 0 ]
