package dev.nbguard.sanitizer.html;

import java.util.ArrayList;
import java.util.List;

/** Splits a {@code srcset} into its candidate URLs the way the HTML spec's parser does. */
final class Srcset {
  private Srcset() {}

  static List<String> urls(String srcset) {
    List<String> out = new ArrayList<>();
    int i = 0;
    int n = srcset.length();
    while (i < n) {
      while (i < n && (isSpace(srcset.charAt(i)) || srcset.charAt(i) == ',')) {
        i++;
      }
      if (i >= n) {
        break;
      }
      int start = i;
      while (i < n && !isSpace(srcset.charAt(i))) {
        i++;
      }
      String url = srcset.substring(start, i);
      if (url.endsWith(",")) {
        out.add(url.replaceAll(",+$", ""));
        continue;
      }
      out.add(url);
      int depth = 0;
      while (i < n) {
        char c = srcset.charAt(i);
        if (c == '(') {
          depth++;
        } else if (c == ')' && depth > 0) {
          depth--;
        } else if (c == ',' && depth == 0) {
          i++;
          break;
        }
        i++;
      }
    }
    return out;
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
  }
}
