"""Dependencies shared by the JSON API and the web page."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from .errors import IndexNotReady
from .service import Service


def get_service(request: Request) -> Service:
    """The service the app's lifespan loaded (or the one a test handed to create_app)."""
    service = getattr(request.app.state, "service", None)
    if service is None:
        raise IndexNotReady("the index is still loading; try again in a moment")
    return service


ServiceDep = Annotated[Service, Depends(get_service)]
