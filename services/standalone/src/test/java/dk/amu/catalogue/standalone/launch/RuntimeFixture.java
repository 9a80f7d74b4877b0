package dk.amu.catalogue.standalone.launch;

/**
 * The second JVM, as the runtime is: it watches its launcher, says when it starts and when it stops
 * gracefully, and runs until stopped, or exits at once with the code it is given.
 */
public final class RuntimeFixture {

    private RuntimeFixture() {
    }

    public static void main(String[] args) throws InterruptedException {
        OptimizedLaunch.haltWithLauncher();
        if (args.length > 0) {
            System.exit(Integer.parseInt(args[0]));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("runtime stopped gracefully")));
        System.out.println("runtime " + ProcessHandle.current().pid());
        System.out.flush();
        Thread.currentThread().join();
    }
}
