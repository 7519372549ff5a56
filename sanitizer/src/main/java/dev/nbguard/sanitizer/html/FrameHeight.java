package dev.nbguard.sanitizer.html;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * How tall a {@link Sandbox} frame should be for the HTML it shows. The frame cannot size itself
 * (its page is cross-origin to the notebook, and no notebook frontend listens to it), so the
 * height comes from the content: the tallest pixel height its elements declare — a style
 * {@code height} or {@code min-height} in {@code px} (plotly's plot div says {@code height:525px}),
 * or a {@code height} attribute of a replaced element ({@code IPython.display.IFrame}, a video,
 * an image, a canvas) — plus the frame page's body margins, at most four times the configured
 * height. Content that declares nothing (script that draws at run time) gets the configured
 * height. Only element attributes count, never text: a size inside a script does not size the
 * frame.
 */
final class FrameHeight {
  /** The frame page's body margin (8 px above and below) and a little room for a border. */
  static final int MARGIN_PX = 24;
  static final int CAP_FACTOR = 4;

  private static final Pattern STYLE_HEIGHT = Pattern.compile("(?:^|;)\\s*(?:min-)?height\\s*:"
      + "\\s*([0-9]{1,6})(?:\\.[0-9]+)?px\\s*(?:!important\\s*)?(?=;|$)", Pattern.CASE_INSENSITIVE);
  private static final Pattern NUMBER =
      Pattern.compile("\\s*([0-9]{1,6})(?:\\.[0-9]+)?(?:px)?\\s*");
  private static final Set<String> SIZED_BY_ATTRIBUTE =
      Set.of("iframe", "img", "canvas", "svg", "video", "embed", "object");

  private FrameHeight() {}

  /** The frame height for the parsed {@code fragment}; {@code configuredPx} when it says none. */
  static int of(Element fragment, int configuredPx) {
    int declared = 0;
    for (Element e : fragment.getAllElements()) {
      declared = Math.max(declared, styleHeight(e.attr("style")));
      if (SIZED_BY_ATTRIBUTE.contains(e.normalName())) {
        declared = Math.max(declared, number(e.attr("height")));
      }
    }
    if (declared == 0) {
      return configuredPx;
    }
    long wanted = (long) declared + MARGIN_PX;
    return (int) Math.min(wanted, (long) configuredPx * CAP_FACTOR);
  }

  private static int styleHeight(String style) {
    int max = 0;
    Matcher m = STYLE_HEIGHT.matcher(style);
    while (m.find()) {
      max = Math.max(max, Integer.parseInt(m.group(1)));
    }
    return max;
  }

  private static int number(String value) {
    Matcher m = NUMBER.matcher(value);
    return m.matches() ? Integer.parseInt(m.group(1)) : 0;
  }
}
