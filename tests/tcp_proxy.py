"""A TCP relay between a client and a real server that can cut the connection on cue.

To lose a connection at an exact moment of a real exchange, e.g. just after
the client sent `COMMIT` and before the server's answer comes back: the
server commits, the client never learns it. Nothing is simulated: the bytes
are the real protocol's, only the wire is cut.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import attrs


@attrs.define
class Cut:
    """When the client sends `marker`, forward it (or not), then cut that connection."""

    marker: bytes
    forward: bool
    done: threading.Event = attrs.field(factory=threading.Event)


@attrs.define(eq=False)
class Relay:
    target: tuple[str, int]
    listener: socket.socket
    cut: Cut | None = None
    guard: threading.Lock = attrs.field(factory=threading.Lock)
    sockets: list[socket.socket] = attrs.field(factory=list)

    @property
    def port(self) -> int:
        return int(self.listener.getsockname()[1])

    def arm(self, marker: bytes, *, forward: bool) -> Cut:
        """Cut the next connection that sends `marker` (after forwarding it when `forward`)."""
        with self.guard:
            self.cut = Cut(marker, forward)
            return self.cut

    def serve(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            server = socket.create_connection(self.target)
            with self.guard:
                self.sockets += [client, server]
            threading.Thread(target=self.pump, args=(client, server, True), daemon=True).start()
            threading.Thread(target=self.pump, args=(server, client, False), daemon=True).start()

    def pump(self, source: socket.socket, sink: socket.socket, from_client: bool) -> None:
        try:
            while data := source.recv(65536):
                cut = self._cut_for(data) if from_client else None
                if cut is None or cut.forward:
                    sink.sendall(data)
                if cut is not None:
                    break
        except OSError:
            pass
        else:
            if from_client and cut is not None:
                cut.done.set()
        for end in (source, sink):
            with contextlib.suppress(OSError):
                end.shutdown(socket.SHUT_RDWR)
            end.close()

    def _cut_for(self, data: bytes) -> Cut | None:
        with self.guard:
            cut = self.cut
            if cut is not None and cut.marker in data:
                self.cut = None
                return cut
        return None

    def close(self) -> None:
        self.listener.close()
        with self.guard:
            for end in self.sockets:
                with contextlib.suppress(OSError):
                    end.close()


@contextmanager
def relay(host: str, port: int) -> Iterator[Relay]:
    """A relay on a free local port to `host:port`, closed afterwards."""
    listener = socket.create_server(("127.0.0.1", 0))
    proxy = Relay((host, port), listener)
    threading.Thread(target=proxy.serve, daemon=True).start()
    try:
        yield proxy
    finally:
        proxy.close()
