/**
 * The {@code text/latex} handler and the TeX rules shared by Markdown math and widgets: MathJax
 * macros that reach markup, URLs or configuration are neutralised.
 */
package dev.nbguard.sanitizer.latex;
