package dev.nbguard.sanitizer.latex;

import dev.nbguard.sanitizer.Action;
import dev.nbguard.sanitizer.Report;
import dev.nbguard.sanitizer.Representation;
import dev.nbguard.sanitizer.RepresentationSanitizer;
import dev.nbguard.sanitizer.UrlPolicy;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code text/latex} and the math inside Markdown. JupyterLab 4 typesets it with MathJax 3 and
 * {@code AllPackages} plus {@code require} (behind MathJax's SafeHandler, which this does not rely
 * on). The macros that reach markup, URLs or configuration are neutralised; everything else is
 * left byte-identical.
 *
 * <p>Work is bounded: an argument is read up to {@value TexArguments#MAX_ARGUMENT} characters
 * (longer ones count as unparsed), and a text with very many blocked macros is refused (the
 * caller drops it, fail closed).
 *
 * <p>The whole text is scanned as TeX, inside and outside math delimiters and comments, so a
 * differential in where MathJax thinks math starts cannot hide a macro. Control words are read as
 * MathJax reads them ({@code \} + ASCII letters, or {@code \} + one character, so {@code \\href}
 * is a line break and the word "href"). A removed macro leaves {@code {}} behind so that no new
 * control word can form from its neighbours. Rules:
 *
 * <ul>
 *   <li>{@code latex.macro.href} / {@code latex.macro.url}: a URL failing {@link UrlPolicy} for
 *       links: {@code \href{url}} is removed, its text kept; <code>&#92;url{…}</code> is removed.
 *   <li>{@code latex.macro.attribute}: {@code \class}, {@code \cssId}, {@code \style}, {@code
 *       \data}, {@code \htmlClass}, {@code \htmlId}, {@code \htmlStyle}, {@code \htmlData}: the
 *       attribute argument is removed, the math kept.
 *   <li>{@code latex.macro.require}, {@code latex.macro.setoptions}, {@code latex.macro.mmltoken}:
 *       {@code \require{…}} (loads extensions), {@code \setOptions} (reconfigures packages),
 *       {@code \mmlToken} (sets arbitrary MathML attributes, href among them) are removed.
 *   <li>{@code latex.macro.unicode}: <code>&#92;unicode</code> kept only as <code>&#92;unicode{number}</code>
 *       (the font options reach style); {@code latex.macro.bbox}: {@code \bbox[…]} options kept
 *       only when they are colours, lengths and plain CSS words (no parentheses, backslashes,
 *       {@code url}, {@code position}).
 *   <li>{@code latex.macro.definition}: {@code \def}, {@code \newcommand}, {@code \let} and the
 *       other definition macros are neutralised when the text also holds a control word that is
 *       a proper prefix of a blocked name (e.g. {@code \hr}, from which {@code \def\x{\hr}\x ef}
 *       could assemble {@code \href}) or a parameter right after a control word ({@code \h#1});
 *       otherwise a definition cannot produce a blocked name that is not already removed.
 *       {@code \csname}, {@code \string}, {@code \expandafter} are always neutralised.
 *   <li>{@code latex.macro.unparsed}: a blocked macro whose brace group does not close (or is
 *       longer than the limit), or that is followed by a comment, is removed by name alone. One
 *       followed by a single token (MathJax then reads one character or control sequence as the
 *       argument, which cannot form a URL or attribute) is left alone, so that text such as a
 *       Windows path in Markdown is not mangled (unless the text defines macros: {@code \let}
 *       could capture the bare name).
 * </ul>
 */
public final class LatexSanitizer implements RepresentationSanitizer {
  private static final Set<String> ATTRIBUTE_MACROS =
      Set.of("class", "cssId", "style", "data", "htmlClass", "htmlId", "htmlStyle", "htmlData");
  private static final Set<String> REMOVED_MACROS = Set.of("require", "setOptions", "mmlToken");
  private static final Set<String> BLOCKED_NAMES = blockedNames();
  private static final Pattern UNICODE_ARG = Pattern.compile("\\{\\s*(x[0-9A-Fa-f]{1,6}|[0-9]{1,7})\\s*}");
  private static final Pattern SAFE_BBOX =
      Pattern.compile("\\[[A-Za-z0-9#.,%:;\\s-]*]");

  private final UrlPolicy urls;

  public LatexSanitizer(UrlPolicy urls) {
    this.urls = urls;
  }

  private static Set<String> blockedNames() {
    java.util.HashSet<String> s = new java.util.HashSet<>(ATTRIBUTE_MACROS);
    s.addAll(REMOVED_MACROS);
    s.addAll(Set.of("href", "url", "unicode", "bbox"));
    return Set.copyOf(s);
  }

  @Override
  public Optional<Representation> sanitize(Representation r, Action action, Report report) {
    String in = r.text();
    String out = clean(in, report);
    return Optional.of(out.equals(in) ? r : r.withText(out));
  }

  /** Neutralises the blocked macros anywhere in {@code tex}; unchanged text when none. */
  public String clean(String tex, Report report) {
    if (tex.indexOf('\\') < 0) {
      return tex;
    }
    boolean definitionsRisky = TexDefinitions.assemblyRisk(tex, BLOCKED_NAMES);
    boolean lenient = !TexDefinitions.present(tex);
    long budget = 16L * tex.length() + (1 << 20);
    StringBuilder out = new StringBuilder(tex.length());
    int i = 0;
    while (i < tex.length()) {
      char c = tex.charAt(i);
      if (c != '\\') {
        out.append(c);
        i++;
        continue;
      }
      int nameEnd = i + 1;
      while (nameEnd < tex.length() && isAsciiLetter(tex.charAt(nameEnd))) {
        nameEnd++;
      }
      if (nameEnd == i + 1) {
        out.append(tex, i, Math.min(i + 2, tex.length()));
        i += 2;
        continue;
      }
      String name = tex.substring(i + 1, nameEnd);
      if (BLOCKED_NAMES.contains(name)) {
        budget -= TexArguments.MAX_ARGUMENT;
        if (budget < 0) {
          throw new IllegalStateException("too many blocked LaTeX macros to check");
        }
      }
      i = macro(tex, i, nameEnd, name, definitionsRisky, lenient, out, report);
    }
    return out.toString();
  }

  /** Handles one control word starting at {@code start}; returns where scanning continues. */
  private int macro(String tex, int start, int nameEnd, String name, boolean definitionsRisky,
      boolean lenient, StringBuilder out, Report report) {
    int argStart = TexArguments.skipSpace(tex, nameEnd);
    String excerpt = tex.substring(start, Math.min(tex.length(), start + 60));
    if (name.equals("href") || name.equals("url")) {
      OptionalInt end = TexArguments.braceGroupEnd(tex, argStart);
      if (end.isEmpty()) {
        return singleToken(tex, start, nameEnd, argStart, lenient, out, report, excerpt);
      }
      String url = tex.substring(argStart + 1, end.getAsInt() - 1);
      if (urls.allows(url, UrlPolicy.Context.LINK)) {
        out.append(tex, start, nameEnd);
        return nameEnd;
      }
      report.sanitized("latex.macro." + name, excerpt);
      out.append("{}");
      return end.getAsInt();
    }
    if (ATTRIBUTE_MACROS.contains(name)) {
      OptionalInt end = TexArguments.braceGroupEnd(tex, argStart);
      if (end.isEmpty()) {
        return singleToken(tex, start, nameEnd, argStart, lenient, out, report, excerpt);
      }
      report.sanitized("latex.macro.attribute", excerpt);
      out.append("{}");
      return end.getAsInt();
    }
    if (REMOVED_MACROS.contains(name)) {
      report.sanitized("latex.macro." + name.toLowerCase(java.util.Locale.ROOT), excerpt);
      OptionalInt end = name.equals("require") ? TexArguments.braceGroupEnd(tex, argStart) : OptionalInt.empty();
      out.append("{}");
      return end.orElse(nameEnd);
    }
    if (name.equals("unicode")) {
      var m = UNICODE_ARG.matcher(tex).region(argStart, Math.min(tex.length(), argStart + 64));
      if (m.lookingAt()) {
        out.append(tex, start, nameEnd);
        return nameEnd;
      }
      report.sanitized("latex.macro.unicode", excerpt);
      out.append("{}");
      return nameEnd;
    }
    if (name.equals("bbox")) {
      OptionalInt end = TexArguments.bracketEnd(tex, argStart);
      if (end.isEmpty() || SAFE_BBOX.matcher(tex.substring(argStart, end.getAsInt())).matches()
          && !unsafeCssWord(tex.substring(argStart, end.getAsInt()))) {
        out.append(tex, start, nameEnd);
        return nameEnd;
      }
      report.sanitized("latex.macro.bbox", excerpt);
      out.append("\\bbox");
      return end.getAsInt();
    }
    if (TexDefinitions.ASSEMBLY_MACROS.contains(name)
        || (definitionsRisky && TexDefinitions.DEFINITION_MACROS.contains(name))) {
      report.sanitized("latex.macro.definition", excerpt);
      out.append("{}");
      return nameEnd;
    }
    out.append(tex, start, nameEnd);
    return nameEnd;
  }

  /**
   * A blocked macro not followed by a brace group. MathJax then takes one character or one control
   * sequence as the argument (a one-letter class, a relative one-letter URL: harmless), so text
   * such as a Windows path {@code C:\data\file} is left alone. An unclosed or over-long brace
   * group, or a comment where the argument should be, removes the macro; so does any text with
   * a definition macro, since {@code \let\y=\href} captures the bare name for later use.
   */
  private static int singleToken(String tex, int start, int nameEnd, int argStart, boolean lenient,
      StringBuilder out, Report report, String excerpt) {
    if (!lenient || argStart < tex.length() && (tex.charAt(argStart) == '{' || tex.charAt(argStart) == '%')) {
      return removeName("", nameEnd, out, report, excerpt);
    }
    out.append(tex, start, nameEnd);
    return nameEnd;
  }

  private static int removeName(String name, int nameEnd, StringBuilder out, Report report, String excerpt) {
    report.sanitized("latex.macro.unparsed", excerpt);
    out.append("{}");
    return nameEnd;
  }

  private static boolean unsafeCssWord(String options) {
    String lower = options.toLowerCase(java.util.Locale.ROOT);
    return lower.contains("url") || lower.contains("position") || lower.contains("expression")
        || lower.contains("import") || lower.contains("behavior") || lower.contains("binding");
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
