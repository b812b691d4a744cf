"""A scripted LSP client over stdio (JSON-RPC with Content-Length framing, as editors speak it): the
language server's end-to-end test and its benchmark drive `leaflint lsp` with it."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import tempfile
import threading
import time


class LspClient:
    def __init__(self, args: list[str], cwd=None, env=None):
        self.log = tempfile.TemporaryFile()  # the server's stderr: a file, so a chatty server never blocks
        self.proc = subprocess.Popen([sys.executable, "-m", "pipeline", *args], cwd=cwd, env=env,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.log)
        self.inbox: queue.Queue = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        out = self.proc.stdout
        while True:
            headers = {}
            while True:
                line = out.readline()
                if not line:
                    return
                line = line.decode("ascii").strip()
                if not line:
                    break
                name, _, value = line.partition(":")
                headers[name.lower()] = value.strip()
            body = out.read(int(headers["content-length"]))
            self.inbox.put(json.loads(body.decode("utf-8")))

    def cpu_seconds(self) -> float | None:
        """User + system CPU time of the server process so far (Linux /proc), None elsewhere."""
        try:
            fields = open(f"/proc/{self.proc.pid}/stat", encoding="ascii").read().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, ValueError, IndexError):
            return None

    def send(self, message: dict) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        self.proc.stdin.write(f"Content-Length: {len(body)}\r\n\r\n".encode("ascii") + body)
        self.proc.stdin.flush()

    def notify(self, method: str, params: dict) -> None:
        self.send({"method": method, "params": params})

    def request(self, method: str, params, timeout: float = 120) -> dict:
        self.next_id += 1
        rid = self.next_id
        self.send({"id": rid, "method": method, "params": params})
        reply = self.wait(lambda m: m.get("id") == rid and "method" not in m, timeout)
        assert "error" not in reply, reply
        return reply["result"]

    def wait(self, match, timeout: float = 120) -> dict:
        """The next message that ``match`` accepts; requests from the server are answered."""
        end = time.monotonic() + timeout
        while True:
            left = end - time.monotonic()
            if left <= 0:
                raise TimeoutError("no matching message from the language server")
            try:
                msg = self.inbox.get(timeout=min(left, 1.0))
            except queue.Empty:
                if self.proc.poll() is not None and self.inbox.empty():
                    self.log.seek(0)
                    err = self.log.read().decode("utf-8", "replace").strip()[-500:]
                    raise TimeoutError(f"the language server exited ({self.proc.returncode}): {err}") from None
                continue
            if "method" in msg and "id" in msg:  # a request to the client (registerCapability, ...)
                self.send({"id": msg["id"], "result": None})
            if match(msg):
                return msg

    def close(self) -> int:
        try:
            if self.proc.poll() is not None:
                return self.proc.returncode
            self.request("shutdown", None, timeout=60)
            self.notify("exit", None)
            return self.proc.wait(timeout=30)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
            self.proc.wait()
