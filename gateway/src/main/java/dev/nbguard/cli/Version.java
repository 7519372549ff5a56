package dev.nbguard.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version Maven recorded in the jar; "development build" when run from classes. */
public final class Version implements IVersionProvider {
  private static final String POM =
      "/META-INF/maven/dev.nbguard/nbguard-gateway/pom.properties";

  @Override
  public String[] getVersion() {
    return new String[] {"nbguard " + version()};
  }

  static String version() {
    try (InputStream in = Version.class.getResourceAsStream(POM)) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        return p.getProperty("version", "(unknown version)");
      }
    } catch (IOException e) {
      // fall through
    }
    return "(development build)";
  }
}
