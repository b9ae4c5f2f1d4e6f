"""URL converters every app's URLs use (registered once, in CoreConfig.ready())."""

# The largest id a 64-bit integer column holds.
MAX_ID = 2**63 - 1


class IdConverter:
    """`<id:pk>`: a database id. A larger number does not match the URL (404) instead of
    reaching the database: SQLite raises OverflowError when a query compares with it."""

    regex = "[0-9]+"

    def to_python(self, value):
        number = int(value)
        if number > MAX_ID:
            raise ValueError("id out of range")  # the resolver treats it as no match
        return number

    def to_url(self, value):
        return str(value)
