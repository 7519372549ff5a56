package dev.nbguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class SanitizeStreamingTest {
  /** Each answer arrives before the next question is asked: one process can serve a pipeline. */
  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void jsonlAnswersEachLineBeforeTheNextOneIsWritten() throws Exception {
    PipedOutputStream toCli = new PipedOutputStream();
    PipedInputStream cliIn = new PipedInputStream(toCli, 1 << 16);
    PipedInputStream fromCli = new PipedInputStream(1 << 16);
    PrintStream cliOut = new PrintStream(new PipedOutputStream(fromCli), false, StandardCharsets.UTF_8);
    PrintStream cliErr = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    CompletableFuture<Integer> run = CompletableFuture.supplyAsync(
        () -> Main.run(new String[] {"sanitize", "--jsonl"}, cliIn, cliOut, cliErr));
    BufferedReader answers = new BufferedReader(new InputStreamReader(fromCli, StandardCharsets.UTF_8));
    for (int i = 0; i < 3; i++) {
      send(toCli, "{\"data\":{\"text/plain\":\"q" + i + "\"}}\n");
      assertEquals("{\"data\":{\"text/plain\":\"q" + i + "\"}}", answers.readLine());
    }
    send(toCli, "not json\n");
    assertEquals("null", answers.readLine());
    toCli.close();
    assertEquals(2, run.get(20, TimeUnit.SECONDS));
    cliOut.close();
  }

  private static void send(OutputStream out, String line) throws Exception {
    out.write(line.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
