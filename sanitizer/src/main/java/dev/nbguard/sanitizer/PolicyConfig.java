package dev.nbguard.sanitizer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The whole output policy as one immutable value: an action per MIME type (exact types and
 * {@code *} patterns), the URL schemes links and images may use, the widget modules that may be
 * instantiated, the CSS properties style may set, and the limits. Build one with {@link
 * #builder(Preset)} or {@link PolicyFiles}; hand it to {@link OutputPolicy#of(PolicyConfig)}.
 *
 * <p>Deny by default: a MIME type that no entry matches is dropped.
 */
public record PolicyConfig(
    Preset base,
    Map<String, Action> mimeActions,
    Set<String> urlSchemes,
    Set<String> widgetModules,
    Set<String> cssProperties,
    Limits limits) {

  /** Size and depth limits; a representation over a limit is dropped (fail closed). */
  public record Limits(long maxRepresentationChars, int maxNestingDepth, int sandboxHeightPx) {
    public static final Limits DEFAULT = new Limits(32L * 1024 * 1024, 8, 480);

    public Limits {
      if (maxRepresentationChars <= 0 || maxNestingDepth <= 0 || sandboxHeightPx <= 0) {
        throw new IllegalArgumentException("limits must be positive");
      }
    }
  }

  public PolicyConfig {
    mimeActions = Collections.unmodifiableMap(new LinkedHashMap<>(mimeActions));
    urlSchemes = lowerSet(urlSchemes);
    widgetModules = Set.copyOf(widgetModules);
    cssProperties = lowerSet(cssProperties);
  }

  private static Set<String> lowerSet(Set<String> values) {
    Set<String> out = new LinkedHashSet<>();
    for (String v : values) {
      out.add(v.trim().toLowerCase(Locale.ROOT));
    }
    return Collections.unmodifiableSet(out);
  }

  /** The action for a MIME type: an exact entry wins, then the longest matching pattern, else DROP. */
  public Action actionFor(String mimeType) {
    String mime = mimeType.trim().toLowerCase(Locale.ROOT);
    Action exact = mimeActions.get(mime);
    if (exact != null) {
      return exact;
    }
    return bestPattern(mime).map(mimeActions::get).orElse(Action.DROP);
  }

  private Optional<String> bestPattern(String mime) {
    String best = null;
    for (String key : mimeActions.keySet()) {
      if (key.contains("*") && MimePatterns.matches(key, mime)
          && (best == null || key.length() > best.length())) {
        best = key;
      }
    }
    return Optional.ofNullable(best);
  }

  public static Builder builder(Preset preset) {
    return Presets.builderFor(preset);
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Mutable while building; {@link #build()} yields the immutable value. */
  public static final class Builder {
    private Preset base;
    private final Map<String, Action> mimeActions = new LinkedHashMap<>();
    private final Set<String> urlSchemes = new LinkedHashSet<>();
    private final Set<String> widgetModules = new LinkedHashSet<>();
    private final Set<String> cssProperties = new LinkedHashSet<>();
    private Limits limits = Limits.DEFAULT;

    Builder(Preset base) {
      this.base = base;
    }

    Builder(PolicyConfig from) {
      this.base = from.base();
      this.mimeActions.putAll(from.mimeActions());
      this.urlSchemes.addAll(from.urlSchemes());
      this.widgetModules.addAll(from.widgetModules());
      this.cssProperties.addAll(from.cssProperties());
      this.limits = from.limits();
    }

    public Builder mime(String mimeTypeOrPattern, Action action) {
      mimeActions.put(mimeTypeOrPattern.trim().toLowerCase(Locale.ROOT), action);
      return this;
    }

    public Builder mimes(List<String> mimeTypesOrPatterns, Action action) {
      mimeTypesOrPatterns.forEach(m -> mime(m, action));
      return this;
    }

    public Builder urlSchemes(Set<String> schemes) {
      urlSchemes.clear();
      urlSchemes.addAll(schemes);
      return this;
    }

    public Builder widgetModules(Set<String> modules) {
      widgetModules.clear();
      widgetModules.addAll(modules);
      return this;
    }

    public Builder cssProperties(Set<String> properties) {
      cssProperties.clear();
      cssProperties.addAll(properties);
      return this;
    }

    public Builder limits(Limits value) {
      limits = value;
      return this;
    }

    public PolicyConfig build() {
      return new PolicyConfig(base, mimeActions, urlSchemes, widgetModules, cssProperties, limits);
    }
  }
}
