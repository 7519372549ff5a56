#!/usr/bin/python3
"""Round trips to the flood kernel alone through pyzmq (libzmq), for benchmarks/run-gateway.

    /usr/bin/python3 zmq_round_trips.py FLOOD_KERNEL_SCRIPT N

Starts flood_kernel.py on free loopback ports, sends N trivial execute_requests on a DEALER
(after N/5 uncounted ones), one at a time, each timed from send to its execute_reply, and prints
"p50 <ms> p99 <ms>". A second reference for the "kernel alone" column, whose Java client (JeroMQ)
has a tail of its own on this machine.
"""

import hashlib
import hmac
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import uuid

import zmq


def free_ports(n):
    socks = [socket.socket() for _ in range(n)]
    try:
        for s in socks:
            s.bind(("127.0.0.1", 0))
        return [s.getsockname()[1] for s in socks]
    finally:
        for s in socks:
            s.close()


def main():
    script, n = sys.argv[1], int(sys.argv[2])
    key = uuid.uuid4().hex
    names = ("shell_port", "iopub_port", "stdin_port", "control_port", "hb_port")
    conn = dict(zip(names, free_ports(len(names))), ip="127.0.0.1", transport="tcp", key=key,
                signature_scheme="hmac-sha256")
    with tempfile.TemporaryDirectory() as work:
        path = os.path.join(work, "kernel.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(conn, f)
        kernel = subprocess.Popen([sys.executable, script, "-f", path])
        try:
            print(measure(conn, key.encode(), n))
        finally:
            kernel.terminate()
            kernel.wait(10)


def measure(conn, key, n):
    ctx = zmq.Context()
    shell = ctx.socket(zmq.DEALER)
    shell.setsockopt(zmq.LINGER, 0)
    shell.connect("tcp://127.0.0.1:%d" % conn["shell_port"])
    shell.setsockopt(zmq.RCVTIMEO, 30_000)

    def request():
        header = json.dumps({"msg_id": uuid.uuid4().hex, "session": "bench", "username": "bench",
                             "date": "2026-01-01T00:00:00Z", "msg_type": "execute_request",
                             "version": "5.3"}).encode()
        content = b'{"code":"pass","silent":false}'
        mac = hmac.new(key, digestmod=hashlib.sha256)
        for part in (header, b"{}", b"{}", content):
            mac.update(part)
        return [b"<IDS|MSG>", mac.hexdigest().encode(), header, b"{}", b"{}", content]

    times = []
    for i in range(n // 5 + n):
        frames = request()
        start = time.perf_counter()
        shell.send_multipart(frames)
        shell.recv_multipart()  # the execute_reply (the kernel answers nothing else on shell)
        if i >= n // 5:
            times.append((time.perf_counter() - start) * 1000)
    ctx.destroy(0)
    times.sort()
    return "p50 %.2f p99 %.2f" % (times[len(times) // 2], times[min(len(times) - 1,
                                                                         int(len(times) * 0.99))])


if __name__ == "__main__":
    main()
