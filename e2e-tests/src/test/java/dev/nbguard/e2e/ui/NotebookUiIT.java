package dev.nbguard.e2e.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The notebook UI proofs: in a real JupyterLab 4 notebook app (from npm) and in classic Notebook
 * 6.4.12, in headless Chromium, type and run the cells of notebook-ui/cells.py, save, reopen.
 * Without nbguard (DIRECT, the control) every attack executes in the UIs its header names and
 * the kernel-api payload makes the kernel write a file; through nbguard no attack executes, no
 * file is written, and the benign outputs render, also after reopening.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotebookUiIT {
  private static final String NOTEBOOK = "proof.ipynb";
  private final List<String> summary = new ArrayList<>();
  private Path out;
  private UiDriver driver;
  private Path cellsFile;

  /**
   * Every deployment the proofs run through; add one here. -Dnbguard.e2e.deployments=direct,proxy
   * runs a subset.
   */
  static List<Deployment> deployments() {
    List<Deployment> all = List.of(new DirectDeployment(), new GatewayDeployment(),
        new ProxyDeployment());
    String only = System.getProperty("nbguard.e2e.deployments", "");
    if (only.isBlank()) {
      return all;
    }
    List<String> names = List.of(only.split(","));
    return all.stream().filter(d -> names.contains(d.name())).toList();
  }

  static Stream<Arguments> runs() {
    List<Arguments> runs = new ArrayList<>();
    for (NotebookUi ui : NotebookUi.values()) {
      for (Deployment d : deployments()) {
        runs.add(Arguments.of(ui, Named.of(d.name(), d)));
      }
    }
    return runs.stream();
  }

  @BeforeAll
  void setUp() throws URISyntaxException {
    Assumptions.assumeTrue(NotebookUi.jupyterInstalled(), "Debian's jupyter is not installed");
    Path module = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    out = Path.of(System.getProperty("nbguard.e2e.out", module.resolve("target").toString()));
    driver = new UiDriver(
        Path.of(System.getProperty("nbguard.e2e.labapp", module.resolve("lab-app").toString())),
        Duration.ofMinutes(4));
    driver.checkBuilt();
    cellsFile = Path.of(NotebookUiIT.class.getResource("/notebook-ui/cells.py").toURI());
  }

  @AfterAll
  void writeSummary() throws IOException {
    if (out != null && !summary.isEmpty()) {
      Path file = out.resolve("e2e/notebook-ui/summary.txt");
      Files.createDirectories(file.getParent());
      Files.write(file, summary);
      summary.forEach(System.out::println);
    }
  }

  @ParameterizedTest(name = "{0} through {1}")
  @MethodSource("runs")
  void attacksExecuteOnlyWithoutNbguardAndBenignOutputsRender(NotebookUi ui, Deployment deployment)
      throws IOException {
    String label = ui.driverName() + "-" + deployment.name();
    Path work = out.resolve("e2e/notebook-ui").resolve(label);
    deleteTree(work);
    Path notebooks = Files.createDirectories(work.resolve("notebooks"));
    Files.writeString(notebooks.resolve(NOTEBOOK), EMPTY_NOTEBOOK);
    Path pwnFile = work.resolve("written-by-an-output.txt");
    List<NotebookCell> cells = NotebookCell.load(cellsFile, pwnFile).stream()
        .filter(c -> c.runsIn(ui.driverName())).toList();
    Deployment.DeploymentContext ctx = context(notebooks, work, driver);

    long started = System.nanoTime();
    UiDriver.UiRun run;
    try (Deployment.Running running = deployment.start(ui, ctx)) {
      run = driver.run(label, ui, running, NOTEBOOK, cells, work, out.resolve("screenshots"));
    }
    summary.add(String.format(java.util.Locale.ROOT, "%s: %.1f s, executed %s, timings %s",
        label, (System.nanoTime() - started) / 1e9, run.pwned(), run.timings()));

    String where = ui.driverName() + " through " + deployment.name();
    for (NotebookCell cell : cells) {
      if (cell.kind() == NotebookCell.Kind.BENIGN) {
        BenignChecks.check(cell.id(), run.output(cell.id()), where, true);
        // classic Notebook shows a notebook it reopens as untrusted (it did not sign it), with
        // or without nbguard
        BenignChecks.check(cell.id(), run.reopenedOutput(cell.id()), where + " (reopened)",
            ui != NotebookUi.CLASSIC);
      }
    }
    if (deployment.guarded()) {
      assertEquals(List.of(), run.pwned(), where + ": no attack may execute");
      assertEquals(List.of(), run.dialogs(), where + ": no dialog may open");
      assertEquals(List.of(), run.reopenedPwned(), where + ": reopened, no attack may execute");
      assertEquals(List.of(), run.reopenedDialogs(), where + ": reopened, no dialog may open");
      assertFalse(Files.exists(pwnFile), where + ": the kernel-api payload made the kernel write "
          + pwnFile);
      for (NotebookCell cell : cells) {
        String visible = "<b>" + cell.id() + "</b>";
        if (cell.attack() && cell.source().contains(visible)) {
          JsonNode output = run.output(cell.id());
          // classic Notebook shows ipywidgets 6 views beside the output area (widgetText)
          String shown = output.path("text").asText() + output.path("frameText").asText()
              + output.path("widgetText").asText();
          assertTrue(shown.contains(cell.id()),
              where + ": the harmless part of " + cell.id() + " is still shown: "
                  + run.output(cell.id()));
        }
      }
    } else {
      for (NotebookCell cell : cells) {
        if (cell.attack() && cell.executesDirectIn().contains(ui.driverName())) {
          assertTrue(run.pwned().contains(cell.id()), where + ": the control failed: attack "
              + cell.id() + " did not execute without nbguard (executed: " + run.pwned() + ")");
        }
      }
      assertTrue(Files.exists(pwnFile), where + ": the control failed: the kernel-api payload "
          + "did not make the kernel write " + pwnFile);
    }
  }

  /** The context of a deployment serving {@code notebooks}, its state under {@code work}. */
  static Deployment.DeploymentContext context(Path notebooks, Path work, UiDriver driver) {
    Path repo = Path.of(System.getProperty("user.dir")).toAbsolutePath().resolve("..").normalize();
    return new Deployment.DeploymentContext(notebooks, work, driver.dist(),
        Path.of(System.getProperty("nbguard.jar",
            repo.resolve("gateway/target/nbguard.jar").toString())),
        repo.resolve("jupyter-config/gateway/jupyter_server_config.py"));
  }

  private static final String EMPTY_NOTEBOOK = """
      {"cells": [{"cell_type": "code", "execution_count": null, "id": "c0", "metadata": {},
        "outputs": [], "source": ""}],
       "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python",
        "name": "python3"}, "language_info": {"name": "python"}},
       "nbformat": 4, "nbformat_minor": 5}
      """;

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
