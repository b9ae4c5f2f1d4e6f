"""The board highlight on the home page: the newest current listings. Two queries."""

from core import highlights

from .models import BoardIndexPage, BoardListingPage

NEWEST_COUNT = 4


@highlights.register("board/highlights.html")
def board_highlights(home_page, request):
    index = BoardIndexPage.objects.child_of(home_page).live().only("title", "url_path").first()
    newest = []
    if index is not None:
        newest = list(
            BoardListingPage.objects.child_of(index)
            .current()
            .filter(locale_id=home_page.locale_id)
            .for_listing()[:NEWEST_COUNT]
        )
    return {"board_index": index, "board_newest": newest}
