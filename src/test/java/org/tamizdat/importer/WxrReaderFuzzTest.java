package org.tamizdat.importer;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.tamizdat.testing.Fuzzing;

/**
 * Any file handed to the importer is read to the end or refused with an {@link ImportException}
 * (which the command prints as one line), never another exception, a hang or an entity expansion.
 */
class WxrReaderFuzzTest {
  @BeforeAll
  static void quietReplay() {
    Fuzzing.instrumentOnlyWhenFuzzing();
  }

  private static final WxrReader READER = new WxrReader();

  @FuzzTest(maxDuration = "10s")
  void anyFileIsReadOrRefusedClearly(byte[] content) throws IOException {
    Path file = Files.createTempFile("wxr-fuzz", ".xml");
    try {
      Files.write(file, content);
      READER.read(file, done -> {}, new WxrReader.Visitor() {});
    } catch (ImportException expected) {
      // A clear refusal is the right answer to a broken export.
    } finally {
      Files.delete(file);
    }
  }
}
