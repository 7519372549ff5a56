package dev.nbguard.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the end-to-end tests find things. Failsafe passes the paths as system properties (see
 * e2e-tests/pom.xml); the defaults assume the working directory is the e2e-tests module.
 */
public record E2eSettings(
    Path harnessDir, Path corpusDir, Path outDir, int concurrency, Duration harnessTimeout) {

  public static E2eSettings fromSystemProperties() {
    Path module = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    Path harness = path("nbguard.e2e.harness", module.resolve("harness"));
    Path corpus = path("nbguard.corpus", module.resolve("../corpus"));
    Path out = path("nbguard.e2e.out", module.resolve("target"));
    int concurrency = Integer.getInteger("nbguard.e2e.concurrency", 2);
    Duration timeout = Duration.ofMinutes(Long.getLong("nbguard.e2e.timeoutMinutes", 30));
    return new E2eSettings(harness, corpus, out, concurrency, timeout);
  }

  private static Path path(String property, Path fallback) {
    String value = System.getProperty(property);
    Path p = value == null || value.isBlank() ? fallback : Path.of(value);
    return p.toAbsolutePath().normalize();
  }

  public Path attacksDir() {
    return corpusDir.resolve("attacks");
  }

  public Path benignDir() {
    return corpusDir.resolve("benign");
  }

  /** A directory under target/ for this run's case and result files. */
  public Path workDir(String name) {
    Path dir = outDir.resolve("e2e").resolve(name);
    try {
      Files.createDirectories(dir);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return dir;
  }
}
