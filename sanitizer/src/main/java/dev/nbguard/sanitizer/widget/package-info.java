/**
 * Jupyter widgets: the widget-view representation and model state from comms and notebook
 * metadata.
 */
package dev.nbguard.sanitizer.widget;
