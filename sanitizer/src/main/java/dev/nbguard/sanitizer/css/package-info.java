/**
 * The CSS policy: {@link dev.nbguard.sanitizer.css.CssSanitizer} for {@code style} attributes
 * and {@code <style>} blocks of HTML and SVG output.
 *
 * <p>Design: {@code CssTokenizer} (CSS Syntax Level 3 §4, decoded tokens: comments gone, escapes
 * resolved, {@code url(} recognised after decoding) → {@code CssParser} (component values and
 * rules, nesting bounded up front) → {@code StylesheetFilter} / {@code SelectorFilter} / {@code
 * DeclarationFilter} / {@code ValueFilter} decide on the decoded tokens → {@code CssWriter}
 * writes back only what is kept, canonically (one space for whitespace, {@code url("…")}, names
 * and strings re-escaped so that {@code < > & " '} and controls never appear raw, an empty
 * comment where two tokens would merge). Sanitizing the output again changes nothing. Linear
 * time, no regular expressions on input.
 *
 * <p>What stays: declarations whose property is in the policy's list and whose value holds only
 * keywords, colours, numbers, strings, {@code !important} and the functions of {@code
 * ValueFilter.FUNCTIONS} (colours, {@code calc}, gradients, transforms, grid, shapes); {@code
 * url(#id)} (ids rewritten in style sheets) and {@code url(data:image/png|jpeg|gif|webp;base64,…)}
 * the {@code UrlPolicy} allows as an image; style rules with ordinary selectors (type, class, id
 * rewritten, attribute, {@code *}, combinators, common pseudo-classes and pseudo-elements);
 * {@code @media} and {@code @supports} with their rules filtered the same way. {@code @keyframes}
 * is dropped: its names are page-wide, an output could replace JupyterLab's own animations, and
 * {@code animation} is not an allowed property anyway.
 *
 * <p>Scope: a kept style rule applies to the whole page unless the caller uses the scoped
 * variant of {@code sanitizeStylesheet}, which puts a trusted selector (e.g. {@code
 * :where([data-nbguard-output])} on a wrapper the output cannot forge; {@code :where} keeps the
 * rule's own specificity) in front of every selector. The
 * rules above keep output away from the application's own UI classes, ids and root elements,
 * but an unscoped {@code div { display: none }} still reaches every {@code div} of the page.
 *
 * <p>Finding rules (stable names; never built from the input):
 *
 * <ul>
 *   <li>{@code css.property.not-allowed} (not in the list: {@code pointer-events}, {@code
 *       animation}, {@code mask}, …), {@code css.value.position} ({@code position} other than
 *       {@code static}, {@code relative}, {@code absolute}, {@code sticky}: {@code fixed} would
 *       sit over the page), {@code css.property.binding} ({@code behavior}, {@code
 *       -moz-binding}); custom properties ({@code --x}) are kept when their value passes
 *   <li>{@code css.url.remote} (any URL that is not {@code #id} or a data image, relative ones
 *       included: they would reach the Jupyter server with the user's cookies), {@code
 *       css.url.script} ({@code javascript:}, {@code vbscript:}), {@code css.url.data} (other
 *       {@code data:} URLs, SVG included), {@code css.url.function} ({@code image()}, {@code
 *       image-set()}, {@code src()}, {@code element()}, {@code cross-fade()}, {@code paint()})
 *   <li>{@code css.value.expression}, {@code css.value.var} ({@code var()} without a custom property name), {@code css.value.attr}, {@code
 *       css.value.env}, {@code css.value.function} (any function not on the list), {@code
 *       css.value.javascript} ({@code javascript:} in a string), {@code css.value.invalid} (a
 *       token no value needs: {@code <}, {@code @x}, {@code :}, a {@code {}} block, …)
 *   <li>{@code css.selector.outside-output} ({@code html}, {@code body}, {@code head}, {@code
 *       :root}, {@code :host}, {@code :scope}, {@code :has()} (its subject can be an ancestor of
 *       the output), {@code ::slotted}, {@code ::part}, {@code ::backdrop}, {@code [data-…]}, a
 *       bare {@code ::selection}), {@code css.selector.ui-class} (classes, also through {@code
 *       [class…]}, of JupyterLab {@code jp-}, Lumino {@code lm-}/{@code p-}, CodeMirror {@code
 *       cm-}, MathJax), {@code css.selector.ui-element} ({@code jp-button}, {@code
 *       mjx-container}), {@code css.selector.id-attribute} ({@code [id]}, {@code [id*=…]},
 *       {@code [id$=…]}: would match the page's own ids), {@code css.selector.attribute-value}
 *       ({@code [value^=…]}-style probing), {@code css.selector.pseudo} (a pseudo-class or
 *       -element not on the list, e.g. {@code :visited}), {@code css.selector.invalid}
 *   <li>{@code css.at-rule.import}, {@code .font-face}, {@code .namespace}, {@code .charset},
 *       {@code .page}, {@code .property}, {@code .layer}, {@code .container}, {@code .keyframes},
 *       {@code .counter-style}, {@code .font-feature-values}, {@code .font-palette-values},
 *       {@code .scope}, {@code .starting-style}, {@code .document}, {@code .viewport}, {@code
 *       .view-transition}, {@code .position-try} (vendor prefixes ignored), {@code
 *       css.at-rule.unknown}; {@code css.at-rule.media-query} and {@code
 *       css.at-rule.supports-condition} (a condition that is not plain, e.g. with {@code url()}
 *       or a range query's {@code <}); {@code css.at-rule.nested} (an at-rule in a declaration
 *       list)
 *   <li>{@code css.rule.nested} (CSS nesting inside a rule or a {@code style} attribute), {@code
 *       css.parse-error} (a broken declaration or rule, bad string, bad URL, a rule cut off by
 *       the end of input), {@code css.limit.nesting} (blocks nested deeper than 48: the whole
 *       input is dropped), {@code css.findings.truncated} (after 100 findings in one call the
 *       rest are only counted)
 * </ul>
 *
 * <p>Silent (no finding): comments, whitespace and case normalisation, id rewriting, empty rules,
 * grouping rules left empty after filtering (their rules were reported).
 */
package dev.nbguard.sanitizer.css;
