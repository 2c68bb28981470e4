package ai.jorge.guard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code jorge guard scan PATH}: checks every regular file under a directory (or one file), not
 * following symbolic links and skipping the directory names in {@code scan_skip_dirs}. Paths are
 * reported relative to {@code base} (the working directory) when the file lies under it, so the
 * hooks.yaml allow-list matches repository paths. Stateless.
 */
public final class TreeScan {
  private TreeScan() {}

  public static ScanReport scan(Guard guard, Path root, Path base) {
    Path absBase = base.toAbsolutePath().normalize();
    Path absRoot = root.toAbsolutePath().normalize();
    List<Finding> findings = new ArrayList<>();
    int[] files = {0};
    try {
      Files.walkFileTree(absRoot, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          boolean skip = !dir.equals(absRoot)
              && guard.policy().skipDirs().contains(dir.getFileName().toString());
          return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          if (attrs.isRegularFile()) {
            files[0]++;
            Path shown = file.startsWith(absBase)
                ? absBase.relativize(file)
                : absRoot.relativize(file);
            String rel = shown.toString().isEmpty()
                ? file.getFileName().toString()
                : shown.toString().replace('\\', '/');
            FileCheck.check(guard, rel, Files.readAllBytes(file)).ifPresent(findings::add);
          }
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot scan " + root, e);
    }
    return new ScanReport(files[0], findings);
  }
}
