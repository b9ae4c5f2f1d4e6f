#!/usr/bin/env bash
# Back up Meidän Häme: the PostgreSQL database (pg_dump, custom format) and the media files,
# into a new folder BACKUP_DIR/<UTC time>/ with a SHA256SUMS file; keeps the newest BACKUP_KEEP.
#
#   DATABASE_URL=postgres://meidanhame@/meidanhame MEDIA_ROOT=/srv/meidanhame/media \
#   BACKUP_DIR=/var/backups/meidanhame BACKUP_KEEP=14 scripts/backup.sh
#
# Prints the folder it wrote. Restore with scripts/restore.sh FOLDER.
set -euo pipefail

: "${DATABASE_URL:?DATABASE_URL must name the PostgreSQL database to back up}"
BACKUP_DIR=${BACKUP_DIR:-/var/backups/meidanhame}
MEDIA_ROOT=${MEDIA_ROOT:-$(cd "$(dirname "$0")/.." && pwd)/media}
BACKUP_KEEP=${BACKUP_KEEP:-14}

stamp=$(date -u +%Y%m%dT%H%M%S.%NZ)
target="$BACKUP_DIR/$stamp"
partial="$BACKUP_DIR/.partial-$stamp"
mkdir -p "$partial"
# A half-written backup never looks like a finished one: it is renamed only when complete.
trap 'rm -rf "$partial"' EXIT

pg_dump --format=custom --compress=6 --no-owner --no-privileges \
    --dbname="$DATABASE_URL" --file="$partial/database.dump"
if [ -d "$MEDIA_ROOT" ]; then
    tar --create --gzip --file="$partial/media.tar.gz" --directory="$MEDIA_ROOT" .
fi
(cd "$partial" && sha256sum -- * > SHA256SUMS)
mv "$partial" "$target"
trap - EXIT

# Retention: the newest BACKUP_KEEP finished backups stay.
find "$BACKUP_DIR" -mindepth 1 -maxdepth 1 -type d -name '2*' | sort | head -n "-$BACKUP_KEEP" \
    | xargs -r rm -rf --
echo "$target"
