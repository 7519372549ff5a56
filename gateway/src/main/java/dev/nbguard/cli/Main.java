package dev.nbguard.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code nbguard} command line: sanitize, clean, gateway, proxy and lab. */
@Command(
    name = "nbguard",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Rewrites Jupyter output (HTML, SVG, Markdown, LaTeX, JavaScript, widget state) so"
        + " that nothing in it can run script in the page.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      ExitCodes.LIST_OK, ExitCodes.LIST_FINDINGS, ExitCodes.LIST_USAGE, ExitCodes.LIST_INTERNAL
    })
public final class Main implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }

  public static void main(String[] args) {
    LogSettings.apply();
    PrintStream out = new PrintStream(
        new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16), false,
        StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    int code = run(args, System.in, out, err);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs one command with the given streams; returns the exit code (never calls System.exit). */
  public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
    Io io = new Io(in, out, err);
    CommandLine cmd = new CommandLine(new Main());
    cmd.addSubcommand(new CommandLine(new SanitizeCommand(io)));
    cmd.addSubcommand(new CommandLine(new CleanCommand(io)));
    cmd.addSubcommand(new CommandLine(new GatewayCommand(io)));
    cmd.addSubcommand(new CommandLine(new ProxyCommand(io)));
    cmd.addSubcommand(new CommandLine(new LabCommand(io)));
    cmd.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    cmd.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    cmd.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      commandLine.getErr().println("nbguard: internal error: " + e);
      return ExitCodes.INTERNAL;
    });
    int code = cmd.execute(args);
    out.flush();
    return code;
  }
}
