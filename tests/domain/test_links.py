"""Only web addresses are shown as links."""

from __future__ import annotations

import pytest

from careernet_ui.domain.links import is_web_address


@pytest.mark.parametrize('url', ['https://example.com/a', 'http://example.com', 'HTTPS://EXAMPLE.COM', ' https://x.y '])
def test_web_addresses_are_links(url: str) -> None:
    assert is_web_address(url)


@pytest.mark.parametrize('url', ['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,<b>x</b>',
                                 'ftp://example.com', 'example.com', '', 'https:/broken'])
def test_anything_else_stays_text(url: str) -> None:
    assert not is_web_address(url)
