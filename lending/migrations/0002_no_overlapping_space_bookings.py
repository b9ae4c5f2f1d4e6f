"""No two requested-or-approved bookings of one space may overlap (buffers included).

PostgreSQL: an exclusion constraint over the buffered range (btree_gist lets `=` on the
resource sit in the same GiST index). SQLite: triggers that abort an overlapping insert or
update; the service's check runs first inside an IMMEDIATE transaction. A constraint in
Meta would be PostgreSQL-only and break SQLite, hence this migration checks the vendor.
Booking history rows cannot be updated, on either database.
"""

from django.db import migrations

BLOCKING = "('requested', 'approved')"

POSTGRES_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS btree_gist",
    f"""
    ALTER TABLE lending_booking ADD CONSTRAINT lending_booking_no_overlap
    EXCLUDE USING gist (
        resource_id WITH =,
        tstzrange(blocked_from, blocked_until, '[)') WITH &&
    ) WHERE (kind = 'space' AND status IN {BLOCKING})
    """,
    """
    CREATE FUNCTION lending_history_is_append_only() RETURNS trigger AS $$
    BEGIN
        RAISE EXCEPTION 'lending_bookingevent is append-only';
    END;
    $$ LANGUAGE plpgsql
    """,
    """
    CREATE TRIGGER lending_bookingevent_no_update BEFORE UPDATE ON lending_bookingevent
    FOR EACH ROW EXECUTE FUNCTION lending_history_is_append_only()
    """,
]
POSTGRES_BACKWARD = [
    "DROP TRIGGER IF EXISTS lending_bookingevent_no_update ON lending_bookingevent",
    "DROP FUNCTION IF EXISTS lending_history_is_append_only()",
    "ALTER TABLE lending_booking DROP CONSTRAINT IF EXISTS lending_booking_no_overlap",
]

_SQLITE_OVERLAP = f"""
    SELECT RAISE(ABORT, 'lending_booking_no_overlap')
    WHERE EXISTS (
        SELECT 1 FROM lending_booking AS other
        WHERE other.resource_id = NEW.resource_id
          AND other.kind = 'space'
          AND other.status IN {BLOCKING}
          AND other.id IS NOT NEW.id
          AND other.blocked_from < NEW.blocked_until
          AND NEW.blocked_from < other.blocked_until
    );
"""
SQLITE_FORWARD = [
    f"""
    CREATE TRIGGER lending_booking_no_overlap_insert BEFORE INSERT ON lending_booking
    WHEN NEW.kind = 'space' AND NEW.status IN {BLOCKING}
    BEGIN {_SQLITE_OVERLAP} END
    """,
    f"""
    CREATE TRIGGER lending_booking_no_overlap_update
    BEFORE UPDATE OF status, resource_id, blocked_from, blocked_until, kind ON lending_booking
    WHEN NEW.kind = 'space' AND NEW.status IN {BLOCKING}
    BEGIN {_SQLITE_OVERLAP} END
    """,
    """
    CREATE TRIGGER lending_bookingevent_no_update BEFORE UPDATE ON lending_bookingevent
    BEGIN SELECT RAISE(ABORT, 'lending_bookingevent is append-only'); END
    """,
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS lending_booking_no_overlap_insert",
    "DROP TRIGGER IF EXISTS lending_booking_no_overlap_update",
    "DROP TRIGGER IF EXISTS lending_bookingevent_no_update",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("lending", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"postgresql": POSTGRES_FORWARD, "sqlite": SQLITE_FORWARD}),
            _run({"postgresql": POSTGRES_BACKWARD, "sqlite": SQLITE_BACKWARD}),
        )
    ]
