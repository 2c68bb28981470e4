package ai.jorge.guard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code jorge guard scan PATH}: checks every regular file under a directory (or one file), not
 * following symbolic links and skipping the directory names in {@code scan_skip_dirs}. Inside a
 * git work tree it checks what git would see (tracked files and untracked ones that are not
 * ignored), so local output such as {@code data/} or {@code target/} is left alone; elsewhere it
 * walks the directory. Paths are reported relative to {@code base} (the working directory) when
 * the file lies under it, so the hooks.yaml allow-list matches repository paths. Stateless.
 */
public final class TreeScan {
  private TreeScan() {}

  public static ScanReport scan(Guard guard, Path root, Path base) {
    Path absBase = base.toAbsolutePath().normalize();
    Path absRoot = root.toAbsolutePath().normalize();
    if (Files.isDirectory(absRoot)) {
      Optional<List<Path>> visible = gitVisibleFiles(absRoot);
      if (visible.isPresent()) {
        return scanFiles(guard, visible.get(), absRoot, absBase);
      }
    }
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

  /** The files git lists under {@code root}, or empty when {@code root} is not in a work tree. */
  private static Optional<List<Path>> gitVisibleFiles(Path root) {
    byte[] listing;
    try {
      if (!"true".equals(Git.text(root, "rev-parse", "--is-inside-work-tree"))) {
        return Optional.empty();
      }
      listing = Git.run(root, "ls-files", "-z", "--cached", "--others", "--exclude-standard");
    } catch (RuntimeException e) {
      return Optional.empty();
    }
    List<Path> files = new ArrayList<>();
    for (String name : new String(listing, StandardCharsets.UTF_8).split("\0")) {
      if (!name.isEmpty()) {
        files.add(root.resolve(name).normalize());
      }
    }
    return Optional.of(files);
  }

  private static ScanReport scanFiles(Guard guard, List<Path> files, Path absRoot, Path absBase) {
    List<Finding> findings = new ArrayList<>();
    int checked = 0;
    for (Path file : files) {
      if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || skipped(guard, absRoot, file)) {
        continue;
      }
      checked++;
      Path shown = file.startsWith(absBase) ? absBase.relativize(file) : absRoot.relativize(file);
      try {
        FileCheck.check(guard, shown.toString().replace('\\', '/'), Files.readAllBytes(file))
            .ifPresent(findings::add);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
    }
    return new ScanReport(checked, findings);
  }

  private static boolean skipped(Guard guard, Path root, Path file) {
    for (Path part : root.relativize(file.getParent() == null ? file : file.getParent())) {
      if (guard.policy().skipDirs().contains(part.toString())) {
        return true;
      }
    }
    return false;
  }
}
