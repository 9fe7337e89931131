package cn.yunying.dicom.tool;

import java.io.PrintStream;
import java.util.List;

/**
 * One subcommand of the {@code dicom} tool. The network subcommands (echo, send,
 * listen, find, move, get) are registered
 * in {@link CommandRegistry#standard()}.
 */
public interface Command {
    /** Name typed on the command line, e.g. "dump". */
    String name();

    /** One-line description for --help. */
    String summary();

    /** Usage line(s) after the command name, e.g. "FILE". */
    String usage();

    /**
     * Runs the command. Problems the user can fix are reported by throwing
     * {@link UsageException} (exit 2) or an IOException (exit 1); the CLI turns them
     * into one line on stderr.
     *
     * @return the exit status (0 for success)
     */
    int run(List<String> args, PrintStream out, PrintStream err) throws Exception;

    /** Wrong arguments. */
    final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        public UsageException(String message) {
            super(message);
        }
    }
}
