package dev.nbguard.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Replaces a file so that readers, and a crash at any point, see either the old content or the
 * new one, never a part: write a temporary file in the same directory, fsync it, rename it over
 * the target atomically, fsync the directory. An existing target keeps its permissions (and,
 * where allowed, its owner and group); a symlinked target is written through the link.
 */
final class AtomicFiles {
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Writes the content to an output stream; the stream is closed by the caller. */
  @FunctionalInterface
  interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  private AtomicFiles() {}

  static void write(Path target, Content content) throws IOException {
    Path real = Files.exists(target) ? target.toRealPath() : target.toAbsolutePath();
    Path dir = real.getParent();
    byte[] suffix = new byte[6];
    RANDOM.nextBytes(suffix);
    Path tmp = dir.resolve("." + real.getFileName() + ".nbguard-" + HexFormat.of().formatHex(suffix) + ".tmp");
    try {
      // CREATE_NEW without explicit permissions: a new file gets the umask's permissions.
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
        content.writeTo(out);
        out.flush();
        copyAttributes(real, tmp);
        ch.force(true);
      }
      try {
        Files.move(tmp, real, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException("cannot replace " + real + " atomically: " + e.getMessage(), e);
      }
    } catch (IOException | RuntimeException | Error e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    syncDirectory(dir);
  }

  private static void copyAttributes(Path from, Path to) throws IOException {
    if (!Files.exists(from)) {
      return;
    }
    PosixFileAttributeView fromView =
        Files.getFileAttributeView(from, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    PosixFileAttributeView toView = Files.getFileAttributeView(to, PosixFileAttributeView.class);
    if (fromView == null || toView == null) {
      return; // not a POSIX file system: nothing more to keep
    }
    PosixFileAttributes attrs = fromView.readAttributes();
    try {
      PosixFileAttributes now = toView.readAttributes();
      if (!now.owner().equals(attrs.owner())) {
        toView.setOwner(attrs.owner());
      }
      if (!now.group().equals(attrs.group())) {
        toView.setGroup(attrs.group());
      }
    } catch (IOException e) {
      // only root may give files away; the permissions below still hold
    }
    toView.setPermissions(attrs.permissions());
  }

  private static void syncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // some systems cannot open a directory for fsync; the rename itself is still atomic
    }
  }
}
