#!/usr/bin/python3
"""A fake Jupyter kernel that floods IOPub, for benchmarks/run-gateway (see docs/benchmarks.md).

    /usr/bin/python3 flood_kernel.py -f CONNECTION_FILE

Speaks just enough of the messaging protocol (5.3, hmac-sha256) to be driven by Jupyter
Server, nbguard gateway or a bare ZeroMQ client: kernel_info, shutdown, interrupt (a message;
SIGINT is ignored), heartbeat echo, and execute_request, whose code is a command:

    flood stream BYTES N    N stream messages (stdout) of about BYTES of text each
    flood html BYTES N      N display_data messages: a pandas-like table of about BYTES of
                            text/html (with its <style scoped> block) plus a short text/plain
    anything else           a trivial execution: busy, idle, execute_reply

Each flood publishes status busy, the N outputs back to back, status idle, then the
execute_reply. All N messages are built and signed *before* busy, so the time between busy and
idle is spent only on sending. Every output differs from the others: its header's msg_id ends
in "-<i>" (0-based, in publishing order) and its text carries i as 8 digits. The IOPub socket
has no send high-water mark, so nothing is dropped when a reader is slower than the kernel.
"""

import argparse
import datetime
import hashlib
import hmac
import json
import os
import random
import signal
import sys
import threading
import uuid

import zmq

DELIM = b"<IDS|MSG>"
SEQ = b"@@SEQ@@"  # replaced by the message's index, 8 digits
STYLE = """<style scoped>
    .dataframe tbody tr th:only-of-type {
        vertical-align: middle;
    }

    .dataframe tbody tr th {
        vertical-align: top;
    }

    .dataframe thead th {
        text-align: right;
    }
</style>
"""
COLUMNS = 10


def table_html(target_bytes):
    """A table shaped like pandas' DataFrame._repr_html_(), grown to about target_bytes."""
    rng = random.Random(target_bytes)
    head = ["<div>\n", STYLE, '<table border="1" class="dataframe">\n', "  <thead>\n",
            '    <tr style="text-align: right;">\n', "      <th></th>\n"]
    head += ["      <th>col%d</th>\n" % c for c in range(COLUMNS)]
    head += ["    </tr>\n", "  </thead>\n", "  <tbody>\n"]
    tail = ["  </tbody>\n", "</table>\n", "<p>%s</p>\n" % SEQ.decode(), "</div>"]
    size = sum(len(s) for s in head + tail)
    rows = []
    while size < target_bytes:
        cells = ["      <td>%.6f</td>\n" % rng.random() for _ in range(COLUMNS)]
        row = "    <tr>\n      <th>%d</th>\n%s    </tr>\n" % (len(rows), "".join(cells))
        rows.append(row)
        size += len(row)
    return "".join(head + rows + tail), len(rows)


def stream_text(target_bytes):
    prefix = "line %s " % SEQ.decode()
    pad = max(0, target_bytes - len(prefix) - 1 - (8 - len(SEQ)))
    return prefix + "x" * pad + "\n"


def display_content(target_bytes):
    """display_data content: the table as text/html, a short text/plain, as JSON bytes."""
    html, rows = table_html(target_bytes)
    plain = "<DataFrame: %d rows x %d columns, row %s>" % (rows, COLUMNS, SEQ.decode())
    return json.dumps({"data": {"text/html": html, "text/plain": plain}, "metadata": {},
                       "transient": {}}).encode()


