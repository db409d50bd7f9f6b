package org.tamizdat.web;

/** A handler for one route. Runs on a virtual thread, so it may block on the database. */
@FunctionalInterface
public interface Route {
  Response handle(Request request) throws Exception;
}
