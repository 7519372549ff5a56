package dev.nbguard.e2e.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code nbguard gateway} as a real process, run from the shaded jar the reactor builds
 * (gateway/target/nbguard.jar), on a free loopback port with a fixed token and the default output
 * policy. It owns Debian's {@code python3} kernels.
 */
final class GatewayProcess implements AutoCloseable {
  private static final Pattern LISTENING =
      Pattern.compile("nbguard gateway: listening on http://127\\.0\\.0\\.1:(\\d+)/");

  private final ServiceProcess process;
  private final int port;
  private final String token;
  private final Path auditLog;

  private GatewayProcess(ServiceProcess process, int port, String token, Path auditLog) {
    this.process = process;
    this.port = port;
    this.token = token;
    this.auditLog = auditLog;
  }

  /**
   * The audit log's entries for one kernel message (waits up to 10 s for the first one: the
   * log is written off the message path).
   */
  List<JsonNode> auditEntries(String msgId) throws Exception {
    ObjectMapper json = new ObjectMapper();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (true) {
      List<JsonNode> found = new ArrayList<>();
      if (Files.exists(auditLog)) {
        for (String line : Files.readAllLines(auditLog)) {
          if (line.contains(msgId)) {
            JsonNode e = json.readTree(line);
            if (e.path("msg_id").asText().equals(msgId)) {
              found.add(e);
            }
          }
        }
      }
      if (!found.isEmpty() || System.nanoTime() > deadline) {
        return found;
      }
      Thread.sleep(100);
    }
  }

  /**
   * Starts the gateway with its files (log, runtime dir, audit log {@code audit.jsonl}) under
   * {@code dir}.
   */
  static GatewayProcess start(Path dir, String token) throws Exception {
    Path jar = GatewaySettings.jar();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("no gateway jar at " + jar
          + " (build the reactor: mvn verify from the repo root, or ./nbguard --help)");
    }
    Path runtime = Files.createDirectories(dir.resolve("gateway-runtime"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ServiceProcess p = ServiceProcess.start("nbguard gateway",
        List.of(java, "-jar", jar.toString(), "gateway", "--ip", "127.0.0.1", "--port", "0",
            "--token", token, "--policy", "default", "--default-kernel", "python3",
            "--runtime-dir", runtime.toString(),
            "--audit-log", dir.resolve("audit.jsonl").toString()),
        GatewaySettings.kernelEnv(dir), dir.resolve("gateway.log"));
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      Matcher m = LISTENING.matcher(p.logText());
      if (m.find()) {
        return new GatewayProcess(p, Integer.parseInt(m.group(1)), token,
            dir.resolve("audit.jsonl"));
      }
      if (!p.isAlive() || System.nanoTime() > deadline) {
        p.close();
        throw new IllegalStateException("the gateway did not start; " + p.log() + " ends with:\n"
            + p.logTail(30));
      }
      Thread.sleep(100);
    }
  }

  int port() {
    return port;
  }

  String token() {
    return token;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  Rest rest() {
    return new Rest(URI.create(baseUrl()), token);
  }

  /** {@code ws://…/api/kernels/ID/channels?session_id=S&token=T}. */
  URI channels(String kernelId, String sessionId) {
    return URI.create("ws://127.0.0.1:" + port + "/api/kernels/" + kernelId
        + "/channels?session_id=" + sessionId + "&token=" + token);
  }

  void checkAlive() {
    process.checkAlive();
  }

  String logTail(int lines) {
    return process.logTail(lines);
  }

  Map<String, String> environmentForDownstream() {
    return Map.of("NBGUARD_URL", baseUrl(), "NBGUARD_TOKEN", token);
  }

  @Override
  public void close() {
    process.stop(Duration.ofSeconds(20));
  }
}
