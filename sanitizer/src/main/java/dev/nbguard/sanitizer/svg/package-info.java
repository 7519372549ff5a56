/**
 * The SVG policy: {@link dev.nbguard.sanitizer.svg.SvgSanitizer} for {@code image/svg+xml}
 * documents, and {@link dev.nbguard.sanitizer.svg.SvgTreeCleaner} with the one allowlist {@link
 * dev.nbguard.sanitizer.svg.SvgRules}, shared with inline {@code <svg>} in HTML.
 *
 * <p>Finding rules: {@code svg.element.script}, {@code .foreign-object}, {@code .feimage}, {@code
 * .embed}, {@code .animate} (all animation elements are removed: they can set {@code href} or
 * handlers after sanitizing), {@code .unknown}; {@code svg.attribute.event-handler}, {@code
 * .unknown}, {@code .class-reserved}, {@code .target}, {@code .href} (an {@code href} on an
 * element that may not link); {@code svg.url.external} ({@code use}, gradients, patterns, filters,
 * {@code textPath} and {@code url(…)} paint may only point at {@code #fragment}s), {@code
 * svg.url.scheme} ({@code image} and {@code a} URLs refused by the {@code UrlPolicy}); {@code
 * svg.namespace} (prefixed or non-SVG elements); {@code svg.markup-in-text} (markup inside {@code
 * title}/{@code desc}); {@code svg.style.markup}; {@code svg.doctype} (a DOCTYPE with an internal
 * subset; entities are never expanded); {@code svg.verify-failed} (action DROP).
 *
 * <p>Silent: the XML prolog, a plain DOCTYPE, comments, {@code <metadata>}, namespace
 * declarations (the output root gets exactly {@code xmlns} and {@code xmlns:xlink}), id
 * prefixing with reference rewriting.
 */
package dev.nbguard.sanitizer.svg;
