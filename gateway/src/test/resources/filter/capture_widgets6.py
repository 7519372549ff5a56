#!/usr/bin/python3
"""Records what classic Notebook 6.4.12 with Debian's ipywidgets 6.0 (jupyter-js-widgets 2.1)
and Debian's ipykernel 6.17 exchange for an HTML widget, both directions, as JSON fixtures.

Run: /usr/bin/python3 capture_widgets6.py  (writes widgets6.json beside this file). The client
messages are the ones the jupyter-js-widgets extension sends (version check comm, request_state
after a page reload, comm_info_request); kernel parts are the exact JSON text the kernel sent.
"""
import base64, json, os, time, uuid
from jupyter_client import KernelManager

HERE = os.path.dirname(os.path.abspath(__file__))
km = KernelManager(kernel_name="python3")
km.start_kernel()
session = km.session
shell = km.connect_shell()
iopub = km.connect_iopub()
time.sleep(1.0)
captured = []
label = ["setup"]


def record(channel, direction, parts):
    header = json.loads(parts[1])
    captured.append({"case": label[0], "direction": direction, "channel": channel,
                     "msg_type": header["msg_type"], "header": parts[1].decode(),
                     "parent_header": parts[2].decode(), "metadata": parts[3].decode(),
                     "content": parts[4].decode(),
                     "buffers_b64": [base64.b64encode(b).decode() for b in parts[5:]]})


def recv(sock, channel, timeout):
    if not sock.poll(int(timeout * 1000)):
        return None
    _, parts = session.feed_identities(sock.recv_multipart())
    record(channel, "kernel", parts)
    return captured[-1]


def send(msg_type, content):
    msg = session.msg(msg_type, content)
    parts = [json.dumps(msg[k], default=str).encode()
             for k in ("header", "parent_header", "metadata", "content")]
    record("shell", "client", [b"<IDS|MSG>"] + parts)
    session.send(shell, msg)
    return msg


def drain(msg, reply_expected=True, quiet=2.0):
    """Reads the reply and IOPub until the request's idle status, then until quiet."""
    got_reply = not reply_expected
    deadline = time.time() + 20
    idle = False
    while time.time() < deadline and not (got_reply and idle):
        if not got_reply and recv(shell, "shell", 0.2):
            got_reply = True
        r = recv(iopub, "iopub", 0.2)
        if r and r["msg_type"] == "status" and json.loads(r["content"])["execution_state"] == "idle" \
                and json.loads(r["parent_header"]).get("msg_id") == msg["header"]["msg_id"]:
            idle = True
    while recv(iopub, "iopub", quiet):
        pass


def execute(code):
    drain(send("execute_request", {"code": code, "silent": False, "store_history": True,
                                   "user_expressions": {}, "allow_stdin": False,
                                   "stop_on_error": True}))


for _ in range(20):
    session.send(shell, "kernel_info_request", {})
    if iopub.poll(500):
        break
time.sleep(1.0)
while recv(shell, "shell", 1.0) or recv(iopub, "iopub", 0.5):
    pass
captured.clear()

# the page loads before ipywidgets is imported: the version comm has no target, the kernel closes it
label[0] = "version-before-import"
drain(send("comm_open", {"comm_id": uuid.uuid4().hex, "target_name": "jupyter.widget.version",
                         "data": {}}), reply_expected=False)
label[0] = "import"
execute("import ipywidgets as w")
# kernel_connected again (or a reload): the version check now succeeds
label[0] = "version-check"
vid = uuid.uuid4().hex
drain(send("comm_open", {"comm_id": vid, "target_name": "jupyter.widget.version", "data": {}}),
      reply_expected=False)
drain(send("comm_msg", {"comm_id": vid, "data": {"validated": True, "frontend_version": "2.1.4"}}),
      reply_expected=False)
label[0] = "html-benign"
execute("h = w.HTML('<b>hello</b>', description='greeting')\nh")
label[0] = "html-update"
execute("h.value = '<i>world</i>'")
# a page reload: comm_info_request, then request_state on each widget comm
label[0] = "reload"
drain(send("comm_info_request", {"target_name": "jupyter.widget"}))
comms = json.loads([c for c in captured if c["msg_type"] == "comm_info_reply"][-1]["content"])["comms"]
for cid in comms:
    drain(send("comm_msg", {"comm_id": cid, "data": {"method": "request_state"}}),
          reply_expected=False)
label[0] = "html-attack"
execute("a = w.HTML('<span>ipywidget</span><img src=x onerror=\"alert(1)\">')\na")
label[0] = "html-attack-update"
execute("a.value = '<b>x</b><script>alert(2)</script>'")

with open(os.path.join(HERE, "widgets6.json"), "w") as f:
    json.dump(captured, f, indent=1, ensure_ascii=False)
    f.write("\n")
km.shutdown_kernel(now=True)
print(len(captured), "messages")
