package dev.nbguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nbguard.sanitizer.notebook.NotebookJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** A notebook read from a file or stdin ({@code -}): its exact bytes and its JSON tree. */
record NotebookInput(String name, byte[] bytes, JsonNode tree) {
  /**
   * Reads and parses; IllegalArgumentException with a clear reason (no such file, not UTF-8,
   * {@code line N: not valid JSON: …}) otherwise.
   */
  static NotebookInput read(String name, InputStream stdin) {
    byte[] bytes;
    try {
      if (name.equals("-")) {
        bytes = stdin.readAllBytes();
      } else {
        Path p = Path.of(name);
        if (Files.isDirectory(p)) {
          throw new IllegalArgumentException("is a directory, not a notebook");
        }
        bytes = Files.readAllBytes(p);
      }
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("no such file", e);
    } catch (AccessDeniedException e) {
      throw new IllegalArgumentException("permission denied", e);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read: " + e.getMessage(), e);
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("not valid UTF-8, so not a notebook", e);
    }
    return new NotebookInput(name, bytes, NotebookJson.read(text));
  }
}
