package dev.nbguard.e2e.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The command line that starts nbguard as a user does: the repository's {@code nbguard}
 * launcher, which gives each command its JVM options (the proxy runs with the client compiler
 * only, see the launcher), on this test's Java.
 */
final class NbguardLauncher {

  private NbguardLauncher() {}

  /**
   * {@code nbguard args…} for the shaded jar at {@code jar}, which must be the launcher's own
   * ({@code <repo>/gateway/target/nbguard.jar}, as the build leaves it).
   */
  static List<String> command(Path jar, String... args) {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("no nbguard jar at " + jar
          + " (build it: mvn -B -pl gateway -am package -DskipTests, or ./nbguard --help)");
    }
    Path abs = jar.toAbsolutePath().normalize();
    Path repo = abs.getNameCount() > 3 ? abs.getParent().getParent().getParent() : abs;
    Path launcher = repo.resolve("nbguard");
    if (!Files.isExecutable(launcher) || !repo.resolve("gateway/target/nbguard.jar").equals(abs)) {
      throw new IllegalStateException("the jar " + jar + " is not the one the launcher "
          + launcher + " runs");
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(launcher.toString());
    cmd.addAll(List.of(args));
    return cmd;
  }

  /** The launcher's environment: this test's Java. */
  static Map<String, String> env() {
    return Map.of("JAVA_HOME", System.getProperty("java.home"));
  }
}
