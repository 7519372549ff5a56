"""A Jupyter Server 1.23 gateway session manager that sends only KERNEL_* variables as a
session kernel's env (the stock one sends the server's whole environment and JPY_SESSION_NAME,
which nbguard's gateway refuses with 400). Test-only workaround; see GatewayDeployment.java."""
import os

from jupyter_server.gateway.managers import GatewaySessionManager


class KernelEnvOnlySessionManager(GatewaySessionManager):
    def get_kernel_env(self, path):
        return {k: v for k, v in os.environ.items() if k.startswith("KERNEL_")}
