"""The service's error hierarchy. Domain code raises these; api.py and cli.py render them."""

from __future__ import annotations


class ServiceError(Exception):
    """Base of every error the service reports to a user."""

    status_code = 500
    code = "service_error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class BadRequest(ServiceError):
    status_code = 422
    code = "bad_request"


class DocumentNotFound(ServiceError):
    status_code = 404
    code = "document_not_found"


class UnsupportedDocument(ServiceError):
    """A corpus file that cannot be read: its name and the reason are in the message."""

    status_code = 422
    code = "unsupported_document"


class ManifestError(ServiceError):
    status_code = 500
    code = "manifest_error"


class IndexNotReady(ServiceError):
    status_code = 503
    code = "index_not_ready"


class IndexMismatch(ServiceError):
    """The index on disk was built with other settings, another model or is damaged."""

    status_code = 503
    code = "index_mismatch"


class ModelUnavailable(ServiceError):
    status_code = 503
    code = "model_unavailable"
