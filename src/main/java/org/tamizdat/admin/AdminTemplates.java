package org.tamizdat.admin;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import java.util.Map;
import org.tamizdat.web.Response;

/** Renders the precompiled admin templates under {@code src/main/jte/admin/}. */
public final class AdminTemplates {
  private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

  public byte[] render(String template, Map<String, Object> params) {
    Utf8ByteOutput output = new Utf8ByteOutput();
    engine.render(template, params, output);
    return output.toByteArray();
  }

  /** An HTML response for a template; admin pages are never cacheable. */
  public Response page(int status, String template, Map<String, Object> params) {
    return Response.html(status, render(template, params)).header("Cache-Control", "no-store");
  }
}
