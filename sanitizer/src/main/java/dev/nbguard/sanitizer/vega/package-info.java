/**
 * The Vega / Vega-Lite handler: embed options, URLs and expression sandbox-escape gadgets.
 */
package dev.nbguard.sanitizer.vega;
