package dev.nbguard.cli;

import dev.nbguard.filter.AuditLog;
import dev.nbguard.proxy.JupyterFlavor;
import dev.nbguard.proxy.LabSession;
import dev.nbguard.sanitizer.OutputPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nbguard lab}: a private Jupyter server behind the proxy, in one command. */
@Command(
    name = "lab",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Starts Jupyter (JupyterLab if installed, else Jupyter Server with nbclassic, else the"
          + " classic Notebook) on a private loopback port with a random token, puts nbguard in"
          + " front of it and prints the one URL to open. Every output and every notebook the"
          + " browser sees is sanitized under the output policy.",
      "%nCtrl-C or SIGTERM stops nbguard, Jupyter and its kernels. Jupyter's own log goes to a"
          + " file (it names Jupyter's unguarded port: do not open that)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:stopped",
        "2:bad usage, Jupyter not installed, or Jupyter did not start", ExitCodes.LIST_INTERNAL})
final class LabCommand implements Callable<Integer> {

  private final Io io;

  @Option(names = "--ip", paramLabel = "ADDRESS", defaultValue = "${env:NBGUARD_IP:-127.0.0.1}",
      description = "Address the proxy listens on ($NBGUARD_IP, default 127.0.0.1).")
  String ip;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "${env:NBGUARD_PORT:-8890}",
      description = "Port the proxy listens on, 0 for any free one ($NBGUARD_PORT, default"
          + " 8890).")
  int port;

  @Option(names = "--allow-remote",
      description = "Allow a non-loopback --ip (plain HTTP; the token is the only guard).")
  boolean allowRemote;

  @Option(names = "--root-dir", paramLabel = "DIR",
      description = "Directory Jupyter serves (default: the current directory).")
  Path rootDir;

  @Option(names = "--jupyter-log", paramLabel = "FILE",
      description = "Where Jupyter's own output goes (default: a new temporary file).")
  Path jupyterLog;

  @Option(names = "--start-timeout", paramLabel = "SECONDS", defaultValue = "60",
      description = "How long Jupyter may take to answer (default 60).")
  long startTimeout;

  @Mixin PolicyOption policy;

  @Mixin AuditOption auditOption;

  LabCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() throws Exception {
    OutputPolicy outputPolicy;
    try {
      ListenCheck.config(dev.nbguard.proxy.Upstream.parse("http://127.0.0.1:1"), ip, port,
          allowRemote);
      outputPolicy = policy.load();
    } catch (IllegalArgumentException e) {
      io.error(e.getMessage());
      return ExitCodes.USAGE;
    }
    Optional<JupyterFlavor.Found> jupyter = JupyterFlavor.find(System.getenv("PATH"));
    if (jupyter.isEmpty()) {
      io.error("no Jupyter found on the PATH (looked for jupyter-lab, jupyter-nbclassic,"
          + " jupyter-notebook). Install it, e.g. on Debian or Ubuntu:");
      io.err().println("  " + JupyterFlavor.installCommand(
          "root".equals(System.getProperty("user.name"))));
      return ExitCodes.USAGE;
    }
    Path dir = rootDir != null ? rootDir : Path.of("").toAbsolutePath();
    Path log = jupyterLog != null ? jupyterLog : LabSession.newLogFile();
    io.out().println("nbguard lab: starting " + jupyter.get().flavor().description() + ": "
        + jupyter.get().executable() + "; its log: " + log);
    io.out().flush();
    AuditLog audit;
    try {
      audit = auditOption.open();
    } catch (java.io.IOException e) {
      io.error("cannot open the audit log: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    LabSession session;
    try {
      session = LabSession.start(new LabSession.Options(jupyter.get(), dir, log, ip, port,
          allowRemote, Duration.ofSeconds(startTimeout)), outputPolicy, audit);
    } catch (Exception e) {
      audit.close();
      io.error("cannot start: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      io.out().println("nbguard lab: stopping Jupyter and its kernels");
      io.out().flush();
      session.close();
      audit.close();
      stopped.countDown();
    }, "nbguard-lab-stop"));
    io.out().println("nbguard lab: serving " + dir + " through nbguard. Open:");
    io.out().println("    " + session.url());
    io.out().flush();
    CompletableFuture<?> exited = session.upstream().onExit();
    exited.thenRun(() -> {
      if (stopped.getCount() > 0) {
        io.error("Jupyter exited; see " + log);
        stopped.countDown();
      }
    });
    stopped.await();
    return ExitCodes.OK;
  }
}
