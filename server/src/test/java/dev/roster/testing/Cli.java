package dev.roster.testing;

import dev.roster.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** Runs {@code roster <command>} in this JVM against a test's storage, capturing what it prints. */
public final class Cli {
    public record Run(int exitCode, String out, String err) {
    }

    private Cli() {
    }

    /** One command at a time: standard output and error are the JVM's own, borrowed for the run. */
    public static synchronized Run roster(Storage storage, String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(storage.options());
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
            int code = Main.commandLine(args.toArray(String[]::new)).execute(args.toArray(String[]::new));
            return new Run(code, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
