package dev.nbguard.e2e.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Python cells for the kernel. Payloads travel base64-encoded inside the code, so that no quoting
 * in the cell can change a byte of what the kernel emits.
 */
final class Cells {
  private Cells() {}

  private static String b64(String json) {
    return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  /** Publishes a corpus bundle ({data, metadata}) exactly as given, as display_data. */
  static String publish(ObjectNode bundle) {
    return "import base64 as _b, json as _j\n"
        + "from IPython.display import publish_display_data as _p\n"
        + "_x = _j.loads(_b.b64decode('" + b64(bundle.toString()) + "'))\n"
        + "_p(_x['data'], _x.get('metadata') or {})\n";
  }

  /**
   * Opens a {@code jupyter.widget} comm from the kernel (widget protocol 2: {state,
   * buffer_paths}) carrying {@code state}, as ipywidgets does when a widget is created.
   */
  static String openWidgetComm(String commId, ObjectNode state) {
    return "import base64 as _b, json as _j\n"
        + "from ipykernel.comm import Comm as _C\n"
        + "_s = _j.loads(_b.b64decode('" + b64(state.toString()) + "'))\n"
        + "_w = _C(target_name='jupyter.widget', comm_id='" + commId + "',"
        + " data={'state': _s, 'buffer_paths': []}, metadata={'version': '2.1.0'})\n";
  }

  /**
   * Sends a widget state update ({@code method: update}) on the comm the previous cell opened
   * with {@link #openWidgetComm}.
   */
  static String updateWidget(ObjectNode partialState) {
    return "import base64 as _b, json as _j\n"
        + "_w.send({'method': 'update', 'state': _j.loads(_b.b64decode('"
        + b64(partialState.toString()) + "')), 'buffer_paths': []})\n";
  }

  /**
   * Shows {@code html} three ways: replacing a harmless display (update_display_data), and as
   * the cell's result (execute_result).
   */
  static String updateAndResult(String html) {
    return "import base64 as _b\n"
        + "from IPython.display import HTML, display, update_display\n"
        + "_h = _b.b64decode('" + b64(html) + "').decode()\n"
        + "display(HTML('<b>first</b>'), display_id='nbg-d1')\n"
        + "update_display(HTML(_h), display_id='nbg-d1')\n"
        + "HTML(_h)\n";
  }

  /** A pandas DataFrame shown with display(): its text/html table and text/plain. */
  static final String DATAFRAME = """
      import pandas as pd
      from IPython.display import display
      display(pd.DataFrame({'city': ['Oslo', 'Lima', 'Kyiv'], 'temp': [3.5, 19.25, -2.0]}))
      """;

  /** A matplotlib figure through the inline backend: image/png. */
  static final String MATPLOTLIB_PNG = """
      %matplotlib inline
      import matplotlib.pyplot as plt
      fig, ax = plt.subplots(figsize=(2, 1.5), dpi=60)
      ax.plot([1, 3, 2, 4], color='tab:red')
      ax.set_title('nbguard')
      plt.show()
      """;

  /**
   * Registers a comm target {@code target} that echoes every message back on the same comm with
   * the same buffers (bytes), and {@code {"echo": data}}.
   */
  static String echoTarget(String target) {
    return "def _nbg_echo(comm, open_msg):\n"
        + "    def _on(msg):\n"
        + "        comm.send({'echo': msg['content']['data']},"
        + " buffers=[bytes(b) for b in msg['buffers']])\n"
        + "    comm.on_msg(_on)\n"
        + "get_ipython().kernel.comm_manager.register_target('" + target + "', _nbg_echo)\n";
  }
}
