"""Bearer tokens for the RBM API from a Google service account (google-auth), refreshed before they expire."""
from __future__ import annotations

import asyncio

from vyaparai.channels.base import ChannelError

SCOPES = ("https://www.googleapis.com/auth/rcsbusinessmessaging",)


class ServiceAccountTokens:
    """The service account's key file is read once; its `token_uri` says where tokens come from (a fake in tests)."""

    def __init__(self, key_file: str):
        # google-auth (and requests under it) is imported by a store that uses RCS, not by every start.
        from google.oauth2 import service_account

        self._credentials = service_account.Credentials.from_service_account_file(key_file, scopes=list(SCOPES))
        self._lock = asyncio.Lock()

    async def token(self) -> str:
        async with self._lock:  # one refresh at a time; the others wait and reuse it
            if not self._credentials.valid:  # also false a few minutes before expiry
                await asyncio.to_thread(self._refresh)
            return self._credentials.token

    def _refresh(self) -> None:
        # The sync transport (requests), run in a thread: google-auth's aiohttp transport is still experimental.
        import google.auth.exceptions
        import google.auth.transport.requests

        try:
            self._credentials.refresh(google.auth.transport.requests.Request())
        except google.auth.exceptions.RefreshError as e:  # a revoked or wrong key: trying again won't help
            raise ChannelError(f"Google refused the RBM service account: {e}", retryable=False, code="auth") from e
        except google.auth.exceptions.TransportError as e:
            raise ChannelError(f"Google token endpoint unreachable: {e}", retryable=True, code="network") from e
