package dev.tollgate.internal.gate;

import java.nio.file.Path;
import java.util.Optional;

/** The gate's flags. Each may be given as {@code --flag VALUE} or {@code --flag=VALUE}. */
public record CommandLine(Path reports, Optional<Path> config, Path out, boolean help) {

    public static final String USAGE = String.join("\n",
            "usage: tollgate-gate [--reports DIR] [--config FILE] [--out FILE]",
            "  --reports DIR   root folder to scan for **/target/{surefire,failsafe}-reports/TEST-*.xml",
            "                  and **/target/tollgate/**/report.json (default: .)",
            "  --config FILE   gate configuration, a .properties file",
            "                  (default: " + GateConfig.DEFAULT_FILE_NAME + " in the current folder, if there is one)",
            "  --out FILE      where to write the Markdown summary (default: gate.md)",
            "  --help          print this and exit",
            "exit codes: 0 passed, 1 blocked, 2 could not decide");

    public static CommandLine parse(String[] args) {
        Path reports = Path.of(".");
        Path config = null;
        Path out = Path.of("gate.md");
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                return new CommandLine(reports, Optional.ofNullable(config), out, true);
            }
            String flag = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                flag = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (!flag.equals("--reports") && !flag.equals("--config") && !flag.equals("--out")) {
                throw new CannotDecideException("expected one of --reports, --config, --out or --help, but found '"
                        + arg + "'. Fix the command line:\n" + USAGE);
            }
            if (value == null) {
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw new CannotDecideException("expected a value after " + flag + ", but found "
                            + (i + 1 >= args.length ? "the end of the command line" : "'" + args[i + 1] + "'")
                            + ". Fix: write it as " + flag + " VALUE.\n" + USAGE);
                }
                value = args[++i];
            }
            if (value.isBlank()) {
                throw new CannotDecideException("expected a path after " + flag + ", but found an empty value. "
                        + "Fix: give a path, or leave the flag out to use its default.\n" + USAGE);
            }
            switch (flag) {
                case "--reports" -> reports = Path.of(value);
                case "--config" -> config = Path.of(value);
                default -> out = Path.of(value);
            }
        }
        return new CommandLine(reports, Optional.ofNullable(config), out, false);
    }
}
