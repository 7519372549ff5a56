package dev.nbguard.sanitizer.css;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nbguard.sanitizer.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One sanitizer per policy, shared by every thread: results do not depend on interleaving. */
class CssConcurrencyTest {
  @Test
  @Timeout(60)
  void sharedInstanceGivesTheSameResultOnEveryThread() throws Exception {
    String css = Files.readString(Path.of("src/test/resources/css/pandas-styler-gradient.input.css"))
        + Files.readString(Path.of("src/test/resources/css/hostile-obfuscation.input.css"));
    String expected = CssTestSupport.stylesheet(css).css();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        results.add(pool.submit(
            () -> CssTestSupport.CSS.sanitizeStylesheet(css, CssTestSupport.IDS,
                new Report("text/html"))));
      }
      for (Future<String> f : results) {
        assertEquals(expected, f.get(30, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
