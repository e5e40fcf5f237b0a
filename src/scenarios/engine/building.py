"""Making frozen records fast where one is made at every action.

attrs' `__init__` of a frozen slotted class sets each field through a call
(`object.__setattr__`), which costs about ten times a plain store. Where a
record is made at every action (the next `State`, its `History`, a journal
`Entry`, a log event), `building(cls)` gives a subclass with the same slots
whose fields are set by plain stores; the record, once filled, has its class
set to `cls` (the same slots, so only the class changes) and is as frozen as
any other. `builder(cls)` is the positional constructor made that way.

This holds only for a class whose `__init__` does nothing but store its
arguments: no validator, converter, factory default or post-init step, which
`builder` asserts.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import attrs
from attrs import AttrsInstance

T = TypeVar("T", bound=AttrsInstance)


def building(cls: type[T]) -> type[T]:
    """A subclass of the frozen slotted attrs class `cls` whose fields plain stores set."""
    assert attrs.has(cls) and "__slots__" in cls.__dict__
    namespace = {
        "__slots__": (),
        "__doc__": f"A {cls.__name__} being made (see `scenarios.engine.building`).",
        # Both, so that Python stores into the slots directly (one left to attrs and
        # every store would go through a Python-level `__setattr__`).
        "__setattr__": object.__setattr__,
        "__delattr__": object.__delattr__,
    }
    made: type[T] = type(f"_Building{cls.__name__}", (cls,), namespace)
    return made


def builder(cls: type[T]) -> Callable[..., T]:
    """A constructor of `cls` taking every field by position, as fast as plain stores."""
    fields = attrs.fields(cls)
    assert not hasattr(cls, "__attrs_post_init__")
    assert all(f.init and f.validator is None and f.converter is None for f in fields)
    names = [f.name for f in fields]
    source = (
        f"def make_{cls.__name__}({', '.join(names)}):\n"
        "    new = _new(_Building)\n"
        + "".join(f"    new.{name} = {name}\n" for name in names)
        + "    new.__class__ = cls\n"
        "    return new\n"
    )
    namespace: dict[str, Any] = {"_new": object.__new__, "_Building": building(cls), "cls": cls}
    exec(compile(source, f"<scenarios.engine.building {cls.__name__}>", "exec"), namespace)
    make: Callable[..., T] = namespace[f"make_{cls.__name__}"]
    return make
