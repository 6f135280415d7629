#!/bin/sh
# DVCTT restore into an EMPTY database and content store (stop the servers first):
#
#   restore.sh <backup-dir>
#   env: PGHOST PGPORT PGUSER PGPASSWORD PGDATABASE (the target, created empty beforehand:
#        createdb -O dvctt dvctt), DVCTT_STORE_DIR (the target content store directory)
#
# Checks the dump against SHA256SUMS and every store file against its name before anything is
# written; restores the database with pg_restore (one transaction: all or nothing), then the files.
set -eu

in="${1:?usage: restore.sh <backup-dir>}"
store="${DVCTT_STORE_DIR:?set DVCTT_STORE_DIR to the content store directory}"

(cd "$in" && sha256sum --check --quiet SHA256SUMS) || { echo "restore: dvctt.dump does not match SHA256SUMS" >&2; exit 1; }
bad=0
for f in $(cd "$in/store" && find . -type f | sort); do
    if [ "$(sha256sum "$in/store/$f" | cut -d' ' -f1)" != "$(basename "$f")" ]; then
        echo "restore: $in/store/$f is damaged" >&2
        bad=$((bad + 1))
    fi
done
[ "$bad" -eq 0 ] || { echo "restore: $bad damaged store files; nothing restored" >&2; exit 1; }

pg_restore --no-owner --single-transaction --exit-on-error --dbname="${PGDATABASE:?set PGDATABASE}" "$in/dvctt.dump"

mkdir -p "$store"
(cd "$in/store" && find . -type f) | while read -r f; do
    mkdir -p "$store/$(dirname "$f")"
    cp -p "$in/store/$f" "$store/$f"
done
echo "restore: database and $(cd "$in/store" && find . -type f | wc -l) store files restored from $in"
