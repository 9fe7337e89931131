package cn.yunying.dicom.tool;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import java.util.List;

/**
 * Entry point of {@code bin/dicom}. Exit status: 0 success, 1 the input could not
 * be read or written, 2 wrong usage, 3 an internal error (a bug: please report).
 * Every failure is one line on stderr, never a stack trace.
 */
public final class DicomCli {
    public static final int OK = 0;
    public static final int INPUT_ERROR = 1;
    public static final int USAGE_ERROR = 2;
    public static final int INTERNAL_ERROR = 3;

    private final CommandRegistry registry;

    public DicomCli(CommandRegistry registry) {
        this.registry = registry;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        int status = new DicomCli(CommandRegistry.standard()).run(args, out, err);
        out.flush();
        System.exit(status);
    }

    /** Runs with the given streams and returns the exit status (used by tests in-process). */
    public int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            printHelp(out);
            return args.length == 0 ? USAGE_ERROR : OK;
        }
        Command command = registry.find(args[0]);
        if (command == null) {
            err.println("dicom: unknown command '" + args[0] + "' (try dicom --help)");
            return USAGE_ERROR;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        if (rest.contains("--help") || rest.contains("-h")) {
            out.println("usage: dicom " + command.name() + " " + command.usage());
            out.println(command.summary());
            return OK;
        }
        try {
            int status = command.run(rest, out, err);
            out.flush();
            return status;
        } catch (Command.UsageException e) {
            err.println("dicom " + command.name() + ": " + e.getMessage() + " (usage: dicom " + command.name() + " "
                    + command.usage() + ")");
            return USAGE_ERROR;
        } catch (NoSuchFileException e) {
            err.println("dicom " + command.name() + ": no such file: " + e.getFile());
            return INPUT_ERROR;
        } catch (IOException e) {
            err.println("dicom " + command.name() + ": " + oneLine(e.getMessage() == null ? e.toString() : e.getMessage()));
            return INPUT_ERROR;
        } catch (OutOfMemoryError e) {
            err.println("dicom " + command.name() + ": out of memory");
            return INTERNAL_ERROR;
        } catch (Exception | StackOverflowError e) {
            err.println("dicom " + command.name() + ": internal error: " + oneLine(e.toString()));
            return INTERNAL_ERROR;
        }
    }

    private void printHelp(PrintStream out) {
        out.println("usage: dicom COMMAND [ARGS]   (dicom COMMAND --help for details)");
        out.println();
        out.println("commands:");
        for (Command c : registry.all()) {
            out.printf("  %-6s %s%n", c.name(), c.summary());
        }
        out.println();
        out.println("exit status: 0 ok, 1 unreadable input, 2 wrong usage, 3 internal error");
    }

    private static String oneLine(String s) {
        return s.replace('\n', ' ').replace('\r', ' ');
    }
}
