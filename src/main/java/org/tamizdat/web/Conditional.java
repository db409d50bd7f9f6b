package org.tamizdat.web;

import io.undertow.util.DateUtils;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import java.util.Date;

/** RFC 9110 conditional GET: If-None-Match first, If-Modified-Since only without it. */
final class Conditional {
  private Conditional() {}

  static boolean notModified(HeaderMap request, CachedPage page) {
    String ifNoneMatch = request.getFirst(Headers.IF_NONE_MATCH);
    if (ifNoneMatch != null) {
      for (String candidate : ifNoneMatch.split(",")) {
        String tag = candidate.strip();
        if (tag.startsWith("W/")) {
          tag = tag.substring(2);
        }
        if (tag.equals("*") || tag.equals(page.etag()) || tag.equals(page.gzipEtag())) {
          return true;
        }
      }
      return false;
    }
    String ifModifiedSince = request.getFirst(Headers.IF_MODIFIED_SINCE);
    if (ifModifiedSince != null) {
      Date since = DateUtils.parseDate(ifModifiedSince);
      return since != null && page.lastModifiedMillis() <= since.getTime();
    }
    return false;
  }
}
