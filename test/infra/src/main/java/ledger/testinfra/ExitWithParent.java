package ledger.testinfra;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Runs another main class and exits the JVM when standard input reaches end-of-file.
 *
 * <p>The Node launcher keeps a pipe open on our stdin. If the Node process dies in any way,
 * including SIGKILL where no exit handler runs, the kernel closes that pipe, we read EOF and
 * exit, so no broker JVM is left behind holding ports and memory.
 *
 * <p>Usage: {@code java -cp ... ledger.testinfra.ExitWithParent <main-class> [args...]}
 */
public final class ExitWithParent {
    private ExitWithParent() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: ExitWithParent <main-class> [args...]");
            System.exit(2);
        }
        Thread watchdog = new Thread(ExitWithParent::exitOnStdinEof, "exit-with-parent");
        watchdog.setDaemon(true);
        watchdog.start();

        Method main = Class.forName(args[0]).getMethod("main", String[].class);
        main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    }

    private static void exitOnStdinEof() {
        InputStream in = System.in;
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) != -1) {
                // Input is ignored; we only care that the pipe is still open.
            }
        } catch (IOException ignored) {
            // A broken pipe means the parent is gone too.
        }
        // Shutdown hooks (Kafka's controlled shutdown) get a few seconds, then we halt regardless,
        // because a hook stuck on a dead network peer must not keep the JVM alive.
        Thread halter = new Thread(() -> {
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException ignored) {
                // fall through to halt
            }
            Runtime.getRuntime().halt(1);
        }, "exit-with-parent-halt");
        halter.setDaemon(true);
        halter.start();
        System.exit(0);
    }
}
