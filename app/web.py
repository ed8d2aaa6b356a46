"""Web page routes (placeholder until the page lands)."""

from fastapi import APIRouter


def web_router() -> APIRouter:
    return APIRouter()
