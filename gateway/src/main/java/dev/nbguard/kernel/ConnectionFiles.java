package dev.nbguard.kernel;

import dev.nbguard.protocol.Signer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Makes connection info for new kernels (fresh key, free loopback ports) and writes connection
 * files, readable by the owner only, into a private runtime directory. Thread-safe.
 */
public final class ConnectionFiles {

  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  private static final Set<PosixFilePermission> DIR_MODE =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> FILE_MODE =
      PosixFilePermissions.fromString("rw-------");

  private final Path runtimeDir;
  private final String ip;
  private final SecureRandom random = new SecureRandom();

  /**
   * @param runtimeDir directory for connection files and kernel logs; created {@code 0700} if
   *     missing, and made {@code 0700} if it exists
   * @param ip the loopback address kernels listen on, e.g. {@code 127.0.0.1}
   */
  public ConnectionFiles(Path runtimeDir, String ip) {
    this.runtimeDir = Objects.requireNonNull(runtimeDir, "runtimeDir").toAbsolutePath();
    this.ip = Objects.requireNonNull(ip, "ip");
    try {
      Files.createDirectories(this.runtimeDir);
      if (POSIX) {
        Files.setPosixFilePermissions(this.runtimeDir, DIR_MODE);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare runtime dir " + runtimeDir, e);
    }
  }

  public Path runtimeDir() {
    return runtimeDir;
  }

  /** A 64-hex-digit key from 32 bytes of {@link SecureRandom}. */
  public String newKey() {
    byte[] b = new byte[32];
    random.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /**
   * Connection info for a new kernel: a fresh key and five distinct free TCP ports on
   * {@link #ip}. The ports are found by binding port 0 and are all held until the five are
   * known, then released together; the caller should launch the kernel right away to keep the
   * window in which another process could take one small.
   */
  public ConnectionInfo allocate(String kernelName) throws IOException {
    int[] ports = freePorts(5);
    return new ConnectionInfo(ConnectionInfo.Transport.TCP, ip, ports[0], ports[1], ports[2],
        ports[3], ports[4], newKey(), Signer.DEFAULT_SCHEME, kernelName);
  }

  private int[] freePorts(int count) throws IOException {
    List<ServerSocket> held = new ArrayList<>(count);
    try {
      InetAddress address = InetAddress.getByName(ip);
      int[] out = new int[count];
      for (int i = 0; i < count; i++) {
        ServerSocket s = new ServerSocket();
        held.add(s);
        s.bind(new InetSocketAddress(address, 0));
        out[i] = s.getLocalPort();
      }
      return out;
    } finally {
      for (ServerSocket s : held) {
        s.close();
      }
    }
  }

  /**
   * Writes {@code info} to {@code kernel-<id>.json} in the runtime directory, created with mode
   * {@code 0600} before any byte of the key is written.
   */
  public Path write(String kernelId, ConnectionInfo info) throws IOException {
    Path file = fileFor(kernelId);
    Files.deleteIfExists(file);
    if (POSIX) {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE_MODE));
    } else {
      Files.createFile(file);
    }
    try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      out.write(info.toJsonBytes());
    }
    return file;
  }

  /** Where {@link #write} puts the connection file of {@code kernelId}. */
  public Path fileFor(String kernelId) {
    return runtimeDir.resolve("kernel-" + safeId(kernelId) + ".json");
  }

  /** The log file for the kernel's stdout and stderr. */
  public Path logFor(String kernelId) {
    return runtimeDir.resolve("kernel-" + safeId(kernelId) + ".log");
  }

  private static String safeId(String id) {
    if (!id.matches("[A-Za-z0-9-]{1,64}")) {
      throw new IllegalArgumentException("bad kernel id '" + id + "'");
    }
    return id;
  }
}
