"""The data model as JSON and back: what the cache stores instead of pickles.

Reading JSON runs no code, and decoding makes only the classes of kg.model
(every dataclass and NamedTuple there, found by inspection: a class or a
field added to the model needs no change here). The JSON is
{"fields": {class: [field, ...]}, "data": value}, the field lists being those
of the writer, checked against the reader's. In `data`, what JSON lacks is a
one-key object:

  {"@Class": [value, ...]}     an object, its fields in that order
  {"@*Class": [[...], ...]}    a list of objects of one (unfrozen) class
  {"@r": n}                    the n-th frozen object (EntityKey) made so far, again
  {"@t": [...]}, {"@s": [...]} a tuple, a set
  {"@d": [[key, value], ...]}  a dict whose keys are not all plain strings
  {"@a": [typecode, [...]]}    an array

Anything else (another class, a tag, a field list or a value that does not
fit) is a DataError, never a guess."""
from __future__ import annotations

import dataclasses
import functools
import inspect
import json
from array import array

from . import model

FIELDS, DATA = '{"fields":', ',"data":'     # how dumps' text starts, and what comes between the two


class DataError(ValueError):
    """The JSON does not describe data of kg.model."""


@functools.cache
def model_classes() -> dict[str, type]:
    """kg.model's dataclasses and NamedTuples, by name."""
    return {name: cls for name, cls in vars(model).items()
            if inspect.isclass(cls) and cls.__module__ == model.__name__
            and (dataclasses.is_dataclass(cls) or issubclass(cls, tuple) and hasattr(cls, "_fields"))}


@functools.cache
def field_names(cls: type) -> tuple[str, ...]:
    return tuple(cls._fields) if issubclass(cls, tuple) else tuple(f.name for f in dataclasses.fields(cls))


@functools.cache
def is_frozen(cls: type) -> bool:
    """Immutable and hashable: worth writing once and referring to (EntityKey)."""
    return issubclass(cls, tuple) or cls.__dataclass_params__.frozen


def dumps(value) -> bytes:
    """`value` (kg.model data in lists, dicts, tuples, sets, arrays) as UTF-8 JSON."""
    classes = model_classes()
    used: dict[str, tuple[str, ...]] = {}
    refs: dict = {}

    def plain(value):
        kind = type(value)
        if kind in (str, int, float, bool) or value is None:
            return value
        if kind is list:
            first = type(value[0]) if value else None
            if first is not None and classes.get(first.__name__) is first and not is_frozen(first) \
                    and all(type(v) is first for v in value):
                names = used[first.__name__] = field_names(first)
                return {"@*" + first.__name__: [[plain(getattr(v, f)) for f in names] for v in value]}
            return [plain(v) for v in value]
        if kind is dict:
            if all(type(k) is str and not k.startswith("@") for k in value):
                return {k: plain(v) for k, v in value.items()}
            return {"@d": [[plain(k), plain(v)] for k, v in value.items()]}
        if kind is array:
            return {"@a": [value.typecode, value.tolist()]}
        if classes.get(kind.__name__) is kind:
            frozen = is_frozen(kind)
            if frozen and value in refs:
                return {"@r": refs[value]}
            names = used[kind.__name__] = field_names(kind)
            out = {"@" + kind.__name__: [plain(getattr(value, f)) for f in names]}
            if frozen:
                refs[value] = len(refs)      # numbered once complete, as the reader makes them
            return out
        if kind is tuple:
            return {"@t": [plain(v) for v in value]}
        if kind in (set, frozenset):
            items = [plain(v) for v in value]
            return {"@s": sorted(items) if all(type(v) is str for v in items) else items}
        raise DataError(f"cannot store a {kind.__name__}")

    data = plain(value)
    text = json.dumps({"fields": used, "data": data}, ensure_ascii=False, separators=(",", ":"))
    return text.encode("utf-8", "surrogatepass")       # lone surrogates of file names that are not UTF-8


def loads(data: bytes):
    """The value dumps() was given; DataError for anything that is not such JSON."""
    made: list = []
    makers = _makers(made)

    def hook(obj: dict):
        if len(obj) == 1:
            for tag in obj:
                make = makers.get(tag)
                if make is not None:
                    return make(obj[tag])
        if any(k.startswith("@") for k in obj):
            raise DataError(f"unknown tag in {sorted(obj)[:3]}")
        return obj

    try:
        text = data.decode("utf-8", "surrogatepass")
        if not text.startswith(FIELDS):
            raise DataError("not a {fields, data} document")
        fields, at = json.JSONDecoder().raw_decode(text, len(FIELDS))    # checked before anything is made
        classes = model_classes()
        for name, names in (fields.items() if type(fields) is dict else [("?", None)]):
            if name not in classes or type(names) is not list or tuple(names) != field_names(classes[name]):
                raise DataError(f"written with other fields for {name}")
        if not text.startswith(DATA, at):
            raise DataError("not a {fields, data} document")
        value, at = json.JSONDecoder(object_hook=hook).raw_decode(text, at + len(DATA))
        if text[at:] != "}":
            raise DataError("not a {fields, data} document")
        return value
    except DataError:
        raise
    except (ValueError, TypeError, IndexError, KeyError, RecursionError) as exc:   # not JSON, bad arity...
        raise DataError(f"{type(exc).__name__}: {exc}") from None


def _makers(made: list) -> dict:
    """Tag -> function of the tagged value; frozen objects are appended to `made` for @r."""
    makers = {"@r": lambda n: made[n] if type(n) is int and n >= 0 else _bad("@r", n),
              "@t": lambda v: tuple(_list(v)), "@s": lambda v: set(_list(v)), "@d": lambda v: dict(_list(v)),
              "@a": lambda v: array(*_list(v))}
    for name, cls in model_classes().items():
        if is_frozen(cls):
            def make(v, cls=cls):
                obj = cls(*_list(v))
                made.append(obj)
                return obj
        else:
            def make(v, cls=cls):
                return cls(*_list(v))
        makers["@" + name] = make
        makers["@*" + name] = lambda rows, cls=cls: [cls(*_list(r)) for r in _list(rows)]
    return makers


def _list(v) -> list:
    return v if type(v) is list else _bad("a list", v)


def _bad(what: str, v):
    raise DataError(f"expected {what}, not {type(v).__name__}")
