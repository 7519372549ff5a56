#!/usr/bin/python3
"""Regenerates the protocol golden fixtures from Debian's real Jupyter code.

Run with /usr/bin/python3 (jupyter_client 7.4, jupyter_server 1.23). Every run makes new
msg_ids and dates, so the fixtures change but stay valid; the Java tests only compare Java's
output against what this script recorded.
"""
import base64
import hashlib
import hmac
import json
import os

from jupyter_client.jsonutil import json_default
from jupyter_client.session import Session
from jupyter_server.base.zmqhandlers import (
    serialize_binary_message,
    serialize_msg_to_ws_v1,
)

HERE = os.path.dirname(os.path.abspath(__file__))


def b64(b):
    return base64.b64encode(bytes(b)).decode("ascii")


def write(name, obj):
    with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
        json.dump(obj, f, indent=1, sort_keys=True)
        f.write("\n")


def case(name, key, scheme, msg_type, content, channel, buffers=(), idents=(b"ident-1",)):
    session = Session(key=key, signature_scheme=scheme, username="nbguard")
    parent = session.msg("execute_request", content={"code": "1+1"})
    msg = session.msg(msg_type, content=content, parent=parent, metadata={"m": 1})
    frames = session.serialize(msg, ident=list(idents))
    frames = frames + [bytes(b) for b in buffers]
    parts = frames[frames.index(b"<IDS|MSG>") + 2:]
    # what jupyter_server 1.23 writes to a v1 client
    v1 = serialize_msg_to_ws_v1(parts, channel)
    # what it writes to a legacy client (ZMQStreamHandler._reserialize_reply)
    legacy_msg = session.deserialize(frames[frames.index(b"<IDS|MSG>") + 1:])
    legacy_msg["channel"] = channel
    if legacy_msg["buffers"]:
        legacy = {"type": "binary", "payload_b64": b64(serialize_binary_message(legacy_msg))}
    else:
        text = json.dumps(legacy_msg, default=json_default)
        legacy = {"type": "text", "payload_b64": b64(text.encode("utf-8"))}
    write(name + ".json", {
        "source": "jupyter_client %s Session.serialize; jupyter_server serialize_msg_to_ws_v1 / "
                  "_reserialize_reply" % __import__("jupyter_client").__version__,
        "key_b64": b64(key),
        "scheme": scheme,
        "channel": channel,
        "msg_type": msg_type,
        "msg_id": msg["header"]["msg_id"],
        "zmq_frames_b64": [b64(f) for f in frames],
        "ws_v1_b64": b64(v1),
        "ws_legacy": legacy,
    })


case("display-data", b"nbguard-test-key", "hmac-sha256", "display_data",
     {"data": {"text/plain": "h\u00e9llo \u2713 \U0001F600",
               "text/html": "<b onclick=\"x()\">\u00e9</b>"},
      "metadata": {}, "transient": {}}, "iopub", idents=(b"kernel.abc.display_data",))
case("stream-sha512", b"another key \xe2\x9c\x93", "hmac-sha512", "stream",
     {"name": "stdout", "text": "tab\there\nquote\" backslash\\ \u0001\n"}, "iopub")
case("comm-msg-buffers", b"k", "hmac-sha1", "comm_msg",
     {"comm_id": "c1", "data": {"method": "update", "state": {}, "buffer_paths": [["v"]]}},
     "iopub", buffers=(b"\x00\x01\x02\xff", b"", b"third buffer"))
case("execute-reply-unsigned", b"", "hmac-sha256", "execute_reply",
     {"status": "ok", "execution_count": 3, "user_expressions": {}}, "shell",
     idents=(b"id-a", b"id-b"))

# HMAC known answers, straight from Python's hmac module
kat = []
for scheme, digest in [("hmac-sha256", hashlib.sha256), ("hmac-sha1", hashlib.sha1),
                       ("hmac-sha384", hashlib.sha384), ("hmac-sha512", hashlib.sha512),
                       ("hmac-md5", hashlib.md5), ("hmac-sha3_256", hashlib.sha3_256)]:
    for key, parts in [(b"secret", [b"{}", b"{}", b"{}", b"{}"]),
                       (b"x" * 200, [b'{"a":"\xc3\xa9"}', b"", b"{}", b'{"z":1}'])]:
        mac = hmac.new(key, digestmod=digest)
        for p in parts:
            mac.update(p)
        kat.append({"scheme": scheme, "key_b64": b64(key),
                    "parts_b64": [b64(p) for p in parts], "hex": mac.hexdigest()})
write("hmac-kat.json", {"source": "Python hmac module", "cases": kat})
