#!/usr/bin/python3
"""Records raw kernel messages from Debian's ipykernel 6.17 as JSON fixtures for the filter tests.

Run: /usr/bin/python3 capture.py  (writes captured.json beside this file). Every part is kept as the
exact UTF-8 JSON text the kernel sent, so tests can check that untouched parts stay byte-identical.
"""
import base64, json, os, time
from jupyter_client import KernelManager

HERE = os.path.dirname(os.path.abspath(__file__))
km = KernelManager(kernel_name="python3")
km.start_kernel()
session = km.session
shell = km.connect_shell()
iopub = km.connect_iopub()
control = km.connect_control()
time.sleep(1.0)
captured = []


def recv(sock, channel, timeout=10.0):
    if not sock.poll(int(timeout * 1000)):
        return None
    frames = sock.recv_multipart()
    idents, parts = session.feed_identities(frames)
    header = json.loads(parts[1])
    rec = {"channel": channel, "msg_type": header["msg_type"],
           "header": parts[1].decode(), "parent_header": parts[2].decode(),
           "metadata": parts[3].decode(), "content": parts[4].decode(),
           "buffers_b64": [base64.b64encode(b).decode() for b in parts[5:]]}
    captured.append(rec)
    return rec


def request(sock, channel, msg_type, content, label):
    msg = session.send(sock, msg_type, content)
    reply = None
    while reply is None:
        reply = recv(sock, channel)
    reply["case"] = label
    # drain iopub until idle for this request
    deadline = time.time() + 15
    while time.time() < deadline:
        r = recv(iopub, "iopub", 2.0)
        if r is None:
            break
        r["case"] = label
        if r["msg_type"] == "status" and json.loads(r["content"])["execution_state"] == "idle" \
                and json.loads(r["parent_header"]).get("msg_id") == msg["header"]["msg_id"]:
            break
    return reply


def execute(code, label, user_expressions=None):
    return request(shell, "shell", "execute_request",
                   {"code": code, "silent": False, "store_history": True,
                    "user_expressions": user_expressions or {}, "allow_stdin": False,
                    "stop_on_error": True}, label)


# nudge until iopub answers (5.3 kernels send no welcome)
for _ in range(20):
    session.send(shell, "kernel_info_request", {})
    if iopub.poll(500):
        break
time.sleep(1.0)
while recv(shell, 'shell', 1.0) or recv(iopub, 'iopub', 0.5):
    pass
captured.clear()
request(shell, "shell", "kernel_info_request", {}, "kernel-info")
execute("from IPython.display import display, HTML, Markdown\n"
        "display(HTML('<img src=x onerror=alert(1)>'))", "html-attack")
execute("display(HTML('<b>hello</b>'))", "html-benign")
execute("display(Markdown('[x](javascript:alert(1)) <img src=x onerror=alert(2)>'))", "markdown-attack")
execute("HTML('<svg onload=alert(8)>')", "execute-result-attack")
execute("print('hi'); 1+1", "stream-and-result")
execute("dh = display(HTML('a'), display_id=True)\ndh.update(HTML('<img src=x onerror=alert(7)>'))",
        "update-display")
execute("from IPython.core import page\n"
        "page.page({'text/html': '<img src=x onerror=alert(5)>', 'text/plain': 'paged'})", "pager")
execute("get_ipython().set_next_input('print(1)')", "set-next-input")
execute("x = 1", "user-expressions",
        {"h": "HTML('<img src=x onerror=alert(6)>')", "n": "1+1"})
execute("1/0", "error")
execute("import ipywidgets as w\nh = w.HTML('<img src=x onerror=alert(3)>')\ndisplay(h)", "widget-open")
execute("h.value = '<script>alert(4)</script><i>ok</i>'", "widget-update")
execute("im = w.Image(value=b'\\x89PNG\\r\\n\\x1a\\n0000', format='png')\ndisplay(im)", "widget-image")
execute("h.close()", "widget-close")
request(shell, "shell", "inspect_request", {"code": "print", "cursor_pos": 5, "detail_level": 0},
        "inspect")
execute("hv = HTML('<img src=x onerror=alert(9)>')", "debug-setup")
request(control, "control", "debug_request",
        {"type": "request", "seq": 1, "command": "richInspectVariables",
         "arguments": {"variableName": "hv"}}, "debug-rich")
execute("from IPython.display import clear_output\nclear_output()", "clear-output")

with open(os.path.join(HERE, "captured.json"), "w") as f:
    json.dump(captured, f, indent=1, ensure_ascii=False)
    f.write("\n")
km.shutdown_kernel(now=True)
print(len(captured), "messages")
