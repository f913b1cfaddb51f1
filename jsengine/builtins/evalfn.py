"""The global eval function (19.2.1); direct calls are recognised by the compiler."""

from __future__ import annotations

from ..realm import arg, method


def setup(realm) -> None:
    # 19.2.1 eval(x): an indirect call runs x as global code
    def eval_(this, args):
        from ..compiler.api import perform_eval

        return perform_eval(arg(args, 0), realm, False, None, None)

    realm.eval_fn = method(realm, realm.global_obj, "eval", eval_, 1)
