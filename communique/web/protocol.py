"""uvicorn's HTTP/1.1 protocol with a header-read timeout.

Why: uvicorn times out an idle keep-alive connection, but not one that is sending its request
headers (a connection that opens and trickles one header byte a minute is held for ever; enough
of them exhaust the server's sockets: "slowloris"). Here a request's headers must be complete
within `header_timeout` seconds of the connection opening, or of the first byte of the next
request on a kept-alive connection; otherwise the client gets a 408 in the API's error shape and
the connection is closed. The body has its own timeout (web/api.py, BODY_READ_TIMEOUT_S).
"""
from __future__ import annotations

import asyncio
import json

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

HEADER_READ_TIMEOUT_S = 10.0


def _timeout_response(seconds: float) -> bytes:
    body = json.dumps({"status": 408, "code": "timeout",
                       "message": f"request headers not complete within {seconds:g} s"}).encode()
    return (b"HTTP/1.1 408 Request Timeout\r\ncontent-type: application/json\r\nconnection: close\r\n"
            b"content-length: " + str(len(body)).encode() + b"\r\n\r\n" + body)


def protocol_with_header_timeout(seconds: float = HEADER_READ_TIMEOUT_S) -> type[asyncio.Protocol]:
    """An H11Protocol class (uvicorn's `http=`) closing connections whose headers take over `seconds`."""

    class HeaderTimeoutProtocol(H11Protocol):
        _header_timer: asyncio.TimerHandle | None = None

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            self._arm()

        def data_received(self, data: bytes) -> None:
            super().data_received(data)
            if self.conn.their_state is h11.IDLE:
                self._arm()           # part of a request line or headers: the clock runs
            else:
                self._disarm()        # headers complete (or the connection is closing)

        def connection_lost(self, exc: Exception | None) -> None:
            self._disarm()
            super().connection_lost(exc)

        def _arm(self) -> None:
            if self._header_timer is None:
                self._header_timer = self.loop.call_later(seconds, self._expired)

        def _disarm(self) -> None:
            if self._header_timer is not None:
                self._header_timer.cancel()
                self._header_timer = None

        def _expired(self) -> None:
            self._header_timer = None
            if not self.transport.is_closing() and self.conn.their_state is h11.IDLE:
                self.transport.write(_timeout_response(seconds))
                self.transport.close()

    return HeaderTimeoutProtocol
