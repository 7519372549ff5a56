package dev.nbguard.e2e.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A notebook file whose stored outputs carry attacks, signed so that the UI trusts it (as it
 * trusts a notebook its user saved), opened in JupyterLab (the lab app) and classic Notebook:
 * without nbguard the attacks execute on open (the control); through a deployment that
 * sanitizes the contents API (nbguard proxy) none does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoredNotebookIT {
  private static final String NOTEBOOK = "stored.ipynb";
  private Path out;
  private UiDriver driver;

  static Stream<Arguments> runs() {
    List<Arguments> runs = new ArrayList<>();
    for (NotebookUi ui : NotebookUi.values()) {
      for (Deployment d : NotebookUiIT.deployments()) {
        if (!d.guarded() || d.sanitizesStoredOutputs()) {
          runs.add(Arguments.of(ui, Named.of(d.name(), d)));
        }
      }
    }
    return runs.stream();
  }

  @BeforeAll
  void setUp() {
    Assumptions.assumeTrue(NotebookUi.jupyterInstalled(), "Debian's jupyter is not installed");
    Path module = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    out = Path.of(System.getProperty("nbguard.e2e.out", module.resolve("target").toString()));
    driver = new UiDriver(
        Path.of(System.getProperty("nbguard.e2e.labapp", module.resolve("lab-app").toString())),
        Duration.ofMinutes(3));
    driver.checkBuilt();
  }

  @ParameterizedTest(name = "{0} through {1}")
  @MethodSource("runs")
  void storedAttacksExecuteOnOpenOnlyWithoutNbguard(NotebookUi ui, Deployment deployment)
      throws IOException {
    String label = "stored-" + ui.driverName() + "-" + deployment.name();
    Path work = out.resolve("e2e/notebook-ui").resolve(label);
    NotebookUiIT.deleteTree(work);
    Path notebooks = Files.createDirectories(work.resolve("notebooks"));
    Path file = notebooks.resolve(NOTEBOOK);
    List<StoredNotebook.StoredAttack> attacks = StoredNotebook.write(file);
    Deployment.DeploymentContext ctx = NotebookUiIT.context(notebooks, work, driver);
    Path home = Files.createDirectories(JupyterServer.homeDir(ctx, deployment.name()));
    StoredNotebook.trust(file, NotebookUi.isolatedEnv(home), work.resolve("trust.log"));

    List<NotebookCell> cells = attacks.stream()
        .map(a -> new NotebookCell(a.id(), NotebookCell.Kind.ATTACK, a.executesDirectIn(), ""))
        .toList();
    UiDriver.UiRun run;
    try (Deployment.Running running = deployment.start(ui, ctx)) {
      run = driver.run(label, ui, running, NOTEBOOK, cells, false, work,
          out.resolve("screenshots"));
    }
    String where = ui.driverName() + " through " + deployment.name() + ", stored outputs";
    if (deployment.guarded()) {
      assertEquals(List.of(), run.pwned(), where + ": no attack may execute");
      assertEquals(List.of(), run.dialogs(), where + ": no dialog may open");
      for (NotebookCell c : cells) {
        if (!c.id().equals("stored-javascript") && !c.id().equals("stored-svg")) {
          String shown = run.output(c.id()).path("text").asText()
              + run.output(c.id()).path("frameText").asText();
          assertTrue(shown.contains(c.id()), where + ": the harmless part of " + c.id()
              + " is still shown: " + run.output(c.id()));
        }
      }
    } else {
      for (NotebookCell c : cells) {
        if (c.executesDirectIn().contains(ui.driverName())) {
          assertTrue(run.pwned().contains(c.id()), where + ": the control failed: " + c.id()
              + " did not execute without nbguard (executed: " + run.pwned() + ")");
        }
      }
    }
  }
}
