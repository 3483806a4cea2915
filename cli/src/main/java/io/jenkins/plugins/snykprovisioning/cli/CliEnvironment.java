package io.jenkins.plugins.snykprovisioning.cli;

import java.io.Console;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** What the commands take from the process: environment variables, the console, signals. */
public interface CliEnvironment {

    String variable(String name);

    PrintStream out();

    /** True when output goes to a terminal, where a progress bar can be redrawn in place. */
    boolean terminal();

    /**
     * Runs {@code work} so that Ctrl+C (or SIGTERM) calls {@code cancel} and the process exits
     * with 130 only once {@code work} has finished writing what was done.
     */
    int interruptible(Runnable cancel, Callable<Integer> work) throws Exception;

    /** This environment, but with {@code name} set to {@code value}. */
    default CliEnvironment withVariable(String name, String value) {
        CliEnvironment base = this;
        return new CliEnvironment() {
            @Override
            public String variable(String wanted) {
                return name.equals(wanted) ? value : base.variable(wanted);
            }

            @Override
            public PrintStream out() {
                return base.out();
            }

            @Override
            public boolean terminal() {
                return base.terminal();
            }

            @Override
            public int interruptible(Runnable cancel, Callable<Integer> work) throws Exception {
                return base.interruptible(cancel, work);
            }
        };
    }

    /**
     * True when {@code console} is a terminal. Java 22 to 24 give a console also when the output goes to a
     * pipe or a file, and say whether it is a terminal with {@code Console.isTerminal()}, which Java 17 lacks:
     * without it, a progress bar's carriage returns would end up in redirected output.
     */
    static boolean isTerminal(Console console) {
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException olderJava) {
            return true;
        } catch (ReflectiveOperationException | RuntimeException unknown) {
            return false;
        }
    }

    /** The real process. */
    static CliEnvironment system() {
        return new CliEnvironment() {
            @Override
            public String variable(String name) {
                return System.getenv(name);
            }

            @Override
            public PrintStream out() {
                return System.out;
            }

            @Override
            public boolean terminal() {
                return isTerminal(System.console());
            }

            @Override
            public int interruptible(Runnable cancel, Callable<Integer> work) throws Exception {
                CountDownLatch finished = new CountDownLatch(1);
                AtomicBoolean signalled = new AtomicBoolean();
                Thread hook = new Thread(() -> {
                    signalled.set(true);
                    System.err.println();
                    System.err.println("Interrupted: finishing the users in progress and writing the results...");
                    cancel.run();
                    try {
                        finished.await(2, TimeUnit.MINUTES);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    System.out.flush();
                    System.err.flush();
                    Runtime.getRuntime().halt(ProvisionCommand.EXIT_INTERRUPTED);
                }, "snyk-provision-interrupt");
                Runtime.getRuntime().addShutdownHook(hook);
                try {
                    return work.call();
                } finally {
                    finished.countDown();
                    if (!signalled.get()) {
                        try {
                            Runtime.getRuntime().removeShutdownHook(hook);
                        } catch (IllegalStateException shuttingDown) {
                            // A signal arrived just now: the hook halts the process once it sees "finished".
                        }
                    }
                }
            }
        };
    }
}