class Kernel:
    def __init__(self, conn):
        if conn.get("signature_scheme", "hmac-sha256") != "hmac-sha256":
            raise SystemExit("flood_kernel: only hmac-sha256 is supported")
        self.key = conn.get("key", "").encode()
        self.session = uuid.uuid4().hex
        self.count = 0
        self.cache = {}
        self.ctx = zmq.Context()
        url = "%s://%s:" % (conn.get("transport", "tcp"), conn["ip"])

        def bind(kind, port):
            sock = self.ctx.socket(kind)
            sock.setsockopt(zmq.LINGER, 1000)
            sock.bind(url + str(port))
            return sock

        self.shell = bind(zmq.ROUTER, conn["shell_port"])
        self.control = bind(zmq.ROUTER, conn["control_port"])
        self.stdin = bind(zmq.ROUTER, conn["stdin_port"])
        self.iopub = self.ctx.socket(zmq.PUB)
        self.iopub.setsockopt(zmq.SNDHWM, 0)  # queue, never drop, when a reader is slow
        self.iopub.setsockopt(zmq.LINGER, 1000)
        self.iopub.bind(url + str(conn["iopub_port"]))
        hb = bind(zmq.REP, conn["hb_port"])
        threading.Thread(target=self.heartbeat, args=(hb,), daemon=True).start()

    @staticmethod
    def heartbeat(sock):
        while True:
            try:
                sock.send(sock.recv())
            except zmq.ZMQError:
                return

    def sign(self, header, parent, metadata, content):
        if not self.key:
            return b""
        mac = hmac.new(self.key, digestmod=hashlib.sha256)
        for part in (header, parent, metadata, content):
            mac.update(part)
        return mac.hexdigest().encode()

    def header(self, msg_type, msg_id, date):
        return ('{"msg_id":"%s","session":"%s","username":"flood","date":"%s",'
                '"msg_type":"%s","version":"5.3"}' % (msg_id, self.session, date, msg_type)
                ).encode()

    def frames(self, idents, msg_type, parent, content, msg_id=None, date=None):
        header = self.header(msg_type, msg_id or uuid.uuid4().hex, date or now())
        sig = self.sign(header, parent, b"{}", content)
        return list(idents) + [DELIM, sig, header, parent, b"{}", content]

    def publish(self, msg_type, parent, content):
        topic = ("kernel.%s.%s" % (self.session, msg_type)).encode()
        self.iopub.send_multipart(self.frames([topic], msg_type, parent, content))

    def status(self, state, parent):
        self.publish("status", parent, ('{"execution_state":"%s"}' % state).encode())

    def reply(self, sock, idents, msg_type, parent, content):
        sock.send_multipart(self.frames(idents, msg_type, parent, json.dumps(content).encode()))

    def template(self, kind, size):
        key = (kind, size)
        if key not in self.cache:
            if kind == "stream":
                content = {"name": "stdout", "text": stream_text(size)}
                self.cache[key] = ("stream", json.dumps(content).encode())
            else:
                self.cache[key] = ("display_data", display_content(size))
        return self.cache[key]

    def flood(self, parent, kind, size, n):
        msg_type, content = self.template(kind, size)
        topic = ("kernel.%s.%s" % (self.session, msg_type)).encode()
        base = uuid.uuid4().hex[:12]
        date = now()
        built = []
        for i in range(n):
            seq = b"%08d" % i
            built.append(self.frames([topic], msg_type, parent, content.replace(SEQ, seq),
                                     msg_id="%s-%d" % (base, i), date=date))
        self.status("busy", parent)
        send = self.iopub.send_multipart
        for frames in built:
            send(frames)

    def execute(self, idents, parent, content):
        self.count += 1
        words = json.loads(content).get("code", "").split()
        flooded = False
        if len(words) == 4 and words[0] == "flood" and words[1] in ("stream", "html"):
            try:
                size, n = int(words[2]), int(words[3])
            except ValueError:
                size = n = -1
            if 0 < size <= 64 << 20 and 0 <= n <= 10_000_000:
                self.flood(parent, words[1], size, n)
                flooded = True
        if not flooded:
            self.status("busy", parent)
        self.status("idle", parent)
        self.reply(self.shell, idents, "execute_reply", parent,
                   {"status": "ok", "execution_count": self.count, "user_expressions": {},
                    "payload": []})

    def handle(self, sock, msg):
        try:
            at = msg.index(DELIM)
            idents = msg[:at]
            sig, header, parent, metadata, content = msg[at + 1:at + 6]
        except ValueError:
            return  # not a Jupyter message
        if self.key and not hmac.compare_digest(sig, self.sign(header, parent, metadata, content)):
            print("flood_kernel: dropping a message with a bad signature", file=sys.stderr)
            return
        msg_type = json.loads(header).get("msg_type", "")
        if msg_type == "execute_request":
            self.execute(idents, header, content)
            return
        self.status("busy", header)
        if msg_type == "kernel_info_request":
            self.reply(sock, idents, "kernel_info_reply", header, {
                "status": "ok", "protocol_version": "5.3", "implementation": "flood_kernel",
                "implementation_version": "1.0", "banner": "flood_kernel (benchmark)",
                "help_links": [],
                "language_info": {"name": "python", "version": "3", "mimetype": "text/x-python",
                                  "file_extension": ".py"}})
        elif msg_type == "shutdown_request":
            restart = json.loads(content).get("restart", False)
            self.reply(sock, idents, "shutdown_reply", header, {"status": "ok", "restart": restart})
            self.status("idle", header)
            raise SystemExit(0)
        elif msg_type.endswith("_request"):
            self.reply(sock, idents, msg_type[:-len("_request")] + "_reply", header,
                       {"status": "ok"})
        self.status("idle", header)

    def run(self):
        parent_pid = os.getppid()
        poller = zmq.Poller()
        for sock in (self.shell, self.control, self.stdin):
            poller.register(sock, zmq.POLLIN)
        while True:
            ready = dict(poller.poll(1000))
            if not ready and os.getppid() != parent_pid:
                return  # whoever started us is gone: do not linger
            for sock in (self.control, self.shell, self.stdin):
                if sock in ready:
                    msg = sock.recv_multipart()
                    if sock is not self.stdin:
                        self.handle(sock, msg)


def now():
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-f", dest="connection_file")
    parser.add_argument("--dump-html", type=int, metavar="BYTES",
                        help="print the content of one 'flood html BYTES' display_data and exit")
    args = parser.parse_args()
    if args.dump_html:
        sys.stdout.buffer.write(display_content(args.dump_html).replace(SEQ, b"%08d" % 0))
        return
    if not args.connection_file:
        parser.error("-f CONNECTION_FILE is required")
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    with open(args.connection_file, encoding="utf-8") as f:
        conn = json.load(f)
    kernel = Kernel(conn)
    try:
        kernel.run()
    except SystemExit:
        pass
    finally:
        # flush what was sent (linger), then exit without waiting for the heartbeat thread,
        # which is blocked on its own socket (terminating the context would wait for it)
        for sock in (kernel.shell, kernel.control, kernel.stdin, kernel.iopub):
            sock.close(linger=1000)
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)


if __name__ == "__main__":
    main()
