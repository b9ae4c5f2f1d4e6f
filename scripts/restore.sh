#!/usr/bin/env bash
# Restore a backup made by scripts/backup.sh: the database into DATABASE_URL (its tables are
# replaced) and, when MEDIA_ROOT is set, the media files into MEDIA_ROOT.
#
#   DATABASE_URL=postgres://meidanhame@/meidanhame MEDIA_ROOT=/srv/meidanhame/media \
#   scripts/restore.sh /var/backups/meidanhame/20260101T020000.000000000Z
#
# Stop the application (or put it behind a maintenance page) first; run `manage.py migrate`
# after restoring an older backup into a newer release.
set -euo pipefail

backup=${1:?usage: scripts/restore.sh BACKUP_FOLDER}
: "${DATABASE_URL:?DATABASE_URL must name the PostgreSQL database to restore into}"

(cd "$backup" && sha256sum --check --quiet SHA256SUMS)
pg_restore --clean --if-exists --no-owner --no-privileges --single-transaction \
    --exit-on-error --dbname="$DATABASE_URL" "$backup/database.dump"
if [ -n "${MEDIA_ROOT:-}" ] && [ -f "$backup/media.tar.gz" ]; then
    mkdir -p "$MEDIA_ROOT"
    tar --extract --gzip --file="$backup/media.tar.gz" --directory="$MEDIA_ROOT"
fi
echo "Restored $backup"
