/**
 * The {@code text/markdown} handler: commonmark-java for HTML and link policy, a parser-
 * independent scan as the safety net against parser differentials with marked.
 */
package dev.nbguard.sanitizer.markdown;
