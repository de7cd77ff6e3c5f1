"""What a phone-sized page must satisfy, measured in the browser, and the phone's browser context."""

from __future__ import annotations

from playwright.sync_api import Browser, BrowserContext, Page, ViewportSize

PHONE: ViewportSize = {'width': 390, 'height': 844}
NARROW: ViewportSize = {'width': 360, 'height': 740}
DESKTOP: ViewportSize = {'width': 1280, 'height': 800}

PHONE_USER_AGENT = ('Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) '
                    'Chrome/131.0.0.0 Mobile Safari/537.36')


def phone_context(browser: Browser, viewport: ViewportSize = PHONE) -> BrowserContext:
    """A browser context as a phone's: its size, touch, a phone's user agent."""
    return browser.new_context(viewport=viewport, has_touch=True, is_mobile=True, user_agent=PHONE_USER_AGENT)


_OVERFLOW = """() => {
  const width = window.innerWidth;
  const visible = (el) => {
    const style = getComputedStyle(el);
    return style.display !== 'none' && style.visibility !== 'hidden' && el.getClientRects().length > 0;
  };
  // An element inside a box that scrolls or clips sideways is that box's business, not the page's.
  const clippedBy = (el) => {
    for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
      const x = getComputedStyle(up).overflowX;
      if (x === 'auto' || x === 'scroll' || x === 'hidden' || x === 'clip') return up;
    }
    return null;
  };
  const outside = [];
  const clipped = [];
  for (const el of document.body.querySelectorAll('*')) {
    if (!visible(el) || el.closest('[aria-hidden="true"], .q-focus-helper, script, style, canvas')) continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    const describe = () => `${el.tagName.toLowerCase()}.${String(el.className).slice(0, 60)} ` +
      `"${(el.textContent || '').trim().slice(0, 40)}" [${Math.round(box.left)}, ${Math.round(box.right)}]`;
    if ((box.left < -1 || box.right > width + 1) && !clippedBy(el)) outside.push(describe());
    // Text cut off by its own box, with no ellipsis to say so.
    const style = getComputedStyle(el);
    const hasText = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (hasText && (style.overflowX === 'hidden' || style.overflowX === 'clip') && style.textOverflow !== 'ellipsis'
        && el.scrollWidth > el.clientWidth + 1) clipped.push(describe());
  }
  return {scrollWidth: document.documentElement.scrollWidth, width, outside, clipped};
}"""


def layout_problems(page: Page) -> list[str]:
    """Why the page does not fit its viewport sideways: empty when it fits."""
    found = page.evaluate(_OVERFLOW)
    problems = []
    if found['scrollWidth'] > found['width']:
        problems.append(f"the page is {found['scrollWidth']} px wide in a {found['width']} px viewport")
    problems += [f'outside the viewport: {what}' for what in found['outside']]
    problems += [f'text clipped: {what}' for what in found['clipped']]
    return problems
