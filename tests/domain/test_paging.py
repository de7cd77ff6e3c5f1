"""Paging a list on the server: the slice a page shows, clamped into range, and how it is named."""

from __future__ import annotations

from careernet_ui.domain.paging import paginate


def test_a_middle_page_shows_its_slice_and_says_which() -> None:
    page = paginate(list(range(1, 1205)), page=2, page_size=25)
    assert (page.items[0], page.items[-1], page.page, page.pages, page.total) == (26, 50, 2, 49, 1204)
    assert page.span == '26–50 of 1,204'


def test_a_page_past_the_end_shows_the_last_one() -> None:
    page = paginate(['a', 'b', 'c'], page=9, page_size=2)
    assert (page.items, page.page, page.pages, page.span) == (['c'], 2, 2, '3–3 of 3')


def test_an_empty_list_has_one_empty_page() -> None:
    page = paginate(list[str](), page=0, page_size=10)
    assert (page.items, page.page, page.pages, page.total) == ([], 1, 1, 0)
