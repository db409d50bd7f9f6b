package org.tamizdat.web;

/** Renders the reader-facing page for an error status (localized by the site). */
@FunctionalInterface
public interface ErrorPages {
  Response render(Request request, int status);
}
