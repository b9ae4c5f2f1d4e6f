"""iCalendar output shared by all apps: feed building, conditional GET, invalidation."""
