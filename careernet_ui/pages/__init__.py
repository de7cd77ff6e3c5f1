"""One module per page; each exposes ``register(ctx)`` that adds its ``@ui.page``."""

from __future__ import annotations

from careernet_ui.context import AppContext

from . import (
    accomplishments,
    application_detail,
    applications,
    calendar,
    contact_detail,
    contacts,
    dashboard,
    goals,
    import_page,
    pipeline,
    reference_brief,
    settings,
)

PAGES = (
    dashboard,
    contacts,
    contact_detail,
    pipeline,
    settings,
    calendar,
    import_page,
    accomplishments,
    goals,
    applications,
    application_detail,
    reference_brief,
)


def register_all(ctx: AppContext) -> None:
    """Register every page with NiceGUI."""
    for page in PAGES:
        page.register(ctx)
