"""Text that must stay on one line: page titles that go into email subjects, where Django
refuses a newline (BadHeaderError), and into lists, feeds and file names."""

import re
import unicodedata

# Control characters (newline, carriage return, tab, NUL, …) and the Unicode line and
# paragraph separators.
LINE_BREAKING = {"Cc", "Zl", "Zp"}


def single_line(text):
    """`text` with every control character turned into a space, runs of spaces made one."""
    spaced = "".join(
        " " if unicodedata.category(character) in LINE_BREAKING else character for character in text
    )
    return re.sub(r" {2,}", " ", spaced).strip()
