/**
 * The HTML policy: {@link dev.nbguard.sanitizer.html.HtmlSanitizer} (static HTML), {@link
 * dev.nbguard.sanitizer.html.HtmlRepresentation} ({@code text/html} and sandboxed JavaScript),
 * {@link dev.nbguard.sanitizer.html.Sandbox} (the opaque-origin frame).
 *
 * <p>Design: one jsoup HTML5 parse of the input (the tree a browser builds for {@code innerHTML}
 * in a {@code <div>}) → allowlist walk in place ({@code HtmlRules}; inline SVG through the shared
 * {@code svg.SvgRules}) → serialize → one parse of the output → {@link
 * dev.nbguard.sanitizer.html.HtmlVerifier} walk (mXSS check); any hit returns the input escaped
 * as text ({@code html.verify-failed}).
 *
 * <p>Finding rules (stable names):
 *
 * <ul>
 *   <li>{@code html.element.script}, {@code .noscript}, {@code .frame}, {@code .object}, {@code
 *       .base}, {@code .meta}, {@code .link}, {@code .template}, {@code .math}, {@code .title}:
 *       removed with their content; {@code html.element.form} and {@code html.element.unknown}:
 *       the tag is removed, its children kept (unknown raw-text elements such as {@code xmp} are
 *       removed with content); {@code html.element.input-type}: an input that is not a plain
 *       control (password, hidden, file, submit, image)
 *   <li>{@code html.attribute.event-handler}, {@code .data} ({@code data-*}, e.g.
 *       {@code data-commandlinker-command}), {@code .class-reserved} ({@code jp-}, {@code lm-},
 *       {@code p-}), {@code .target} (anything but {@code _blank}), {@code .form-action}, {@code
 *       .srcdoc}, {@code .ping}, {@code .unknown}
 *   <li>{@code html.url.scheme} (a URL attribute with a scheme the {@code UrlPolicy} refuses, any
 *       {@code srcset} candidate included), {@code html.url.usemap} (not a {@code #fragment}),
 *       {@code html.url.attribute} (a URL attribute the element may not carry)
 *   <li>{@code html.style.markup} ({@code <} in a style sheet), {@code html.namespace} (markup in
 *       a namespace where it does not belong), {@code html.verify-failed}, {@code html.sandboxed}
 *       (action SANDBOX), {@code javascript.sandboxed}
 *   <li>inline SVG uses the {@code svg.*} rules of {@link dev.nbguard.sanitizer.svg.SvgSanitizer}
 * </ul>
 *
 * <p>Silent (no finding): {@code id}/{@code name} prefixing with {@code nbg-} and the rewriting
 * of references ({@code href="#x"}, {@code for}, {@code headers}, {@code aria-*} id lists,
 * {@code usemap}, {@code list}, {@code itemref}, {@code url(#x)}, {@code #x} selectors), {@code
 * rel="noopener noreferrer"} on links, and removal of comments.
 */
package dev.nbguard.sanitizer.html;
