package dev.tollgate.internal.gate;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the JUnit XML that Surefire and Failsafe write ({@code TEST-*.xml}). */
public final class JunitXmlReader {

    private JunitXmlReader() {
    }

    public static List<TestCaseResult> read(Path file) {
        Element root = parse(file).getDocumentElement();
        if (!root.getTagName().equals("testsuite") && !root.getTagName().equals("testsuites")) {
            throw new CannotDecideException("expected a JUnit XML report with a <testsuite> root in " + file
                    + ", but found <" + root.getTagName() + ">. Fix: keep only Surefire/Failsafe reports under"
                    + " target/surefire-reports and target/failsafe-reports.");
        }
        List<TestCaseResult> results = new ArrayList<>();
        List<Element> suites = root.getTagName().equals("testsuite") ? List.of(root) : children(root, "testsuite");
        for (Element suite : suites) {
            List<TestCaseResult> inSuite = new ArrayList<>();
            for (Element testCase : children(suite, "testcase")) {
                inSuite.add(testCase(testCase, file));
            }
            results.addAll(inSuite);
            results.addAll(unattributedFailures(suite, inSuite, file));
        }
        return results;
    }

    private static TestCaseResult testCase(Element testCase, Path file) {
        String className = testCase.getAttribute("classname");
        String name = testCase.getAttribute("name");
        for (String tag : List.of("failure", "error")) {
            List<Element> problems = children(testCase, tag);
            if (!problems.isEmpty()) {
                Element problem = problems.get(0);
                String message = problem.getAttribute("message");
                if (message.isBlank()) {
                    message = firstLine(problem.getTextContent());
                }
                String type = problem.getAttribute("type");
                String detail = tag + (type.isBlank() ? "" : " " + type) + (message.isBlank() ? "" : ": " + message);
                return new TestCaseResult(className, name, TestCaseResult.Outcome.FAILED, detail, file);
            }
        }
        TestCaseResult.Outcome outcome = children(testCase, "skipped").isEmpty()
                ? TestCaseResult.Outcome.PASSED : TestCaseResult.Outcome.SKIPPED;
        return new TestCaseResult(className, name, outcome, "", file);
    }

    /**
     * A suite can count failures that no test case carries (a class that failed to initialise),
     * and those must block too.
     */
    private static List<TestCaseResult> unattributedFailures(Element suite, List<TestCaseResult> inSuite, Path file) {
        long found = inSuite.stream().filter(t -> t.outcome() == TestCaseResult.Outcome.FAILED).count();
        long counted = count(suite, "failures") + count(suite, "errors");
        if (counted <= found) {
            return List.of();
        }
        String name = suite.getAttribute("name");
        return List.of(new TestCaseResult(name, "(suite)", TestCaseResult.Outcome.FAILED,
                "the suite counts " + counted + " failures and errors, but only " + found
                        + " are attached to test cases; see " + file.getFileName(), file));
    }

    private static long count(Element suite, String attribute) {
        try {
            return Long.parseLong(suite.getAttribute(attribute).trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element e && e.getTagName().equals(tag)) {
                found.add(e);
            }
        }
        return found;
    }

    private static String firstLine(String text) {
        String trimmed = text == null ? "" : text.strip();
        int eol = trimmed.indexOf('\n');
        return eol < 0 ? trimmed : trimmed.substring(0, eol).strip();
    }

    /** The default handler prints parse errors to stderr; ours are reported once, with the fix. */
    private static final class QuietErrors implements ErrorHandler {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    }

    private static Document parse(Path file) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            // Reports are plain data: refuse DTDs and external entities outright.
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new QuietErrors());
            return builder.parse(file.toFile());
        } catch (SAXParseException e) {
            throw new CannotDecideException("expected well-formed JUnit XML in " + file + ", but line "
                    + e.getLineNumber() + " column " + e.getColumnNumber() + " says: " + e.getMessage()
                    + ". Fix: rerun the build (a killed test JVM leaves cut-off reports), or delete the file.", e);
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new CannotDecideException("expected a readable JUnit XML report at " + file
                    + ", but reading it failed: " + e.getMessage() + ". Fix: rerun the build, or delete the file.", e);
        }
    }
}
