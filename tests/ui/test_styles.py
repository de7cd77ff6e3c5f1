"""Every class CareerNet writes has a style: compiled Tailwind (``make css``), Quasar's or NiceGUI's own."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import nicegui

from careernet_ui import styles

SOURCES = Path(styles.__file__).parent
NICEGUI_STATIC = Path(nicegui.__file__).parent / 'static'
FRAMEWORK_CSS = ('quasar.unimportant.prod.css', 'quasar.important.prod.css', 'nicegui.css', 'fonts.css')
OWN_PREFIX = 'careernet-'
"""CareerNet's own class names: handles for tests, benchmarks and drag-and-drop, not styles."""


def test_every_class_written_in_the_sources_has_a_style() -> None:
    known = _class_names(styles.STYLESHEET.read_text(encoding='utf-8'))
    for name in FRAMEWORK_CSS:
        known |= _class_names((NICEGUI_STATIC / name).read_text(encoding='utf-8'))
    unstyled = {
        f'{token} ({path.relative_to(SOURCES)}:{line})'
        for path, line, token in _written_classes()
        if token not in known and not token.startswith(OWN_PREFIX)
    }
    assert not unstyled, f'no style for these classes; run `make css` (or fix a typo): {sorted(unstyled)}'


def test_the_check_sees_the_classes_the_pages_use() -> None:
    written = {token for _, _, token in _written_classes()}
    assert {'max-w-6xl', 'hover:bg-white/20', 'md:min-w-[15rem]', 'text-grey-8', 'leading-none'} <= written


def test_every_page_links_the_stylesheet_by_its_content() -> None:
    url = styles.stylesheet_url()
    assert url.startswith(styles.URL_PATH + '?v=')
    assert len(url.rsplit('=', 1)[1]) == 12


def _class_names(css: str) -> set[str]:
    # ".hover\:bg-white\/20:hover" → "hover:bg-white/20"; a backslash escapes the next character.
    return {re.sub(r'\\(.)', r'\1', name) for name in re.findall(r'\.((?:\\.|[\w-])+)', css)}


def _written_classes() -> Iterator[tuple[Path, int, str]]:
    """(file, line, class) for each class in a ``.classes(...)`` call, ``classes=`` argument, ``*_CLASSES`` constant."""
    for path in sorted(SOURCES.rglob('*.py')):
        for node in ast.walk(ast.parse(path.read_text(encoding='utf-8'))):
            arguments: list[ast.expr] = []
            if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id.endswith('_CLASSES')
                                                    for t in node.targets):
                arguments.append(node.value)  # BADGE_CLASSES = '...', used in f-strings
            if isinstance(node, ast.Call):
                arguments += [k.value for k in node.keywords if k.arg == 'classes']
                if isinstance(node.func, ast.Attribute) and node.func.attr == 'classes':
                    arguments += [*node.args, *(k.value for k in node.keywords)]
            for argument in arguments:
                for text in _string_parts(argument):
                    for token in text.split():
                        yield path, argument.lineno, token


def _string_parts(node: ast.expr) -> Iterator[str]:
    # The literal text in 'a' + (' b' if x else '') or f'{CARD_CLASS} w-full', whole tokens only:
    # in f'text-{colour}', "text-" is half a class.
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node.value
    elif isinstance(node, ast.JoinedStr):
        parts = node.values
        for index, part in enumerate(parts):
            if not isinstance(part, ast.Constant):
                continue
            tokens = str(part.value).split()
            if index > 0 and not str(part.value)[:1].isspace():
                tokens = tokens[1:]
            if index < len(parts) - 1 and not str(part.value)[-1:].isspace():
                tokens = tokens[:-1]
            yield ' '.join(tokens)
    else:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.expr):
                yield from _string_parts(child)
