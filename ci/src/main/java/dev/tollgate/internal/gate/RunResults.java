package dev.tollgate.internal.gate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Everything a {@code mvn verify} run left behind that the gate reads, found below one root folder. */
public record RunResults(Path root, List<TestCaseResult> testCases, List<TollgateReport> reports, int xmlFiles) {

    /** Folders that never hold a build's reports and can be huge. */
    private static final Set<String> SKIPPED_DIRS = Set.of(".git", "node_modules", ".idea", ".m2");

    public static RunResults scan(Path root) {
        if (!Files.isDirectory(root)) {
            throw new CannotDecideException("expected --reports to name a folder, but found no folder at "
                    + root.toAbsolutePath().normalize() + ". Fix: point it at the root of the build that ran"
                    + " `mvn verify` (default: the current folder).");
        }
        List<Path> xml = new ArrayList<>();
        List<Path> json = new ArrayList<>();
        walk(root, xml, json);
        List<TestCaseResult> testCases = new ArrayList<>();
        xml.stream().sorted().forEach(file -> testCases.addAll(JunitXmlReader.read(file)));
        List<TollgateReport> reports = json.stream().sorted().map(TollgateReportReader::read).toList();
        if (xml.isEmpty() && reports.isEmpty()) {
            throw new CannotDecideException("expected test results below " + root.toAbsolutePath().normalize()
                    + " (**/target/surefire-reports/TEST-*.xml, **/target/failsafe-reports/TEST-*.xml or"
                    + " **/target/tollgate/**/report.json), but found none. Fix: run `mvn verify` first, and"
                    + " point --reports at the folder it ran in.");
        }
        return new RunResults(root, List.copyOf(testCases), reports, xml.size());
    }

    private static void walk(Path root, List<Path> xml, List<Path> json) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    Path name = dir.getFileName();
                    return name != null && SKIPPED_DIRS.contains(name.toString()) && !dir.equals(root)
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (isJunitXml(root.relativize(file))) {
                        xml.add(file.normalize());
                    } else if (isTollgateReport(root.relativize(file))) {
                        json.add(file.normalize());
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw new CannotDecideException("expected to read the folder tree below " + root
                    + ", but it failed: " + e.getMessage() + ". Fix: check its permissions.", e);
        }
    }

    /** {@code **}{@code /target/surefire-reports/TEST-*.xml} or the Failsafe equivalent. */
    static boolean isJunitXml(Path relative) {
        int n = relative.getNameCount();
        if (n < 3) {
            return false;
        }
        String name = relative.getFileName().toString();
        String folder = relative.getName(n - 2).toString();
        return name.startsWith("TEST-") && name.endsWith(".xml")
                && (folder.equals("surefire-reports") || folder.equals("failsafe-reports"))
                && relative.getName(n - 3).toString().equals("target");
    }

    /** {@code **}{@code /target/tollgate/**}{@code /report.json}. */
    static boolean isTollgateReport(Path relative) {
        if (!relative.getFileName().toString().equals("report.json")) {
            return false;
        }
        for (int i = 0; i + 2 < relative.getNameCount(); i++) {
            if (relative.getName(i).toString().equals("target") && relative.getName(i + 1).toString().equals("tollgate")) {
                return true;
            }
        }
        return false;
    }
}
