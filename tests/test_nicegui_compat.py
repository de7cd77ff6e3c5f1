"""Each NiceGUI private CareerNet relies on (``careernet_ui/nicegui_compat.py``), exercised in a running app.

After a NiceGUI upgrade, a failure here names the private that moved.
"""

from __future__ import annotations

import functools
import json
import re
import weakref
from pathlib import Path
from typing import Any

import pytest
from nicegui import helpers, ui
from nicegui.element import Element
from nicegui.events import GenericEventArguments
from nicegui.testing import User

from careernet_ui import nicegui_compat
from careernet_ui.components.accomplishment_card import AccomplishmentCard
from careernet_ui.components.keyed_select import KeyedSelect
from careernet_ui.components.lean_chart import ESM_NAME
from careernet_ui.components.next_action_row import NextActionRow
from careernet_ui.components.pipeline_card import PipelineCard
from careernet_ui.demo import generate_network
from careernet_ui.services.seed import add_network
from storage import open_store
from tests.conftest import TODAY


@pytest.fixture
def full_demo(data_path: Path) -> Path:
    """The whole demo network (accomplishments too) in this test's data file."""
    store = open_store(data_path)
    add_network(store, generate_network(TODAY, storylines=True))
    store.close()
    return data_path


class Handlers:
    def no_arguments(self) -> None: ...

    def one_argument(self, change: object) -> None: ...

    def optional(self, change: object = None) -> None: ...

    def variadic(self, *args: Any, **kwargs: Any) -> None: ...

    @classmethod
    def class_handler(cls, change: object) -> None: ...


def plain(change: object) -> None: ...


def test_remembered_answers_match_nicegui_for_every_kind_of_handler() -> None:
    original = nicegui_compat._asked
    for _ in range(2):  # the second round answers from memory
        first, second = Handlers(), Handlers()
        for handler in (first.no_arguments, first.one_argument, second.one_argument, first.optional,
                        first.variadic, Handlers.class_handler, plain, lambda: None, lambda change: None,
                        functools.partial(plain, 1)):
            assert nicegui_compat.expects_arguments(handler) is original(handler), handler


@pytest.mark.usefixtures('full_demo')
async def test_the_running_app_asks_once_per_method_not_once_per_element(
        user: User, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[object] = []

    def counting(func: Any) -> bool:
        asked.append(func)
        return helpers.functions.expects_arguments(func)

    monkeypatch.setattr(nicegui_compat, '_asked', counting)
    monkeypatch.setattr(nicegui_compat, '_answers', weakref.WeakKeyDictionary())
    await user.open('/pipeline')
    assert helpers.expects_arguments is nicegui_compat.expects_arguments  # installed by the app
    elements = len(user.find(kind=PipelineCard).elements)
    assert elements > 10
    # NiceGUI asks about each element's props, classes and style handlers: remembered, a few questions in all.
    assert 0 < len(asked) < elements


@pytest.mark.parametrize(('path', 'kind'), [
    ('/', NextActionRow), ('/pipeline', PipelineCard), ('/accomplishments', AccomplishmentCard)])
@pytest.mark.usefixtures('full_demo')
async def test_the_simulated_user_reads_a_drawn_component_by_what_it_shows(
        user: User, path: str, kind: type[Element]) -> None:
    await user.open(path)
    first = user.find(kind=kind).elements.pop()
    text = str(first.props['title'] if 'title' in first.props else first.props['name'])
    assert text
    await user.should_see(text)
    assert first in user.find(content=text).elements


@pytest.mark.usefixtures('full_demo')
async def test_the_preloaded_chart_module_is_the_one_the_import_map_serves(user: User) -> None:
    page = (await user.http_client.get('/')).text
    [imports] = re.findall(r'<script type="importmap">\s*(\{.*?\})\s*</script>', page, re.DOTALL)
    served = json.loads(imports)['imports'][ESM_NAME]
    assert f'<link rel="modulepreload" href="{served}">' in page
    assert served == nicegui_compat.esm_module_url(ESM_NAME)
    bundle = await user.http_client.get(served)
    assert bundle.status_code == 200
    assert bundle.text.startswith('/*! Apache ECharts ')


async def test_the_header_sits_in_the_layout_before_the_page(user: User) -> None:
    client = await user.open('/settings')
    layout_children = list(client.layout)
    assert layout_children[0].tag == 'header'
    assert layout_children[1] is client.page_container
    assert not [element for element in client.content.descendants() if element.tag == 'header']


async def test_a_keyed_select_keeps_a_choice_from_options_it_has_replaced_since(user: User) -> None:
    @ui.page('/compat/keyed-select')
    def page() -> None:
        KeyedSelect({'a': 'Ann', 'b': 'Bob'}, label='Who')

    await user.open('/compat/keyed-select')
    select = user.find(kind=KeyedSelect).elements.pop()
    assert isinstance(select, KeyedSelect)
    assert select.props['options'] == [{'value': 'a', 'label': 'Ann'}, {'value': 'b', 'label': 'Bob'}]
    select.set_options({'c': 'Cy'})  # the next search's answer, while the browser still shows Ann and Bob
    chosen = select._event_args_to_value(GenericEventArguments(sender=select, client=select.client,
                                                                args={'value': 'a', 'label': 'Ann'}))
    select.set_value(chosen)
    assert select.value == 'a'
    assert select.props['model-value'] == {'value': 'a', 'label': 'Ann'}
    assert select.offers_label('Ann')
