package dev.nbguard.e2e;

import dev.nbguard.sanitizer.Preset;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** target/attack-report.md: per category, how many attacks ran raw and after nbguard. */
public final class AttackReport {
  private AttackReport() {}

  public static void write(AttackRun run, Path file) {
    Map<String, int[]> perCategory = new TreeMap<>();
    List<String> notCounted = new ArrayList<>();
    List<String> escaped = new ArrayList<>();
    for (CorpusCase c : run.cases()) {
      int[] n = perCategory.computeIfAbsent(c.category(), k -> new int[4]);
      n[0]++;
      boolean raw = run.executesRaw(c.id());
      if (raw) {
        n[1]++;
      } else {
        String why = run.raw(c.id()).flatMap(HarnessResult::error).map(e -> " (error: " + e + ")").orElse("");
        notCounted.add("- `" + c.id() + "` — " + c.source() + why);
      }
      for (int i = 0; i < AttackRun.PRESETS.size(); i++) {
        Preset preset = AttackRun.PRESETS.get(i);
        var result = run.sanitized(preset, c.id());
        if (result.isPresent() && result.get().executed()) {
          n[2 + i]++;
          escaped.add("- `" + c.id() + "` [" + preset.label() + "]: " + result.get().describe());
        }
      }
    }
    StringBuilder md = new StringBuilder();
    md.append("# Attack corpus in JupyterLab's renderers (headless Chromium)\n\n");
    md.append("Raw = rendered as JupyterLab renders trusted live output. A case counts when it ")
        .append("executes raw; it must then not execute after nbguard.\n\n");
    md.append("| category | cases | execute raw | execute after default | execute after strict |\n");
    md.append("|---|---:|---:|---:|---:|\n");
    int[] total = new int[4];
    perCategory.forEach((category, n) -> {
      md.append("| ").append(category);
      for (int i = 0; i < n.length; i++) {
        md.append(" | ").append(n[i]);
        total[i] += n[i];
      }
      md.append(" |\n");
    });
    md.append("| **total**");
    for (int i = 0; i < total.length; i++) {
      md.append(" | **").append(total[i]).append("**");
    }
    md.append(" |\n\n");
    md.append("Harness runs: ").append(String.join("; ", run.timings())).append(".\n\n");
    md.append("## Executed after nbguard (").append(escaped.size()).append(")\n\n");
    escaped.forEach(line -> md.append(line).append('\n'));
    md.append("\n## Not counted: do not execute raw (").append(notCounted.size()).append(")\n\n");
    notCounted.forEach(line -> md.append(line).append('\n'));
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, md, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
