/**
 * Raster images: base64 and signature validation, metadata shape.
 */
package dev.nbguard.sanitizer.image;
