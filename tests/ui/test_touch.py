"""A phone's or tablet's browser is told apart from a desktop's by its user agent."""

from __future__ import annotations

import pytest

from careernet_ui.components.touch import is_touch_browser


@pytest.mark.parametrize('user_agent', [
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36',
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148',
    'Mozilla/5.0 (iPad; CPU OS 16_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.0 Safari/604.1',
])
def test_a_phone_or_tablet_is_a_touch_browser(user_agent: str) -> None:
    assert is_touch_browser(user_agent)


@pytest.mark.parametrize('user_agent', [
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0',
    '',
])
def test_a_desktop_browser_is_not(user_agent: str) -> None:
    assert not is_touch_browser(user_agent)
