# Jupyter Server (and JupyterHub single-user servers) in front of an nbguard gateway.
#
#   ./nbguard gateway --token "$NBGUARD_TOKEN"            # owns the kernels, sanitizes output
#   jupyter server --config=jupyter-config/gateway/jupyter_server_config.py
#
# Every kernel then runs behind nbguard: Jupyter Server asks it for kernelspecs and kernels over
# REST and relays the kernel WebSocket through it, and every output reaches the browser
# sanitized. The same settings as environment variables (Jupyter Server 1.23 and Notebook 6.4
# read them too):
#   JUPYTER_GATEWAY_URL=http://127.0.0.1:8889  JUPYTER_GATEWAY_AUTH_TOKEN=$NBGUARD_TOKEN
import os

c = get_config()  # noqa: F821 (provided by Jupyter when it loads this file)

c.GatewayClient.url = os.environ.get("NBGUARD_URL", "http://127.0.0.1:8889")
# The token nbguard was started with (nbguard refuses requests without it).
c.GatewayClient.auth_token = os.environ.get("NBGUARD_TOKEN", "")
# Kernel start waits for the kernel's first answer; leave room on a busy machine.
c.GatewayClient.request_timeout = float(os.environ.get("NBGUARD_REQUEST_TIMEOUT", "60"))
c.GatewayClient.connect_timeout = float(os.environ.get("NBGUARD_CONNECT_TIMEOUT", "60"))
# Only KERNEL_* variables reach kernels through nbguard; forward these from the server's env.
c.GatewayClient.env_whitelist = os.environ.get("NBGUARD_FORWARD_ENV", "KERNEL_USERNAME")
