"""CareerNet: ``python app.py --help`` lists every option.

Wiring only: the command line lives in ``careernet_ui.cli``, the server set-up in
``careernet_ui.server``.
"""

import sys

from careernet_ui.cli import main

if __name__ in {'__main__', '__mp_main__'}:
    code = main()
    if code:
        sys.exit(code)
