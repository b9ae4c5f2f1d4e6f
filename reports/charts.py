"""Server-drawn SVG bar charts of a report table: one group of bars per row, one bar per year,
each bar labelled with its year and its number, so that the chart reads without colour (the
years differ in fill pattern too); the table beside it is the chart's text."""

import dataclasses

ROW_GAP = 14
BAR_HEIGHT = 16
LABEL_WIDTH = 250
BAR_MAX_WIDTH = 300
YEAR_WIDTH = 44


@dataclasses.dataclass
class Bar:
    year: int
    value: float
    y: int
    width: int
    latest: bool


@dataclasses.dataclass
class Group:
    label: str
    y: int
    bars: list


@dataclasses.dataclass
class Chart:
    groups: list
    width: int
    height: int
    label_width: int = LABEL_WIDTH
    bar_x: int = LABEL_WIDTH + YEAR_WIDTH


def chart_of(table, years):
    """The Chart of a `core.reports.Table` for `years`."""
    top = max((value for row in table.rows for value in row.values), default=0) or 1
    group_height = len(years) * BAR_HEIGHT + ROW_GAP
    groups = []
    for index, row in enumerate(table.rows):
        y = index * group_height
        bars = [
            Bar(
                year=year,
                value=value,
                y=y + position * BAR_HEIGHT,
                width=round(BAR_MAX_WIDTH * value / top),
                latest=position == len(years) - 1,
            )
            for position, (year, value) in enumerate(zip(years, row.values, strict=True))
        ]
        groups.append(Group(label=row.label, y=y, bars=bars))
    return Chart(
        groups=groups,
        width=LABEL_WIDTH + YEAR_WIDTH + BAR_MAX_WIDTH + 70,
        height=max(len(groups) * group_height - ROW_GAP, BAR_HEIGHT),
    )
