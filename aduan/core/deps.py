"""FastAPI dependencies for the resources the API's lifespan creates (the FastAPI template's ``api/deps.py``).

The composition root (``aduan.api``) creates every resource once in its lifespan and puts it on the
application's state under a name; routers declare what they need as one of the typed dependencies
below and never touch ``request.app.state`` themselves. A stage's own resources (the producers'
``Intake``) are typed next to that stage's routers with ``resource(name)``, since the kernel may not
import a stage.
"""

from __future__ import annotations

from typing import Annotated, Any, Callable

from elasticsearch import Elasticsearch
from fastapi import Depends, Request

from aduan.core.connections import Publisher
from aduan.core.settings import Settings


def resource(name: str) -> Callable[[Request], Any]:
    """A dependency returning the resource the lifespan stored as ``name``."""

    def provide(request: Request) -> Any:
        try:
            return getattr(request.app.state, name)
        except AttributeError:
            raise RuntimeError(f"the API was assembled without its {name!r} resource") from None

    provide.__name__ = f"provide_{name}"
    return provide


SettingsDep = Annotated[Settings, Depends(resource("settings"))]
ElasticsearchDep = Annotated[Elasticsearch, Depends(resource("es"))]
PublisherDep = Annotated[Publisher, Depends(resource("publisher"))]
